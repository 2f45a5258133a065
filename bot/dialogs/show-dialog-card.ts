import type { Attachment } from 'botbuilder';
import { type DialogClosedCardData, renderDialogClosedCard } from '../../cards/dialog-closed.js';
import type { Turn } from '../bot-deps.js';
import type { DialogState } from './dialog-state.js';

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

/**
 * Replaces a dialog's card with the small closed card (no inputs, no buttons), so that an ended dialog
 * leaves nothing live behind. Returns false when the dialog never had a card to replace.
 */
export async function closeDialogCard(
  turn: Turn,
  state: DialogState,
  reason: DialogClosedCardData['reason'],
): Promise<boolean> {
  if (!state.cardActivityId) return false;
  const card = renderDialogClosedCard({
    locale: turn.locale,
    dialog: state.kind,
    reason,
    owner: state.owner,
  });
  await turn.context.updateActivity({ id: state.cardActivityId, type: 'message', attachments: [card] });
  return true;
}
