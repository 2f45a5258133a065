import type { TurnContext } from 'botbuilder';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';

/** Ends the user's open dialog in this conversation, if any, and says so. */
export async function cancelAddCustomer(runner: DialogRunner, context: TurnContext) {
  const t = translator(pickLocale(context.activity.locale));
  const hadDialog = await runner.run(context, async (dc) => {
    if (!dc.activeDialog) return false;
    await dc.cancelAllDialogs();
    return true;
  });
  await context.sendActivity(hadDialog ? t('flow.cancelled') : t('flow.nothingToCancel'));
}
