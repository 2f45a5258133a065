import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../../cards/help.js';
import type { MessageKey } from '../i18n/en-us.js';
import { pickLocale, translator } from '../i18n/translate.js';

/** Answers with the help card, optionally with a notice above the commands. */
export async function showHelp(context: TurnContext, notice?: MessageKey) {
  const locale = pickLocale(context.activity.locale);
  const card = renderHelpCard({ locale, notice: notice ? translator(locale)(notice) : undefined });
  await context.sendActivity({ attachments: [card] });
}
