import type { Locale } from '../../store/i18n/translate.js';
import { TEAMS_HOST_CONFIG } from './teams-host-config.js';

/** The width of a card in a Teams chat on a desktop, give or take. */
export const CARD_WIDTH = 520;

/** Button and input styles as Teams draws them, over the `adaptivecards` SDK's own stylesheet. */
const TEAMS_CSS = `
body { margin: 0; padding: 16px; background: #f5f5f5; font-family: ${TEAMS_HOST_CONFIG.fontTypes.default.fontFamily}; }
#host { width: ${CARD_WIDTH}px; }
.ac-adaptiveCard { border: 1px solid #e0e0e0; border-radius: 6px; }
.ac-adaptiveCard p { margin: 0; }
.ac-pushButton {
  font: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 4px 12px;
  border: 1px solid #d1d1d1; border-radius: 4px; background: #ffffff; color: #242424;
}
.ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #ffffff; }
.ac-pushButton.style-destructive { background: #ffffff; border-color: #d1d1d1; color: #c4314b; }
.ac-input.ac-textInput, .ac-input.ac-numberInput, select.ac-input {
  font: inherit; font-size: 14px; height: 32px; padding: 0 8px; box-sizing: border-box;
  border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; background: #ffffff; color: #242424;
}
`;

/**
 * The page a card is rendered into: an empty host element on a Teams-like chat background, with the
 * SDK's stylesheet and Teams' styles over it. `lang` makes Chromium pick Simplified Chinese glyphs.
 */
export function previewPageHtml(locale: Locale, sdkStylesheet: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<style>${sdkStylesheet}</style><style>${TEAMS_CSS}</style></head><body><div id="host"></div></body></html>`;
}
