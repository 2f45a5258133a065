import type { TurnContext } from 'botbuilder';
import type { CustomerStore } from '../../store/customer-store.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import type { SwitchToAddSubscription } from '../dialogs/add-customer-dialog.js';
import { type FlowSubmit, ownerIdOf } from '../dialogs/add-customer-draft.js';
import { beginAddSubscription } from '../dialogs/begin-add-subscription.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';
import { DialogTurnStatus } from '../dialogs/dialogs-sdk.js';

/**
 * Passes a press on a dialog card (add customer or add subscription) to the user's open dialog. With no
 * dialog open, a press on a card whose request was already submitted (a double click or a Teams retry)
 * is ignored; any other card is stale and the user is told how to start again. When the user chose to
 * add subscriptions to an existing customer instead, that dialog starts on the same card.
 */
export async function continueCardDialog(
  runner: DialogRunner,
  store: CustomerStore,
  newId: () => string,
  context: TurnContext,
  submit: FlowSubmit,
) {
  const open = await runner.run(context, async (dc) => {
    if (!dc.activeDialog) return false;
    const result = await dc.continueDialog();
    const handOver = result.result as SwitchToAddSubscription | undefined;
    if (result.status === DialogTurnStatus.complete && handOver?.switchToCustomerId) {
      const { from } = context.activity;
      await beginAddSubscription(
        dc,
        store,
        newId,
        { id: ownerIdOf(from), name: from.name ?? '' },
        {
          customerId: handOver.switchToCustomerId,
          cardActivityId: handOver.cardActivityId,
        },
      );
    }
    return true;
  });
  if (open || (await store.findByRequestId(submit.flowId))) return;
  await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.cardExpired'));
}
