import type { RequestProgress } from '../../cards/approval.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { MessageKey } from '../../store/i18n/en-us.js';
import type { BotDeps } from '../bot-deps.js';
import type { PartnerCenterErrorCode } from '../partner-center/partner-center-error.js';

/** Why a creation failed when the error says nothing more precise. */
export const INTERNAL_FAILURE = 'INTERNAL';

/** What the request's card says for each reason a creation failed. */
export const FAILURE_REASONS: Record<PartnerCenterErrorCode | typeof INTERNAL_FAILURE, MessageKey> = {
  UNAUTHORIZED_BY_PARTNER_CENTER: 'failure.UNAUTHORIZED_BY_PARTNER_CENTER',
  DOMAIN_TAKEN_IN_PARTNER_CENTER: 'failure.DOMAIN_TAKEN_IN_PARTNER_CENTER',
  ADDRESS_REFUSED_BY_PARTNER_CENTER: 'failure.ADDRESS_REFUSED_BY_PARTNER_CENTER',
  QUANTITY_REFUSED_BY_PARTNER_CENTER: 'failure.QUANTITY_REFUSED_BY_PARTNER_CENTER',
  REFUSED_BY_PARTNER_CENTER: 'failure.REFUSED_BY_PARTNER_CENTER',
  NO_ANSWER_FROM_PARTNER_CENTER: 'failure.NO_ANSWER_FROM_PARTNER_CENTER',
  INTERNAL: 'failure.INTERNAL',
};

/** A reason a creation can fail with, as stored in `Creation.failure`. */
export type FailureReason = keyof typeof FAILURE_REASONS;

/** Where creating a stored request's customer stands, as its cards show it; undefined before it starts. */
export function progressOf(
  deps: Pick<BotDeps, 'partnerCenter'>,
  stored: ApprovalRequest,
): RequestProgress | undefined {
  const { creation } = stored;
  if (!creation) return undefined;
  const at = stored.request.requestedAt;
  const partnerCenter = deps.partnerCenter !== undefined;
  switch (creation.state) {
    case 'creating':
      return { kind: 'creating', at, partnerCenter };
    case 'created':
      return { kind: 'created', at, partnerCenter, customerId: stored.customerId ?? '' };
    case 'failed': {
      const reason = FAILURE_REASONS[creation.failure as FailureReason] ?? FAILURE_REASONS.INTERNAL;
      return { kind: 'failed', at, reason };
    }
  }
}
