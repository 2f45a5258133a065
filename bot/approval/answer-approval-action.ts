import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { ApprovalView } from '../../cards/approval.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { escapeUserText } from '../../cards/render-card.js';
import type { ApprovalRequest, AuditEntry, Decision, Requester } from '../../store/customer-schema.js';
import { exceededOffers } from '../../store/customers/exceeded-offers.js';
import { translator } from '../../store/i18n/translate.js';
import type { BotDeps, Turn } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { addSubscriptionsAndNotify } from '../provisioning/add-subscriptions-and-notify.js';
import { startCreation } from '../provisioning/create-requested-customer.js';
import type { CardActionOf } from '../routing/card-action.js';
import { cardResponse, messageResponse } from '../routing/invoke-responses.js';
import { isApprover, isRequester } from './request-roles.js';
import { renderRequestCard, updateRequestCards } from './update-request-cards.js';

/** An `Action.Execute` on an approval card. */
export type ApprovalAction = CardActionOf<
  | typeof CARD_VERBS.approvalRefresh
  | typeof CARD_VERBS.approvalApprove
  | typeof CARD_VERBS.approvalReject
  | typeof CARD_VERBS.approvalWithdraw
  | typeof CARD_VERBS.approvalRetry
>;

/**
 * Answers an `Action.Execute` on a request card (refresh, approve, reject, withdraw, try again) with the
 * card the presser should now see. The router has checked the request exists and that the presser may
 * press (an approver for Approve and Reject, the requester for Withdraw and Try again); a request is
 * decided once, and a repeated press gets the decided card.
 */
export async function answerApprovalAction(
  turn: Turn,
  action: ApprovalAction,
): Promise<AdaptiveCardInvokeResponse> {
  const { deps, context } = turn;
  const request = await deps.store.findRequest(action.requestId);
  if (!request) return messageResponse(turn.t('approval.unknownRequest'));
  const view = viewOf(deps, request, context.activity.from);
  const cardFor = (current: ApprovalRequest, reasonMissing = false) =>
    cardResponse(
      renderRequestCard(
        deps,
        current,
        view,
        context.activity.conversation.conversationType,
        [context.activity.from.id],
        reasonMissing,
      ).content,
    );
  const latest = async () => (await deps.store.findRequest(request.id)) ?? request;
  const decide = async (status: Decision['status'], reason?: string) => {
    const { from } = context.activity;
    const by: Requester = { userId: from.id, aadObjectId: from.aadObjectId, name: from.name ?? '' };
    const result = await deps.store.decideRequest(request.id, {
      status,
      by,
      at: deps.now().toISOString(),
      reason,
    });
    if (!result.decided) return cardFor(result.request);
    await afterDecision(deps, context, result.request);
    return cardFor(await latest());
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
    case CARD_VERBS.approvalRetry:
      if (request.creation?.state === 'failed') await startCreation(deps, request);
      return cardFor(await latest());
  }
}

/** The view of the request card the presser gets: their own actions, all of them if they are both. */
function viewOf(
  deps: BotDeps,
  request: ApprovalRequest,
  user: { id: string; aadObjectId?: string },
): ApprovalView {
  const approver = isApprover(deps, user);
  const requester = isRequester(request, user);
  if (approver && requester) return 'approverRequester';
  return approver ? 'approver' : requester ? 'requester' : 'base';
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

/**
 * Everything a fresh decision sets off. The creation mark is saved in the turn; the audit line and what
 * goes through the Bot Connector or Partner Center (the requester's notice, the order, every other copy
 * of the card) run after the invoke is answered, since the answer does not need them and Teams waits on
 * it (a slow connector would otherwise hold the approver's card past Teams' deadline). Nothing after the
 * answer uses the turn's context, which the adapter revokes when the turn ends.
 */
async function afterDecision(deps: BotDeps, context: TurnContext, request: ApprovalRequest) {
  const decision = request.decision;
  if (!decision) return;
  if (decision.status === 'approved' && request.request.kind === 'newCustomer') {
    await startCreation(deps, request);
  }
  const audit: AuditEntry = {
    at: decision.at,
    event: `request.${decision.status}`,
    requestId: request.id,
    actor: decision.by,
    conversationId: context.activity.conversation.id,
    detail: decision.reason,
  };
  deps.background.start(`audit the decision on request ${request.id}`, () => deps.store.appendAudit(audit));
  const answeredCardId = context.activity.replyToId;
  deps.background.start(`tell of the decision on request ${request.id}`, async () => {
    if (decision.status === 'approved' && request.request.kind === 'addSubscriptions') {
      const outcome = await addSubscriptionsAndNotify(deps, request.request);
      if (outcome.kind === 'created' || outcome.kind === 'alreadySubmitted') {
        await deps.store.setRequestCustomer(request.id, outcome.customer.id);
      }
    } else if (decision.status === 'rejected') {
      await tellOfRejection(deps, request, decision);
    }
    await updateRequestCards(deps, request, answeredCardId);
  });
}

/** Sends the rejection to the requester's 1:1 chat, or says it where the request was made. */
async function tellOfRejection(deps: BotDeps, request: ApprovalRequest, decision: Decision) {
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
