import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator } from 'playwright-core';
import { cardInput } from './card-input.js';

/**
 * Picks `option` (its visible title) in a card's `Input.ChoiceSet` with the compact style, which the
 * Playground renders as a Fluent UI combobox whose options open in a listbox outside the card.
 */
export async function chooseCardOption(card: Locator, label: string, option: string): Promise<void> {
  const combobox = await cardInput(card, label);
  await combobox.click();
  await card.page().getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  const deadline = Date.now() + 5_000;
  let shown = await combobox.inputValue();
  while (shown !== option) {
    if (Date.now() > deadline) throw new Error(`"${label}" shows "${shown}" after choosing "${option}"`);
    await sleep(50);
    shown = await combobox.inputValue();
  }
}
