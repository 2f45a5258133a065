import type { ReviewCardData } from '../../cards/review.js';
import { renderReviewCard } from '../../cards/review.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import { ownerIdOf } from '../routing/owner-id-of.js';

/**
 * Shows on the requester's Review card where the request stands (creating, created, failed), in the
 * requester's language. A card that cannot be updated is logged: the request itself is saved.
 */
export async function showRequestProgress(
  deps: BotDeps,
  stored: ApprovalRequest,
  state: ReviewCardData['state'],
): Promise<void> {
  if (!stored.reviewCard) return;
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
    state,
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
