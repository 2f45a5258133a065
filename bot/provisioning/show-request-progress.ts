import { renderReviewCard } from '../../cards/review.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import { updateRequestCards } from '../approval/update-request-cards.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import { ownerIdOf } from '../routing/owner-id-of.js';
import { progressOf } from './request-progress.js';

/**
 * Shows where a request's creation stands (creating, created, failed), in the requester's language, on
 * the one card the request has in each conversation: the request card of an approved request (every
 * copy of it), or the requester's Review card when no approval was asked. A card that cannot be
 * updated is logged: the request itself is saved.
 */
export async function showRequestProgress(deps: BotDeps, stored: ApprovalRequest): Promise<void> {
  if (stored.decision) {
    await updateRequestCards(deps, stored);
    return;
  }
  const progress = progressOf(deps, stored);
  if (!stored.reviewCard || !progress) return;
  const { request } = stored;
  const card = renderReviewCard({
    locale: request.locale,
    flowId: stored.id,
    owner: {
      id: ownerIdOf({ id: request.requester.userId, aadObjectId: request.requester.aadObjectId }),
      name: request.requester.name,
    },
    account: request.account,
    subscriptions: request.subscriptions,
    offers: deps.offers,
    state: progress,
    maskContact: isSharedConversation(stored.reviewCard.origin.conversationType),
  });
  try {
    await deps.messenger.updateInConversation(stored.reviewCard.origin, stored.reviewCard.activityId, {
      attachments: [card],
    });
  } catch (error) {
    deps.logger.warn(
      { requestId: stored.id, error: describeError(error) },
      'could not update the Review card',
    );
  }
}
