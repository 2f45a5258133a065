import type { CARD_VERBS } from '../../cards/card-verbs.js';
import { isBotCustomer } from '../../store/customer-schema.js';
import type { MessageKey } from '../../store/i18n/en-us.js';
import type { ApprovalAction } from '../approval/answer-approval-action.js';
import { isApprover, isRequester } from '../approval/request-roles.js';
import type { Turn } from '../bot-deps.js';
import type { CardActionOf, DialogAction } from './card-action.js';
import { ownerIdOf } from './owner-id-of.js';

/** Why a press is not carried out: a short text for the presser, or silence (a repeat of a done press). */
export type Refusal = { say: MessageKey } | 'ignore';

/** A dialog card's button: only the dialog's owner, and only on the dialog's current run. */
export async function ownOpenDialog(turn: Turn, action: DialogAction): Promise<Refusal | undefined> {
  if (action.ownerId !== turn.user.id) return { say: 'flow.notYourCard' };
  const open = turn.state.dialog;
  if (open) return open.flowId === action.flowId ? undefined : 'ignore';
  const { store } = turn.deps;
  const submitted =
    (await store.findRequest(action.flowId)) ??
    (await store.findByRequestId(action.flowId)) ??
    ((await store.hasOrder(action.flowId)) || undefined);
  return submitted ? 'ignore' : { say: 'flow.cardExpired' };
}

/** Approve and Reject: an approver's, on a request that exists. */
export async function approverOnly(turn: Turn, action: ApprovalAction): Promise<Refusal | undefined> {
  if (!(await turn.deps.store.findRequest(action.requestId))) return { say: 'approval.unknownRequest' };
  return isApprover(turn.deps, turn.context.activity.from) ? undefined : { say: 'approval.notApprover' };
}

/** Withdraw and Try again on a request card: the requester's, on a request that exists. */
export async function requesterOnly(turn: Turn, action: ApprovalAction): Promise<Refusal | undefined> {
  const request = await turn.deps.store.findRequest(action.requestId);
  if (!request) return { say: 'approval.unknownRequest' };
  return isRequester(request, turn.context.activity.from) ? undefined : { say: 'approval.notRequester' };
}

/** Edit and resubmit: the requester's own request, rejected. */
export async function ownRejectedRequest(
  turn: Turn,
  action: CardActionOf<typeof CARD_VERBS.approvalResubmit>,
): Promise<Refusal | undefined> {
  const request = await turn.deps.store.findRequest(action.requestId);
  const live = request?.status === 'rejected' && isRequester(request, turn.context.activity.from);
  return live ? undefined : { say: 'flow.cardExpired' };
}

/** Try again on a Review card: the requester's own request, whose creation failed. */
export async function ownFailedRequest(
  turn: Turn,
  action: CardActionOf<typeof CARD_VERBS.requestRetry>,
): Promise<Refusal | undefined> {
  if (action.ownerId !== turn.user.id) return { say: 'flow.notYourCard' };
  const request = await turn.deps.store.findRequest(action.flowId);
  const failed = request?.creation?.state === 'failed' && isRequester(request, turn.context.activity.from);
  return failed ? undefined : 'ignore';
}

/** Done on a credentials card: in the requester's own 1:1 chat, where no one else's card can be. */
export async function ownCredentials(
  turn: Turn,
  action: CardActionOf<typeof CARD_VERBS.credentialsDone>,
): Promise<Refusal | undefined> {
  const customer = await turn.deps.store.findById(action.customerId);
  if (!customer || !isBotCustomer(customer)) return 'ignore';
  const { createdBy } = customer;
  const mine = ownerIdOf({ id: createdBy.userId, aadObjectId: createdBy.aadObjectId }) === turn.user.id;
  const personal = turn.context.activity.conversation.conversationType === 'personal';
  return mine && personal ? undefined : { say: 'flow.notYourCard' };
}
