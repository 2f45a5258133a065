import type { Turn } from '../bot-deps.js';
import { beginAddSubscription } from '../dialogs/add-subscription-dialog.js';

/** `add subscription`: starts the add-subscription dialog for the sender, ending any they had open here. */
export async function startAddSubscription(turn: Turn) {
  turn.state.dialog = await beginAddSubscription(turn);
}
