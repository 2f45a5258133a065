import type { Attachment } from 'botbuilder';
import type { Turn } from '../bot-deps.js';

/**
 * Shows a dialog's card: the first one is sent, every later one replaces it in place, so that a
 * channel thread holds one card per dialog rather than a trail of stale ones. Returns the state with
 * the card's message id.
 */
export async function showDialogCard<S extends { cardActivityId?: string }>(
  turn: Turn,
  state: S,
  card: Attachment,
): Promise<S> {
  if (state.cardActivityId) {
    await turn.context.updateActivity({ id: state.cardActivityId, type: 'message', attachments: [card] });
    return state;
  }
  const sent = await turn.context.sendActivity({ attachments: [card] });
  return { ...state, cardActivityId: sent?.id };
}

/** Replaces a dialog's card with a plain text, for example when the dialog is cancelled. */
export async function replaceDialogCardWithText(
  turn: Turn,
  state: { cardActivityId?: string },
  text: string,
) {
  if (state.cardActivityId) {
    await turn.context.updateActivity({ id: state.cardActivityId, type: 'message', text, attachments: [] });
  } else {
    await turn.context.sendActivity(text);
  }
}
