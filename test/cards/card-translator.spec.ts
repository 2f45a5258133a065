import assert from 'node:assert/strict';
import { cardTranslator } from '../../cards/card-translator.js';
import { enUS, type MessageKey } from '../../store/i18n/en-us.js';
import { type Locale, translator } from '../../store/i18n/translate.js';

const KEYS = Object.keys(enUS) as MessageKey[];
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];

describe('cardTranslator', () => {
  it('should give every message of both languages as translator does, the second time too', () => {
    for (const locale of LOCALES) {
      const t = cardTranslator(locale);

      const first = KEYS.map((key) => t(key));
      const second = KEYS.map((key) => t(key));

      const expected = KEYS.map((key) => translator(locale)(key));
      assert.deepEqual(first, expected);
      assert.deepEqual(second, expected);
    }
  });

  it('should fill the parameters of a message at each call, not the first ones again', () => {
    const t = cardTranslator('en-US');

    const texts = [t('review.licenses', { count: 3 }), t('review.licenses', { count: 7 })];

    assert.deepEqual(texts, [
      translator('en-US')('review.licenses', { count: 3 }),
      translator('en-US')('review.licenses', { count: 7 }),
    ]);
    assert.notEqual(texts[0], texts[1]);
  });
});
