import type {
  ApprovalRequest,
  AuditEntry,
  CustomerRequest,
  PostedCard,
} from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { resolveTeamsUserIds } from '../messaging/resolve-teams-user-ids.js';
import type { RequestSubmitter, SubmitOutcome } from '../provisioning/request-submitter.js';
import { isApprover } from './request-roles.js';
import { renderRequestCard } from './update-request-cards.js';

/**
 * The submitter used when approvers are configured: Submit stores the request as pending and turns the
 * requester's Review card into the request card, on which approvers decide and everyone follows the
 * request to its end; so a conversation shows one card per request. In a channel or group chat the
 * approvers there get their actions through the card's refresh; a request made in a personal chat is
 * also posted privately to each approver (not twice to a requester who is one).
 */
export class RequestApproval implements RequestSubmitter {
  constructor(private readonly deps: BotDeps) {}

  async submit(request: CustomerRequest, reviewCardActivityId?: string): Promise<SubmitOutcome> {
    const { store } = this.deps;
    if (request.kind === 'newCustomer' && (await store.isDomainTaken(request.account.domainPrefix))) {
      return { kind: 'domainTaken' };
    }
    const saved = await store.addRequest({
      id: request.requestId,
      status: 'pending',
      request,
      cards: [],
      reviewCard: reviewCardActivityId
        ? { origin: request.origin, activityId: reviewCardActivityId }
        : undefined,
    });
    if (!saved.created) {
      // An earlier Submit saved the request but could not show it (the Bot Connector failed and the
      // turn ended with an apology): pressing Submit again shows it now
      const unseen = saved.request.status === 'pending' && saved.request.cards.length === 0;
      if (unseen) await this.showCards(saved.request);
      return { kind: 'pendingApproval' };
    }
    await this.showCards(saved.request);
    // The audit line is not needed for the answer: it is written after the turn, as background work
    // (which `App.idle()` and shutdown wait for)
    const audit: AuditEntry = {
      at: this.deps.now().toISOString(),
      event: 'request.submitted',
      requestId: request.requestId,
      actor: request.requester,
      conversationId: request.origin.conversationId,
    };
    this.deps.background.start(`audit the submission of request ${request.requestId}`, () =>
      store.appendAudit(audit),
    );
    return { kind: 'pendingApproval' };
  }

  /**
   * Shows a pending request where it was made and, from a personal chat, to each approver privately,
   * and records where its card copies are.
   */
  private async showCards(pending: ApprovalRequest): Promise<void> {
    const shown = await this.showWhereMade(pending);
    const cards = shown ? [shown] : [];
    if (pending.request.origin.conversationType === 'personal') {
      cards.push(...(await this.postToApproversPrivately(pending)));
    }
    await this.deps.store.addRequestCards(pending.id, cards);
  }

  /** Replaces the requester's Review card with the request card (or posts it, if there is none). */
  private async showWhereMade(pending: ApprovalRequest): Promise<PostedCard | undefined> {
    const { deps } = this;
    const { origin, requester } = pending.request;
    const card =
      origin.conversationType === 'personal'
        ? renderRequestCard(
            deps,
            pending,
            isApprover(deps, requester) ? 'approverRequester' : 'requester',
            origin.conversationType,
          )
        : renderRequestCard(deps, pending, 'base', origin.conversationType, [
            requester.userId,
            ...(await resolveTeamsUserIds(deps, origin, deps.approverIds)),
          ]);
    if (pending.reviewCard) {
      await deps.messenger.updateInConversation(origin, pending.reviewCard.activityId, {
        attachments: [card],
      });
      return pending.reviewCard;
    }
    const posted = await deps.messenger.sendToConversation(origin, { attachments: [card] });
    return posted.activityId ? { origin, activityId: posted.activityId } : undefined;
  }

  private async postToApproversPrivately(pending: ApprovalRequest): Promise<PostedCard[]> {
    const { deps } = this;
    const { origin, requester } = pending.request;
    const cards: PostedCard[] = [];
    const requesterId = (requester.aadObjectId ?? '').toLowerCase();
    for (const approverId of deps.approverIds.filter((id) => id !== requesterId)) {
      const approverCard = renderRequestCard(deps, pending, 'approver', 'personal');
      try {
        const userId = (await deps.directory.teamsUserIdOf(approverId)) ?? approverId;
        const approver = { userId, aadObjectId: approverId, name: '' };
        const posted = await deps.messenger.sendToUser(origin, approver, { attachments: [approverCard] });
        if (posted.activityId) {
          cards.push({
            origin: { ...origin, conversationId: posted.conversationId, conversationType: 'personal' },
            activityId: posted.activityId,
          });
        }
      } catch (error) {
        deps.logger.warn(
          { requestId: pending.id, approverId, error: describeError(error) },
          'approver not reachable',
        );
      }
    }
    return cards;
  }
}
