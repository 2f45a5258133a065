import { enUS, type MessageKey } from '../../../store/i18n/en-us.js';
import { type Locale, translator } from '../../../store/i18n/translate.js';
import { cardOf, cardText } from '../../helpers/card-queries.js';
import type { SentActivity } from '../../helpers/fake-bot-connector.js';
import { parseAdaptiveCard } from '../../helpers/parse-adaptive-card.js';

/** Teams refuses messages over about 100 KB (card included). */
const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
const KEYS = Object.keys(enUS) as MessageKey[];

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*');
  return new RegExp(`^${escaped}$`);
}

const knownTexts = new Map(
  LOCALES.map((locale) => [locale, KEYS.map((key) => templatePattern(translator(locale)(key)))]),
);
const foreignTexts = new Map(
  LOCALES.map((locale) => {
    const other = LOCALES.find((candidate) => candidate !== locale) as Locale;
    const own = new Set(KEYS.map((key) => translator(locale)(key)));
    const foreign = KEYS.map((key) => translator(other)(key)).filter(
      (text) => !own.has(text) && !/\{\w+\}/.test(text) && text.length >= 6,
    );
    return [locale, new Set(foreign)];
  }),
);

/**
 * Every problem with what the bot sent a user of `locale` in reply to a hostile press: a text that is
 * not one of the bot's own messages in that language, a card the Adaptive Cards SDK reports events for,
 * a card over Teams' message size limit, or a card showing a text of the other language.
 */
export function problemsWithReplies(replies: SentActivity[], locale: Locale): string[] {
  const problems: string[] = [];
  for (const reply of replies) {
    const card = cardOf(reply);
    if (!card) {
      const text = reply.activity.text ?? '';
      if (!knownTexts.get(locale)?.some((pattern) => pattern.test(text))) {
        problems.push(
          `a text that is not a ${locale} message of the bot: ${JSON.stringify(text).slice(0, 200)}`,
        );
      }
      continue;
    }
    const bytes = Buffer.byteLength(JSON.stringify(reply.activity));
    if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) problems.push(`a message of ${bytes} bytes, over Teams' limit`);
    const events = parseAdaptiveCard(card);
    if (events.length > 0)
      problems.push(`a card the Adaptive Cards SDK reports events for: ${events.join('; ')}`);
    const lines = new Set(cardText(card).split('\n'));
    const foreign = [...(foreignTexts.get(locale) ?? [])].filter((text) => lines.has(text));
    if (foreign.length > 0) problems.push(`a ${locale} card showing ${JSON.stringify(foreign.slice(0, 3))}`);
  }
  return problems;
}

/** Error-level lines (pino level 50 and up) among log lines. */
export function errorLogLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    try {
      return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
    } catch {
      return true;
    }
  });
}
