import type { Turn } from '../bot-deps.js';
import { beginAddCustomer } from '../dialogs/add-customer-dialog.js';
import { endOpenDialog } from '../dialogs/close-dialog.js';

/** `add customer`: starts a fresh add-customer dialog for the sender, closing any they had open here. */
export async function startAddCustomer(turn: Turn) {
  await endOpenDialog(turn, 'replaced');
  turn.state.dialog = await beginAddCustomer(turn);
}
