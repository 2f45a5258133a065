import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { ownerIdOf } from '../routing/owner-id-of.js';

/** True when the user is one of the configured approvers. */
export function isApprover(deps: Pick<BotDeps, 'approverIds'>, user: { aadObjectId?: string }): boolean {
  return deps.approverIds.includes((user.aadObjectId ?? '').toLowerCase());
}

/** True when the user made the request. */
export function isRequester(request: ApprovalRequest, user: { id: string; aadObjectId?: string }): boolean {
  const { requester } = request.request;
  return ownerIdOf(user) === ownerIdOf({ id: requester.userId, aadObjectId: requester.aadObjectId });
}
