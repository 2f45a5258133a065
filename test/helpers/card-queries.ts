import type { FakeBotConnector, SentActivity } from './fake-bot-connector.js';

/** An Adaptive Card as JSON, loosely typed for searching. */
export type CardJson = {
  body?: unknown[];
  actions?: { title?: string; verb?: string; data?: Record<string, unknown> }[];
};

/** The Adaptive Card in a sent activity, if it has one. */
export function cardOf(entry: SentActivity | undefined): CardJson | undefined {
  return entry?.activity.attachments?.[0]?.content as CardJson | undefined;
}

/** Every message the bot sent to a conversation that carries a card, oldest first. */
export function cardsSentTo(connector: FakeBotConnector, conversationId: string): SentActivity[] {
  return connector.sentTo(conversationId).filter((entry) => cardOf(entry) !== undefined);
}

/**
 * The data of the card's button with this verb (an `Action.Submit` carries it in `data.verb`, an
 * `Action.Execute` in `verb`); fails loudly if the card has no such button.
 */
export function actionData(card: CardJson | undefined, verb: string): Record<string, unknown> {
  const action = card?.actions?.find((candidate) => candidate.data?.verb === verb || candidate.verb === verb);
  if (!action?.data)
    throw new Error(`the card has no button with verb ${verb}: ${JSON.stringify(card?.actions)}`);
  return action.data;
}

/** A button of a card: an `Action.Submit`, `Action.Execute` or `Action.OpenUrl`, wherever it sits. */
export type CardButton = {
  type: string;
  title?: string;
  verb?: string;
  url?: string;
  data?: Record<string, unknown>;
};

/** Every button of a card in document order: those in ActionSets of the body, then the card's own actions. */
export function buttonsOf(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.'))
      found.push(element as CardButton);
    for (const [key, value] of Object.entries(element)) if (key !== 'actions') walk(value);
    walk(element.actions);
  };
  walk(card);
  return found;
}

/**
 * The data of the card's button with this title, wherever it is (a card action or an ActionSet in the
 * body), as a user finds it; fails loudly if the card has no such button.
 */
export function buttonData(card: unknown, title: string): Record<string, unknown> {
  const button = buttonsOf(card).find((candidate) => candidate.title === title);
  if (!button?.data) {
    const titles = buttonsOf(card).map((candidate) => candidate.title);
    throw new Error(`the card has no button titled ${JSON.stringify(title)}: ${JSON.stringify(titles)}`);
  }
  return button.data;
}

/**
 * The facts of each container of a card that holds a heading (its first TextBlock) and a FactSet, in
 * order: the sections of Review, the customers of the customer list. Facts are `title: value` strings.
 */
export function factSections(card: unknown): { heading: string; facts: string[] }[] {
  const sections: { heading: string; facts: string[] }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; items?: { type?: string; text?: string; facts?: unknown }[] };
    const heading = element.items?.find((item) => item.type === 'TextBlock');
    const factSet = element.items?.find((item) => item.type === 'FactSet');
    if (element.type === 'Container' && heading?.text !== undefined && factSet) {
      const facts = (factSet.facts ?? []) as { title: string; value: string }[];
      sections.push({ heading: heading.text, facts: facts.map((fact) => `${fact.title}: ${fact.value}`) });
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return sections;
}

/**
 * The element a user sees right above the card's buttons: the last element of the body (the card's
 * own actions come after the body), or the one before a closing ActionSet.
 */
export function elementAboveActions(card: CardJson | undefined): Record<string, unknown> | undefined {
  const body = (card?.body ?? []) as Record<string, unknown>[];
  const last = body.at(-1);
  return last?.type === 'ActionSet' ? body.at(-2) : last;
}

/** The text of the card's first element, its title (every card of the bot starts with one). */
export function cardTitle(card: CardJson | undefined): string | undefined {
  return (card?.body?.[0] as { text?: string } | undefined)?.text;
}

/** All strings in a card (texts, labels, values, fact titles), for "the card shows X" assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}

/** Finds an input element of a card by its id. */
export function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && element.id === id) {
      found = element;
      return;
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

/** The error text shown right after an input (the next TextBlock in its container), or undefined. */
export function errorBeside(card: unknown, id: string): string | undefined {
  let result: string | undefined;
  const walk = (node: unknown) => {
    if (result !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      const index = node.findIndex((item) => (item as { id?: string })?.id === id);
      if (index >= 0) {
        const after = node.slice(index + 1) as { type?: string; color?: string; text?: string }[];
        result = after.find((item) => item.type === 'TextBlock' && item.color === 'Attention')?.text ?? '';
        return;
      }
      return node.forEach(walk);
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return result === '' ? undefined : result;
}
