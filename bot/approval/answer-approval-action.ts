import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderApprovalCard } from '../../cards/approval.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { escapeMarkdown } from '../../cards/render-card.js';
import type { ApprovalRequest, Decision, Requester } from '../../store/customer-schema.js';
import { exceededOffers } from '../../store/customers/exceeded-offers.js';
import type { MessageKey } from '../../store/i18n/en-us.js';
import { type Locale, pickLocale, translator } from '../../store/i18n/translate.js';
import { ownerIdOf } from '../dialogs/add-customer-draft.js';
import { describeError } from '../logging/describe-error.js';
import { fulfilRequest } from '../provisioning/fulfil-request.js';
import type { ApprovalDeps } from './approval-deps.js';
import { updateApprovalCards } from './update-approval-cards.js';

const ApprovalActionSchema = z.object({
  verb: z.enum([
    CARD_VERBS.approvalRefresh,
    CARD_VERBS.approvalApprove,
    CARD_VERBS.approvalReject,
    CARD_VERBS.approvalWithdraw,
  ]),
  data: z.looseObject({ requestId: z.string().max(200), rejectReason: z.unknown().optional() }),
});

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/**
 * Answers an `Action.Execute` on an approval card (refresh, approve, reject, withdraw) with the card the
 * presser should now see, or a short refusal. The approver list is checked here on every press, whatever
 * the client showed; a request is decided once, and a repeated press gets the decided card.
 */
export async function answerApprovalAction(
  deps: ApprovalDeps,
  context: TurnContext,
  action: { verb: string; data: unknown },
): Promise<AdaptiveCardInvokeResponse> {
  const locale = pickLocale(context.activity.locale);
  const parsed = ApprovalActionSchema.safeParse(action);
  if (!parsed.success) return errorResponse(400, 'BadRequest', translator(locale)('flow.cardExpired'));
  try {
    return await decide(deps, context, locale, parsed.data.verb, parsed.data.data);
  } catch (error) {
    deps.logger.error({ error: describeError(error), verb: parsed.data.verb }, 'approval action failed');
    return errorResponse(500, 'InternalError', translator(locale)('error.turn'));
  }
}

async function decide(
  deps: ApprovalDeps,
  context: TurnContext,
  locale: Locale,
  verb: z.infer<typeof ApprovalActionSchema>['verb'],
  data: { requestId: string; rejectReason?: unknown },
): Promise<AdaptiveCardInvokeResponse> {
  const t = translator(locale);
  const request = await deps.store.findRequest(data.requestId);
  if (!request) return messageResponse(t('approval.unknownRequest'));
  const { from } = context.activity;
  const actor: Requester = { userId: from.id, aadObjectId: from.aadObjectId, name: from.name ?? '' };
  const isApprover = deps.approverIds.includes((from.aadObjectId ?? '').toLowerCase());
  const isRequester =
    ownerIdOf(from) ===
    ownerIdOf({ id: request.request.requester.userId, aadObjectId: request.request.requester.aadObjectId });
  const view = isApprover ? 'approver' : isRequester ? 'requester' : 'base';
  const cardFor = (current: ApprovalRequest, reasonMissing = false) =>
    cardResponse(
      renderApprovalCard({
        locale,
        request: current,
        offers: deps.offers,
        view,
        refreshUserIds: [from.id],
        reasonMissing,
      }).content,
    );
  const refusal = (key: MessageKey) => messageResponse(t(key));
  const decision = (status: Decision['status'], reason?: string): Decision => ({
    status,
    by: actor,
    at: deps.now().toISOString(),
    reason,
  });

  switch (verb) {
    case CARD_VERBS.approvalRefresh:
      return cardFor(request);
    case CARD_VERBS.approvalWithdraw: {
      if (!isRequester) return refusal('approval.notRequester');
      const result = await deps.store.decideRequest(request.id, decision('withdrawn'));
      if (result.decided) await afterDecision(deps, context, result.request);
      return cardFor(result.request);
    }
    case CARD_VERBS.approvalReject: {
      if (!isApprover) return refusal('approval.notApprover');
      const reason = typeof data.rejectReason === 'string' ? data.rejectReason.trim().slice(0, 500) : '';
      if (reason === '' && request.status === 'pending') return cardFor(request, true);
      const result = await deps.store.decideRequest(request.id, decision('rejected', reason));
      if (result.decided) await afterDecision(deps, context, result.request);
      return cardFor(result.request);
    }
    case CARD_VERBS.approvalApprove: {
      if (!isApprover) return refusal('approval.notApprover');
      const problem = await approvalProblem(deps, request);
      const chosen = problem ? decision('rejected', problem) : decision('approved');
      const result = await deps.store.decideRequest(request.id, chosen);
      if (result.decided) await afterDecision(deps, context, result.request);
      return cardFor(result.request);
    }
  }
}

/**
 * Why an approval cannot be carried out any more, in the requester's language: the domain was taken
 * meanwhile, or the customer got licenses meanwhile and the order would go over an offer's maximum.
 */
async function approvalProblem(deps: ApprovalDeps, request: ApprovalRequest): Promise<string | undefined> {
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
async function afterDecision(deps: ApprovalDeps, context: TurnContext, request: ApprovalRequest) {
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
  if (decision.status === 'approved') {
    const outcome = await fulfilRequest(deps.creation, request.request);
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
          company: escapeMarkdown(request.request.account.companyName),
          name: escapeMarkdown(decision.by.name),
        }),
      });
    }
  }
  await updateApprovalCards(deps, request, context.activity.replyToId);
}

function cardResponse(card: unknown): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD, value: card as Record<string, unknown> };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: MESSAGE, value: text as unknown as Record<string, unknown> };
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode,
    type: 'application/vnd.microsoft.error',
    value: { code, message } as unknown as Record<string, unknown>,
  };
}
