import type { TurnContext } from 'botbuilder';
import type { CustomerStore } from '../../store/customer-store.js';
import type { FlowSubmit } from '../dialogs/add-customer-draft.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';
import { pickLocale, translator } from '../i18n/translate.js';

/**
 * Passes a press on an add-customer card to the user's dialog. With no dialog open, a press on a card
 * whose request was already submitted (a double click or a Teams retry) is ignored; any other card is
 * stale and the user is told how to start again.
 */
export async function continueAddCustomer(
  runner: DialogRunner,
  store: CustomerStore,
  context: TurnContext,
  submit: FlowSubmit,
) {
  const open = await runner.run(context, async (dc) => {
    if (!dc.activeDialog) return false;
    await dc.continueDialog();
    return true;
  });
  if (open || (await store.findByRequestId(submit.flowId))) return;
  await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.cardExpired'));
}
