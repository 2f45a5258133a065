import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { renderApprovalCard } from '../../cards/approval.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { escapeUserText } from '../../cards/render-card.js';
import type { ApprovalRequest, Decision, Requester } from '../../store/customer-schema.js';
import { exceededOffers } from '../../store/customers/exceeded-offers.js';
import { translator } from '../../store/i18n/translate.js';
import type { BotDeps, Turn } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import { addSubscriptionsAndNotify } from '../provisioning/add-subscriptions-and-notify.js';
import { startCreation } from '../provisioning/create-requested-customer.js';
import type { CardActionOf } from '../routing/card-action.js';
import { cardResponse, messageResponse } from '../routing/invoke-responses.js';
import { ownerIdOf } from '../routing/owner-id-of.js';
import { updateApprovalCards } from './update-approval-cards.js';

/** An `Action.Execute` on an approval card. */
export type ApprovalAction = CardActionOf<
  | typeof CARD_VERBS.approvalRefresh
  | typeof CARD_VERBS.approvalApprove
  | typeof CARD_VERBS.approvalReject
  | typeof CARD_VERBS.approvalWithdraw
>;

/**
 * Answers an `Action.Execute` on an approval card (refresh, approve, reject, withdraw) with the card the
 * presser should now see. The router has checked the request exists and that the presser may press
 * (an approver for Approve and Reject, the requester for Withdraw); a request is decided once, and a
 * repeated press gets the decided card.
 */
export async function answerApprovalAction(
  turn: Turn,
  action: ApprovalAction,
): Promise<AdaptiveCardInvokeResponse> {
  const { deps, context } = turn;
  const request = await deps.store.findRequest(action.requestId);
  if (!request) return messageResponse(turn.t('approval.unknownRequest'));
  const view = isApprover(deps, context.activity.from)
    ? 'approver'
    : isRequester(request, context.activity.from)
      ? 'requester'
      : 'base';
  const cardFor = (current: ApprovalRequest, reasonMissing = false) =>
    cardResponse(
      renderApprovalCard({
        locale: turn.locale,
        request: current,
        offers: deps.offers,
        view,
        refreshUserIds: [context.activity.from.id],
        reasonMissing,
        inSharedConversation: isSharedConversation(context.activity.conversation.conversationType),
      }).content,
    );
  const decide = async (status: Decision['status'], reason?: string) => {
    const { from } = context.activity;
    const by: Requester = { userId: from.id, aadObjectId: from.aadObjectId, name: from.name ?? '' };
    const result = await deps.store.decideRequest(request.id, {
      status,
      by,
      at: deps.now().toISOString(),
      reason,
    });
    if (result.decided) await afterDecision(deps, context, result.request);
    return cardFor(result.request);
  };

  switch (action.verb) {
    case CARD_VERBS.approvalRefresh:
      return cardFor(request);
    case CARD_VERBS.approvalWithdraw:
      return decide('withdrawn');
    case CARD_VERBS.approvalReject: {
      const reason = (action.rejectReason ?? '').trim().slice(0, 500);
      if (reason === '' && request.status === 'pending') return cardFor(request, true);
      return decide('rejected', reason);
    }
    case CARD_VERBS.approvalApprove: {
      const problem = await approvalProblem(deps, request);
      return problem ? decide('rejected', problem) : decide('approved');
    }
  }
}

/** True when the user is one of the configured approvers. */
export function isApprover(deps: Pick<BotDeps, 'approverIds'>, user: { aadObjectId?: string }): boolean {
  return deps.approverIds.includes((user.aadObjectId ?? '').toLowerCase());
}

/** True when the user made the request. */
export function isRequester(request: ApprovalRequest, user: { id: string; aadObjectId?: string }): boolean {
  const { requester } = request.request;
  return ownerIdOf(user) === ownerIdOf({ id: requester.userId, aadObjectId: requester.aadObjectId });
}

/**
 * Why an approval cannot be carried out any more, in the requester's language: the domain was taken
 * meanwhile, or the customer got licenses meanwhile and the order would go over an offer's maximum.
 */
async function approvalProblem(deps: BotDeps, request: ApprovalRequest): Promise<string | undefined> {
  const { kind, account, customerId, subscriptions, locale } = request.request;
  const t = translator(locale);
  if (kind === 'newCustomer') {
    const taken = await deps.store.isDomainTaken(account.domainPrefix);
    return taken ? t('approval.domainTaken', { domain: account.domainPrefix }) : undefined;
  }
  const customer = customerId ? await deps.store.findById(customerId) : undefined;
  const over = customer ? exceededOffers(customer.subscriptions, subscriptions, deps.offers) : [];
  return over.length > 0 ? t('approval.limitExceeded') : undefined;
}

/** Everything a fresh decision sets off: audit, creation or notice, and every other copy of the card. */
async function afterDecision(deps: BotDeps, context: TurnContext, request: ApprovalRequest) {
  const decision = request.decision;
  if (!decision) return;
  await deps.store.appendAudit({
    at: decision.at,
    event: `request.${decision.status}`,
    requestId: request.id,
    actor: decision.by,
    conversationId: context.activity.conversation.id,
    detail: decision.reason,
  });
  if (decision.status === 'approved' && request.request.kind === 'newCustomer') {
    await startCreation(deps, request);
  } else if (decision.status === 'approved') {
    const outcome = await addSubscriptionsAndNotify(deps, request.request);
    if (outcome.kind === 'created' || outcome.kind === 'alreadySubmitted') {
      await deps.store.setRequestCustomer(request.id, outcome.customer.id);
    }
  } else if (decision.status === 'rejected') {
    const notice = renderRejectionNoticeCard({
      locale: request.request.locale,
      requestId: request.id,
      companyName: request.request.account.companyName,
      approverName: decision.by.name,
      reason: decision.reason ?? '',
    });
    try {
      await deps.messenger.sendToUser(request.request.origin, request.request.requester, {
        attachments: [notice],
      });
    } catch (error) {
      deps.logger.warn(
        { requestId: request.id, error: describeError(error) },
        'could not tell the requester of the rejection',
      );
      const t = translator(request.request.locale);
      await deps.messenger.sendToConversation(request.request.origin, {
        text: t('approval.rejectedNotice', {
          company: escapeUserText(request.request.account.companyName),
          name: escapeUserText(decision.by.name),
        }),
      });
    }
  }
  await updateApprovalCards(deps, request, context.activity.replyToId);
}
