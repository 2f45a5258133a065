import type { TurnContext } from 'botbuilder';
import type { CustomerStore } from '../../store/customer-store.js';
import { ownerIdOf } from '../dialogs/add-customer-draft.js';
import { beginAddSubscription } from '../dialogs/begin-add-subscription.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';

/** `add subscription`: starts the add-subscription dialog for the user, ending any they had open here. */
export async function startAddSubscription(
  runner: DialogRunner,
  store: CustomerStore,
  newId: () => string,
  context: TurnContext,
) {
  const { from } = context.activity;
  await runner.run(context, async (dc) => {
    await dc.cancelAllDialogs();
    await beginAddSubscription(dc, store, newId, { id: ownerIdOf(from), name: from.name ?? '' });
  });
}
