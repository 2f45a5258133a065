import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../../cards/help.js';
import { pickLocale } from '../../store/i18n/translate.js';

/** Answers with the help card in the user's language. */
export async function showHelp(context: TurnContext) {
  await context.sendActivity({
    attachments: [renderHelpCard({ locale: pickLocale(context.activity.locale) })],
  });
}
