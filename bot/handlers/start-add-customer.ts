import type { TurnContext } from 'botbuilder';
import type { AddCustomerDraft, AddCustomerOptions } from '../dialogs/add-customer-draft.js';
import { ownerIdOf } from '../dialogs/add-customer-draft.js';
import { DIALOG_IDS } from '../dialogs/dialog-ids.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';

/** Starts a fresh add-customer dialog for the user who typed the command, ending any they had open here. */
export async function startAddCustomer(runner: DialogRunner, newId: () => string, context: TurnContext) {
  const { from } = context.activity;
  const draft: AddCustomerDraft = {
    flowId: newId(),
    owner: { id: ownerIdOf(from), name: from.name ?? '' },
    accountInput: {},
    subscriptionsInput: {},
    returnToReview: false,
  };
  const options: AddCustomerOptions = { draft, startAt: 'account' };
  await runner.run(context, async (dc) => {
    await dc.cancelAllDialogs();
    await dc.beginDialog(DIALOG_IDS.addCustomer, options);
  });
}
