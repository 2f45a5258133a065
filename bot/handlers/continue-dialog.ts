import type { Turn } from '../bot-deps.js';
import { continueAddCustomer } from '../dialogs/add-customer-dialog.js';
import { continueAddSubscription } from '../dialogs/add-subscription-dialog.js';
import type { DialogAction } from '../routing/card-action.js';

/**
 * Passes a press on a dialog's card to the sender's open dialog, which the router has checked is the
 * dialog the card belongs to.
 */
export async function continueDialog(turn: Turn, action: DialogAction) {
  const { dialog } = turn.state;
  if (dialog?.kind === 'addCustomer') turn.state.dialog = await continueAddCustomer(turn, dialog, action);
  else if (dialog?.kind === 'addSubscription') {
    turn.state.dialog = await continueAddSubscription(turn, dialog, action);
  }
}
