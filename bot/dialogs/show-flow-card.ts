import type { Attachment, TurnContext } from 'botbuilder';
import type { FlowDraft } from './add-customer-draft.js';

/**
 * Shows a card of a dialog: the first one is sent, every later one replaces it in place,
 * so that a channel thread holds one card per dialog rather than a trail of stale ones.
 */
export async function showFlowCard(context: TurnContext, draft: FlowDraft, card: Attachment): Promise<void> {
  if (draft.cardActivityId) {
    await context.updateActivity({ id: draft.cardActivityId, type: 'message', attachments: [card] });
    return;
  }
  const sent = await context.sendActivity({ attachments: [card] });
  draft.cardActivityId = sent?.id;
}

/** Replaces the dialog's card with a plain text, for example when the dialog is cancelled. */
export async function replaceFlowCardWithText(context: TurnContext, draft: FlowDraft, text: string) {
  if (draft.cardActivityId) {
    await context.updateActivity({ id: draft.cardActivityId, type: 'message', text, attachments: [] });
  } else {
    await context.sendActivity(text);
  }
}
