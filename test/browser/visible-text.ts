import type { Locator } from 'playwright-core';

/**
 * The text a person sees in an element (a card, the page), line breaks included, as Playwright's
 * `innerText` gives it: hidden elements are left out, and each block is its own line, so a test can
 * tell that an error message is right below the field it belongs to.
 */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property; textContent would lose the line breaks and include hidden text
  return locator.innerText();
}
