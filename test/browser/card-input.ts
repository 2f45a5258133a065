import type { Locator } from 'playwright-core';

/**
 * The input of a rendered Adaptive Card whose label reads `label` (the required-field asterisk aside).
 * The Playground renders inputs with Fluent UI and gives them generated ids (`__ac-<uuid>`), not the
 * card's input ids, so the `<label for>` the renderer writes is the reliable link between them.
 */
export async function cardInput(card: Locator, label: string): Promise<Locator> {
  const id = await card
    .locator('label')
    .evaluateAll(
      (labels, wanted) =>
        labels
          .find((element) => (element.textContent ?? '').replace(/\s*\*\s*$/, '').trim() === wanted)
          ?.getAttribute('for') ?? null,
      label,
    );
  if (!id) throw new Error(`The card has no input labelled "${label}"`);
  return card.locator(`[id="${id}"]`);
}
