import type { TurnContext } from 'botbuilder';
import type { CustomerStore } from '../../store/customer-store.js';
import { ACCOUNT_INFO_FIELDS, type AccountInfoInput } from '../../store/customers/account-info-schema.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import { type AddCustomerDraft, type AddCustomerOptions, ownerIdOf } from '../dialogs/add-customer-draft.js';
import { DIALOG_IDS } from '../dialogs/dialog-ids.js';
import type { DialogRunner } from '../dialogs/dialog-runner.js';

/**
 * Edit and resubmit on a rejection notice: reopens the requester's add-customer dialog at Review with the
 * rejected request's values; submitting it makes a new request.
 */
export async function resubmitRequest(
  runner: DialogRunner,
  store: CustomerStore,
  newId: () => string,
  context: TurnContext,
  requestId: string,
) {
  const { from } = context.activity;
  const stored = await store.findRequest(requestId);
  const requester = stored?.request.requester;
  const mine =
    requester !== undefined &&
    ownerIdOf({ id: requester.userId, aadObjectId: requester.aadObjectId }) === ownerIdOf(from);
  if (!stored || !requester || stored.status !== 'rejected' || !mine) {
    await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.cardExpired'));
    return;
  }
  const { account, subscriptions } = stored.request;
  const accountInput: AccountInfoInput = {};
  for (const field of ACCOUNT_INFO_FIELDS) {
    const value = account[field];
    if (value !== undefined) accountInput[field] = String(value);
  }
  const draft: AddCustomerDraft = {
    flowId: newId(),
    owner: { id: ownerIdOf(from), name: from.name ?? requester.name },
    accountInput,
    account,
    subscriptionsInput: Object.fromEntries(
      subscriptions.map((line) => [line.offerId, String(line.quantity)]),
    ),
    subscriptions,
    returnToReview: true,
  };
  const options: AddCustomerOptions = { draft, startAt: 'review' };
  await runner.run(context, async (dc) => {
    await dc.cancelAllDialogs();
    await dc.beginDialog(DIALOG_IDS.addCustomer, options);
  });
}
