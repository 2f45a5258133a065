import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../store/i18n/translate.js';
import { CARD_RENDER_CASES } from './card-render-cases.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/cards/rendered-cards.json', import.meta.url));
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];

function renderAll(): Record<string, unknown> {
  return Object.fromEntries(
    CARD_RENDER_CASES.flatMap((card) =>
      LOCALES.map((locale) => [`${card.name}.${locale}`, card.prepare(locale)()]),
    ),
  );
}

/**
 * Every card of `cards/`, rendered many ways in both locales, must stay exactly as recorded, down to the
 * order of its properties: what guards changes made to render cards faster. An intended change to a card
 * is recorded by running the tests with `UPDATE_CARD_FIXTURES=1`, then `npm run format`, and reviewing the fixture's diff.
 */
describe('rendered cards', () => {
  it('should render every case of every card exactly as recorded in test/fixtures/cards/rendered-cards.json', () => {
    const rendered = renderAll();
    if (process.env.UPDATE_CARD_FIXTURES === '1') {
      writeFileSync(FIXTURE, `${JSON.stringify(rendered, null, 2)}\n`, 'utf8');
      return;
    }

    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

    assert.deepEqual(Object.keys(rendered), Object.keys(recorded));
    for (const [name, attachment] of Object.entries(rendered)) {
      assert.equal(JSON.stringify(attachment), JSON.stringify(recorded[name]), `${name} differs`);
    }
  });

  it('should render a card the same the second time as the first', () => {
    const first = JSON.stringify(renderAll());

    const second = JSON.stringify(renderAll());

    assert.equal(second, first);
  });
});
