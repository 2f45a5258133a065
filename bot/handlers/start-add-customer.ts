import type { Turn } from '../bot-deps.js';
import { beginAddCustomer } from '../dialogs/add-customer-dialog.js';

/** `add customer`: starts a fresh add-customer dialog for the sender, ending any they had open here. */
export async function startAddCustomer(turn: Turn) {
  turn.state.dialog = await beginAddCustomer(turn);
}
