import { renderApprovalCard } from '../../cards/approval.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';

/**
 * Replaces every posted copy of a decided request's approval card (in the channel and in approvers'
 * chats) with the decision, except the one whose invoke is answered with the new card directly. A copy
 * in a channel shows the contact masked, one in a personal chat in full.
 * A copy that cannot be updated is logged; the decision itself is already saved.
 */
export async function updateApprovalCards(
  deps: BotDeps,
  request: ApprovalRequest,
  exceptActivityId?: string,
) {
  for (const copy of request.cards) {
    if (copy.activityId === exceptActivityId) continue;
    const card = renderApprovalCard({
      locale: request.request.locale,
      request,
      offers: deps.offers,
      view: 'base',
      refreshUserIds: [],
      inSharedConversation: isSharedConversation(copy.origin.conversationType),
    });
    try {
      await deps.messenger.updateInConversation(copy.origin, copy.activityId, { attachments: [card] });
    } catch (error) {
      deps.logger.warn(
        { requestId: request.id, activityId: copy.activityId, error: describeError(error) },
        'could not update a copy of the approval card',
      );
    }
  }
}
