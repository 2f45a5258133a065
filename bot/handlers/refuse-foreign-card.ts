import type { TurnContext } from 'botbuilder';
import { pickLocale, translator } from '../../store/i18n/translate.js';

/** Politely refuses a press on a card that belongs to another user; nothing changes. */
export async function refuseForeignCard(context: TurnContext) {
  await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.notYourCard'));
}
