import type { Attachment } from 'botbuilder';
import { type ApprovalView, renderApprovalCard } from '../../cards/approval.js';
import type { ApprovalRequest, PostedCard } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import { progressOf } from '../provisioning/request-progress.js';
import { isApprover } from './request-roles.js';

/**
 * The request card for one viewer, in the request's current state (decision and creation included), for
 * a conversation of `conversationType` (in a channel or group chat what everyone sees shows the contact
 * masked). `refreshUserIds` lets those users' clients fetch their own view of a shared copy.
 */
export function renderRequestCard(
  deps: Pick<BotDeps, 'offers' | 'partnerCenter'>,
  stored: ApprovalRequest,
  view: ApprovalView,
  conversationType: string | undefined,
  refreshUserIds: readonly string[] = [],
  reasonMissing = false,
): Attachment {
  return renderApprovalCard({
    locale: stored.request.locale,
    request: stored,
    offers: deps.offers,
    view,
    refreshUserIds,
    reasonMissing,
    inSharedConversation: isSharedConversation(conversationType),
    progress: progressOf(deps, stored),
  });
}

/**
 * The view a posted copy shows by itself: the requester's own 1:1 chat (where the request was made)
 * shows the requester's actions, and an approver's actions too if the requester is one; an approver's
 * private copy shows the approver's; a shared copy (channel, group chat) shows none and lets the
 * requester's client fetch their view while there is something left for them to do.
 */
function copyView(deps: BotDeps, stored: ApprovalRequest, copy: PostedCard) {
  const { origin, requester } = stored.request;
  if (copy.origin.conversationType !== 'personal') {
    return { view: 'base' as const, refreshUserIds: [requester.userId] };
  }
  if (copy.origin.conversationId !== origin.conversationId) return { view: 'approver' as const };
  return { view: isApprover(deps, requester) ? ('approverRequester' as const) : ('requester' as const) };
}

/**
 * Replaces every posted copy of a request's card (where it was made, and in approvers' chats) with the
 * request as it now stands, except the one whose invoke is answered with the new card directly. A copy
 * that cannot be updated is logged; the request itself is already saved.
 */
export async function updateRequestCards(deps: BotDeps, stored: ApprovalRequest, exceptActivityId?: string) {
  for (const copy of stored.cards) {
    if (copy.activityId === exceptActivityId) continue;
    const { view, refreshUserIds } = copyView(deps, stored, copy);
    const card = renderRequestCard(deps, stored, view, copy.origin.conversationType, refreshUserIds);
    try {
      await deps.messenger.updateInConversation(copy.origin, copy.activityId, { attachments: [card] });
    } catch (error) {
      deps.logger.warn(
        { requestId: stored.id, activityId: copy.activityId, error: describeError(error) },
        'could not update a copy of the request card',
      );
    }
  }
}
