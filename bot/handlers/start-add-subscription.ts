import type { Turn } from '../bot-deps.js';
import { beginAddSubscription } from '../dialogs/add-subscription-dialog.js';
import { endOpenDialog } from '../dialogs/close-dialog.js';

/** `add subscription`: starts the add-subscription dialog for the sender, closing any they had open here. */
export async function startAddSubscription(turn: Turn) {
  await endOpenDialog(turn, 'replaced');
  turn.state.dialog = await beginAddSubscription(turn);
}
