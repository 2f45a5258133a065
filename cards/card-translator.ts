import type { MessageKey } from '../store/i18n/en-us.js';
import { type Locale, type Translate, translator } from '../store/i18n/translate.js';

const translators = new Map<Locale, Translate>();

/**
 * `translator(locale)` for the cards: a message that takes no parameter (a label, a button title) is
 * looked up and its placeholders scanned once per locale instead of at every render, as the catalogs
 * never change while the bot runs. Messages with parameters are translated at each call.
 */
export function cardTranslator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const uncached = translator(locale);
    const texts = new Map<MessageKey, string>();
    translate = (key, params) => {
      if (params) return uncached(key, params);
      let text = texts.get(key);
      if (text === undefined) {
        text = uncached(key);
        texts.set(key, text);
      }
      return text;
    };
    translators.set(locale, translate);
  }
  return translate;
}
