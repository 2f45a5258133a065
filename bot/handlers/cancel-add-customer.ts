import type { TurnContext } from 'botbuilder';
import type { DialogRunner } from '../dialogs/dialog-runner.js';
import { pickLocale, translator } from '../i18n/translate.js';

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
