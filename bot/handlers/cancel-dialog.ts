import type { Turn } from '../bot-deps.js';
import { endOpenDialog } from '../dialogs/close-dialog.js';

/** `cancel`: ends the sender's open dialog in this conversation, if any, closes its card and says so. */
export async function cancelDialog(turn: Turn) {
  const ended = await endOpenDialog(turn, 'cancelled');
  await turn.context.sendActivity(ended ? turn.t('flow.cancelled') : turn.t('flow.nothingToCancel'));
}
