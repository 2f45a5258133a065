import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import type { Locale } from '../../store/i18n/translate.js';
import { expectJsonFixture } from './expect-json-fixture.js';
import { findCardObjects } from './find-card-objects.js';
import { parseAdaptiveCard } from './parse-adaptive-card.js';

const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];

/** Teams refuses a message of about 28 KB and more with 413, so a card attachment must stay below it. */
export const MAX_CARD_ATTACHMENT_BYTES = 28_000;

/** A function of `cards/` that renders a card from its data. */
export type CardRenderer<D> = (data: D) => Attachment;

const renderersUnderContract = new Set<unknown>();

/** Whether `describeCardContract` has been called for this render function. */
export function hasCardContract(render: unknown): boolean {
  return renderersUnderContract.has(render);
}

function findNullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => findNullPaths(item, `${at}[${index}]`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => findNullPaths(item, `${at}.${name}`));
  }
  return [];
}

/**
 * Defines, for each locale, the tests every card must pass in Teams: `render` called with `data(locale)`
 * gives an Adaptive Card attachment the SDK parses and validates without events, schema 1.5, serialised
 * under 28 KB, fully expanded (no `${`, no null), with no property named `key` in the data of any action
 * (Agents Playground crashes on it) and, with `fixture`, equal to `test/fixtures/cards/<variant>.<locale>.json`.
 * `data` must hold no `${`. Records `render` as under contract (see `hasCardContract`).
 */
export function describeCardContract<D>(
  render: CardRenderer<D>,
  variant: string,
  data: (locale: Locale) => D,
  options: { fixture?: boolean } = {},
): void {
  renderersUnderContract.add(render);
  for (const locale of LOCALES) {
    const card = () => render(data(locale));
    describe(`${variant} card in ${locale}`, () => {
      it('should be an Adaptive Card attachment the SDK parses and validates without any event', () => {
        const attachment = card();

        const events = parseAdaptiveCard(attachment.content);

        assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
        assert.deepEqual(events, []);
      });

      it('should declare version 1.5', () => {
        const content = card().content as { version: string };

        assert.equal(content.version, '1.5');
      });

      it(`should serialise to under ${MAX_CARD_ATTACHMENT_BYTES} bytes, below the size Teams refuses`, () => {
        const bytes = Buffer.byteLength(JSON.stringify(card()));

        assert.ok(bytes < MAX_CARD_ATTACHMENT_BYTES, `${bytes} bytes`);
      });

      it('should leave no template expression and no null value', () => {
        const content = card().content;

        assert.ok(!JSON.stringify(content).includes('${'), JSON.stringify(content));
        assert.deepEqual(findNullPaths(content), []);
      });

      it('should name no property "key" in the data of any action', () => {
        const content = card().content;

        const actions = findCardObjects(
          content,
          (node) => typeof node.type === 'string' && node.type.startsWith('Action.'),
        );
        const withKey = findCardObjects(
          actions.map((action) => action.data),
          (node) => Object.hasOwn(node, 'key'),
        );

        assert.deepEqual(withKey, []);
      });

      if (options.fixture) {
        it('should match its expected JSON fixture', async () => {
          const attachment = card();

          await expectJsonFixture(
            attachment.content,
            new URL(`../fixtures/cards/${variant}.${locale}.json`, import.meta.url),
          );
        });
      }
    });
  }
}
