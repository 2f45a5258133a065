import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { Locale } from '../../store/i18n/translate.js';
import { CHROMIUM_ARGS } from '../chromium.js';
import type { PreviewCard } from './preview-cards.js';
import { previewPageHtml } from './preview-page.js';
import { TEAMS_HOST_CONFIG } from './teams-host-config.js';

const resolve = createRequire(import.meta.url).resolve;
const ADAPTIVE_CARDS_JS = resolve('adaptivecards/dist/adaptivecards.js');
const ADAPTIVE_CARDS_CSS = path.join(path.dirname(ADAPTIVE_CARDS_JS), 'adaptivecards.css');
const MARKDOWN_IT_JS = path.join(
  path.dirname(resolve('markdown-it/package.json')),
  'dist/browser/markdown-it.umd.min.js',
);

/** What the preview page has once its scripts are loaded. */
type PreviewWindow = {
  AdaptiveCards: typeof import('adaptivecards');
  markdownit: () => { render: (text: string) => string };
};

/** Where the pictures go and what to picture; `chromiumPath` from `findChromium()`. */
export type CardPreviewOptions = {
  chromiumPath: string;
  outDir: string;
  cards: readonly PreviewCard[];
  locales?: readonly Locale[];
};

/** The pictures written, and what the SDK reported while parsing the cards (empty when all is well). */
export type CardPreviews = { files: string[]; warnings: string[] };

async function renderLocale(
  browser: Browser,
  locale: Locale,
  options: CardPreviewOptions,
  result: CardPreviews,
): Promise<void> {
  const context = await browser.newContext({
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 600, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    await context.route(/^https?:/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(previewPageHtml(locale, await readFile(ADAPTIVE_CARDS_CSS, 'utf8')));
    await page.addScriptTag({ path: MARKDOWN_IT_JS });
    await page.addScriptTag({ path: ADAPTIVE_CARDS_JS });
    for (const card of options.cards) {
      const messages = await page.evaluate(
        ({ json, hostConfig }) => {
          const { AdaptiveCards, markdownit } = window as unknown as PreviewWindow;
          const markdown = markdownit();
          AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, processed) => {
            processed.outputHtml = markdown.render(text);
            processed.didProcess = true;
          };
          const adaptiveCard = new AdaptiveCards.AdaptiveCard();
          adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
          const serialization = new AdaptiveCards.SerializationContext();
          adaptiveCard.parse(json, serialization);
          const host = document.getElementById('host') as HTMLElement;
          host.replaceChildren(adaptiveCard.render() ?? document.createElement('div'));
          return Array.from(
            { length: serialization.eventCount },
            (_, i) => serialization.getEventAt(i).message,
          );
        },
        { json: card.render(locale).content, hostConfig: TEAMS_HOST_CONFIG },
      );
      result.warnings.push(...messages.map((message) => `${card.name} (${locale}): ${message}`));
      const file = path.join(options.outDir, `${card.name}.${locale}.png`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.locator('#host > .ac-adaptiveCard').screenshot({ path: file, animations: 'disabled' });
      result.files.push(file);
    }
  } finally {
    await context.close();
  }
}

/**
 * Renders each card with the real `adaptivecards` JS renderer (Markdown by markdown-it, as Teams
 * renders Markdown) and a Teams host config in headless Chromium, and saves a picture of the card as
 * `<outDir>/<card>.<locale>.png`. Works offline: every network request is refused.
 */
export async function renderCardPreviews(options: CardPreviewOptions): Promise<CardPreviews> {
  await mkdir(options.outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS });
  const result: CardPreviews = { files: [], warnings: [] };
  try {
    for (const locale of options.locales ?? (['en-US', 'zh-CN'] as const)) {
      await renderLocale(browser, locale, options, result);
    }
  } finally {
    await browser.close();
  }
  return result;
}
