// `npx tsx scripts/make-icons.ts`: draws the Teams app icons (manifest/color.png 192x192 and
// manifest/outline.png 32x32, white on transparent) from the SVGs below in headless Chromium.
// Run it only when the icons change and commit the PNGs; `npm run package` uses the committed files.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

/** The app's accent colour: the colour icon's background and the manifest's `accentColor`. */
const ACCENT = '#0F6CBD';

/** A person with a plus badge ("add customer"), white on the accent colour, filling the 192 px tile. */
const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" fill="${ACCENT}"/>
  <circle cx="84" cy="70" r="24" fill="#fff"/>
  <path d="M40 142c0-26 20-44 44-44s44 18 44 44v6H40z" fill="#fff"/>
  <circle cx="134" cy="130" r="26" fill="${ACCENT}"/>
  <circle cx="134" cy="130" r="21" fill="#fff"/>
  <path d="M134 119v22M123 130h22" stroke="${ACCENT}" stroke-width="6" stroke-linecap="round"/>
</svg>`;

/** The same person and plus as white outlines on a transparent 32 px square. */
const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <g fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="13" cy="10" r="5"/>
    <path d="M4 27c0-5 4-9 9-9 2 0 3.5.4 5 1.3"/>
    <path d="M24 18v10M19 23h10"/>
  </g>
</svg>`;

const ICONS = [
  { file: 'color.png', svg: COLOR_SVG, size: 192 },
  { file: 'outline.png', svg: OUTLINE_SVG, size: 32 },
] as const;

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('Chromium was not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${icon.svg}</body></html>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
    });
    const target = path.join('manifest', icon.file);
    await writeFile(target, png);
    console.log(`Wrote ${target} (${icon.size}x${icon.size})`);
  }
} finally {
  await browser.close();
}
