// `npm run cards:preview`: pictures every card of scripts/cards-preview/preview-cards.ts in en-US and
// zh-CN, rendered like Teams renders them, as docs/cards/<card>.<locale>.png. Needs Chromium and, for
// the Chinese pictures, a CJK font (apt-get install -y fonts-noto-cjk).
import path from 'node:path';
import { PREVIEW_CARDS } from './cards-preview/preview-cards.js';
import { renderCardPreviews } from './cards-preview/render-card-previews.js';
import { findChromium } from './chromium.js';

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('Chromium was not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  process.exit(1);
}
const previews = await renderCardPreviews({
  chromiumPath,
  outDir: path.join('docs', 'cards'),
  cards: PREVIEW_CARDS,
});
for (const file of previews.files) console.log(`Wrote ${file}`);
for (const warning of previews.warnings) console.warn(`Warning: the adaptivecards SDK reported ${warning}`);
