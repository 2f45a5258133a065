import type { Turn } from '../bot-deps.js';

/** `cancel`: ends the sender's open dialog in this conversation, if any, and says so. */
export async function cancelDialog(turn: Turn) {
  const hadDialog = turn.state.dialog !== undefined;
  turn.state.dialog = undefined;
  await turn.context.sendActivity(hadDialog ? turn.t('flow.cancelled') : turn.t('flow.nothingToCancel'));
}
