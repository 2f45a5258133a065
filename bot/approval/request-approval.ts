import { renderApprovalCard } from '../../cards/approval.js';
import type { CustomerRequest, PostedCard } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import { resolveTeamsUserIds } from '../messaging/resolve-teams-user-ids.js';
import type { RequestSubmitter, SubmitOutcome } from '../provisioning/request-submitter.js';

/**
 * The submitter used when approvers are configured: Submit stores the request as pending and posts an
 * approval card where it was made (or, from a personal chat, privately to each approver).
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
    if (!saved.created) return { kind: 'pendingApproval' };
    await store.appendAudit({
      at: this.deps.now().toISOString(),
      event: 'request.submitted',
      requestId: request.requestId,
      actor: request.requester,
      conversationId: request.origin.conversationId,
    });
    const cards =
      request.origin.conversationType === 'personal'
        ? await this.postToApproversPrivately(request)
        : await this.postToConversation(request);
    await store.addRequestCards(request.requestId, cards);
    return { kind: 'pendingApproval' };
  }

  private async postToConversation(request: CustomerRequest): Promise<PostedCard[]> {
    const { deps } = this;
    const approverUserIds = await resolveTeamsUserIds(deps, request.origin, deps.approverIds);
    const pending = await deps.store.findRequest(request.requestId);
    if (!pending) throw new Error(`request ${request.requestId} vanished`);
    const card = renderApprovalCard({
      locale: request.locale,
      request: pending,
      offers: deps.offers,
      view: 'base',
      refreshUserIds: [request.requester.userId, ...approverUserIds],
      inSharedConversation: isSharedConversation(request.origin.conversationType),
    });
    const posted = await deps.messenger.sendToConversation(request.origin, { attachments: [card] });
    return posted.activityId ? [{ origin: request.origin, activityId: posted.activityId }] : [];
  }

  private async postToApproversPrivately(request: CustomerRequest): Promise<PostedCard[]> {
    const { deps } = this;
    const pending = await deps.store.findRequest(request.requestId);
    if (!pending) throw new Error(`request ${request.requestId} vanished`);
    const cards: PostedCard[] = [];
    const requesterCard = renderApprovalCard({
      locale: request.locale,
      request: pending,
      offers: deps.offers,
      view: 'requester',
      refreshUserIds: [],
      inSharedConversation: false,
    });
    const own = await deps.messenger.sendToConversation(request.origin, { attachments: [requesterCard] });
    if (own.activityId) cards.push({ origin: request.origin, activityId: own.activityId });
    for (const approverId of deps.approverIds) {
      const approverCard = renderApprovalCard({
        locale: request.locale,
        request: pending,
        offers: deps.offers,
        view: 'approver',
        refreshUserIds: [],
        inSharedConversation: false,
      });
      try {
        const userId = (await deps.directory.teamsUserIdOf(approverId)) ?? approverId;
        const approver = { userId, aadObjectId: approverId, name: '' };
        const posted = await deps.messenger.sendToUser(request.origin, approver, {
          attachments: [approverCard],
        });
        if (posted.activityId) {
          cards.push({
            origin: {
              ...request.origin,
              conversationId: posted.conversationId,
              conversationType: 'personal',
            },
            activityId: posted.activityId,
          });
        }
      } catch (error) {
        deps.logger.warn(
          { requestId: request.requestId, approverId, error: describeError(error) },
          'approver not reachable',
        );
      }
    }
    return cards;
  }
}
