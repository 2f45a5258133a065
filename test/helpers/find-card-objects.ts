/** A JSON object somewhere inside a card. */
export type CardObject = Record<string, unknown>;

/**
 * Walks a card depth-first, in document order, and returns every object the predicate accepts:
 * elements, actions, choices, facts, action data.
 */
export function findCardObjects(card: unknown, accept: (node: CardObject) => boolean): CardObject[] {
  const found: CardObject[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node !== null && typeof node === 'object') {
      const object = node as CardObject;
      if (accept(object)) found.push(object);
      for (const value of Object.values(object)) visit(value);
    }
  };
  visit(card);
  return found;
}
