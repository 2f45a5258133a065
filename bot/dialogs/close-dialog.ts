import type { Turn } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { closeAddCustomer } from './add-customer-dialog.js';
import type { DialogState } from './dialog-state.js';
import { closeDialogCard } from './show-dialog-card.js';

/**
 * Ends the sender's open dialog here, if any, when it ends outside its own buttons (`cancel` typed as
 * text, or a new dialog started over it), and closes its card so that nothing on it stays live. The
 * turn goes on if the old card cannot be updated (deleted in Teams, the Bot Connector down): the dialog
 * has ended all the same, and what failed is logged. Returns the dialog that was open.
 */
export async function endOpenDialog(
  turn: Turn,
  reason: 'cancelled' | 'replaced',
): Promise<DialogState | undefined> {
  const open = turn.state.dialog;
  turn.state.dialog = undefined;
  if (!open) return undefined;
  try {
    if (open.kind === 'addCustomer') await closeAddCustomer(turn, open, reason);
    else await closeDialogCard(turn, open, reason);
  } catch (error) {
    turn.deps.logger.warn(
      { error: describeError(error), dialog: open.kind, reason },
      'could not close the card of an ended dialog',
    );
  }
  return open;
}
