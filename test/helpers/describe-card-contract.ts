import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import type { Locale } from '../../store/i18n/translate.js';
import { expectJsonFixture } from './expect-json-fixture.js';
import { findCardObjects } from './find-card-objects.js';
import { parseAdaptiveCard } from './parse-adaptive-card.js';

const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
const MAX_CARD_BYTES = 80 * 1024;

function findNullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => findNullPaths(item, `${at}[${index}]`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => findNullPaths(item, `${at}.${name}`));
  }
  return [];
}

/**
 * Defines, for each locale, the tests every card must pass in Teams: an Adaptive Card attachment the SDK
 * parses without events, schema 1.5, under 80 KB, fully expanded (no `${`, no null), no Action.Submit
 * data property named `key` (Agents Playground crashes on it), and equal to its fixture
 * `test/fixtures/cards/<fixture>.<locale>.json`. `render` must use data without `${` in it.
 */
export function describeCardContract(fixture: string, render: (locale: Locale) => Attachment): void {
  for (const locale of LOCALES) {
    describe(`${fixture} card in ${locale}`, () => {
      it('should be an Adaptive Card attachment the SDK parses without any event', () => {
        const attachment = render(locale);

        const events = parseAdaptiveCard(attachment.content);

        assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
        assert.deepEqual(events, []);
      });

      it('should declare version 1.5 and stay under 80 KB', () => {
        const card = render(locale).content as { version: string };

        assert.equal(card.version, '1.5');
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < MAX_CARD_BYTES);
      });

      it('should leave no template expression and no null value', () => {
        const card = render(locale).content;

        assert.ok(!JSON.stringify(card).includes('${'), JSON.stringify(card));
        assert.deepEqual(findNullPaths(card), []);
      });

      it('should name no Action.Submit data property "key"', () => {
        const card = render(locale).content;

        const submits = findCardObjects(card, (node) => node.type === 'Action.Submit');
        const withKey = findCardObjects(
          submits.map((submit) => submit.data),
          (node) => Object.hasOwn(node, 'key'),
        );

        assert.deepEqual(withKey, []);
      });

      it('should match its expected JSON fixture', async () => {
        const attachment = render(locale);

        await expectJsonFixture(
          attachment.content,
          new URL(`../fixtures/cards/${fixture}.${locale}.json`, import.meta.url),
        );
      });
    });
  }
}
