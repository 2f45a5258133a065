import type { CARD_VERBS } from '../../cards/card-verbs.js';
import { ACCOUNT_INFO_FIELDS, type AccountInfoInput } from '../../store/customers/account-info-schema.js';
import type { Turn } from '../bot-deps.js';
import { beginAddCustomer } from '../dialogs/add-customer-dialog.js';
import { endOpenDialog } from '../dialogs/close-dialog.js';
import type { CardActionOf } from '../routing/card-action.js';

/**
 * Edit and resubmit on a rejection notice (the sender's own rejected request, checked by the router):
 * reopens the add-customer dialog at Review with the request's values (closing any dialog open here);
 * submitting makes a new request.
 */
export async function resubmitRequest(turn: Turn, action: CardActionOf<typeof CARD_VERBS.approvalResubmit>) {
  const stored = await turn.deps.store.findRequest(action.requestId);
  if (!stored) return;
  const { account, subscriptions } = stored.request;
  const accountInput: AccountInfoInput = {};
  for (const field of ACCOUNT_INFO_FIELDS) {
    const value = account[field];
    if (value !== undefined) accountInput[field] = String(value);
  }
  const subscriptionsInput = Object.fromEntries(
    subscriptions.map((line) => [line.offerId, String(line.quantity)]),
  );
  await endOpenDialog(turn, 'replaced');
  turn.state.dialog = await beginAddCustomer(turn, { accountInput, subscriptionsInput });
}
