import type { Attachment } from 'botbuilder';
import type { ApprovalRequest } from '../store/customer-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import { type Locale, translator } from '../store/i18n/translate.js';
import template from './approval.json' with { type: 'json' };
import { CARD_VERBS } from './card-verbs.js';
import { customerFactSections } from './customer-facts.js';
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';

/**
 * Who looks at an approval card: everyone sees `base`; approvers get `approver` (Approve / Reject) and
 * the requester gets `requester` (Withdraw) through the card's refresh. A decided request looks the
 * same to everyone.
 */
export type ApprovalView = 'base' | 'approver' | 'requester';

/** What an approval card shows. Posted to channels, so it never holds a secret. */
export type ApprovalCardData = {
  locale: Locale;
  request: ApprovalRequest;
  offers: readonly Offer[];
  view: ApprovalView;
  /** Teams user ids whose clients fetch their own view (at most 60). */
  refreshUserIds: readonly string[];
  reasonMissing?: boolean;
};

/** Renders the card on which approvers decide a request, in the state the request is in. */
export function renderApprovalCard(data: ApprovalCardData): Attachment {
  const t = translator(data.locale);
  const { request } = data;
  const pending = request.status === 'pending';
  const decision = request.decision;
  const decisionParams = decision && {
    name: escapeUserText(decision.by.name),
    when: cardDateTime(decision.at),
    reason: escapeUserText(decision.reason ?? ''),
  };
  const titles = {
    pending:
      request.request.kind === 'addSubscriptions' ? t('addSubscription.approvalTitle') : t('approval.title'),
    approved: t('approval.approvedTitle'),
    rejected: t('approval.rejectedTitle'),
    withdrawn: t('approval.withdrawnTitle'),
  };
  const statuses = {
    pending: t('approval.waiting'),
    approved: decisionParams ? t('approval.approvedBy', decisionParams) : '',
    rejected: decisionParams ? t('approval.rejectedBy', decisionParams) : '',
    withdrawn: decisionParams ? t('approval.withdrawnBy', decisionParams) : '',
  };
  const actions =
    pending && data.view === 'approver'
      ? [
          { title: t('approval.approve'), verb: CARD_VERBS.approvalApprove, style: 'positive' },
          { title: t('approval.reject'), verb: CARD_VERBS.approvalReject, style: 'destructive' },
        ]
      : pending && data.view === 'requester'
        ? [{ title: t('approval.withdraw'), verb: CARD_VERBS.approvalWithdraw, style: 'default' }]
        : pending
          ? [{ title: t('approval.showMyActions'), verb: CARD_VERBS.approvalRefresh, style: 'default' }]
          : [];
  const refreshUserIds = data.refreshUserIds.slice(0, 60);
  return renderCard(template, {
    refresh:
      pending && refreshUserIds.length > 0
        ? {
            action: {
              type: 'Action.Execute',
              verb: CARD_VERBS.approvalRefresh,
              data: { requestId: request.id },
            },
            userIds: refreshUserIds,
          }
        : null,
    title: titles[request.status],
    titleColor:
      request.status === 'approved' ? 'Good' : request.status === 'pending' ? 'Default' : 'Attention',
    requestedBy: t('approval.requestedBy', {
      name: escapeUserText(request.request.requester.name),
      when: cardDateTime(request.request.requestedAt),
    }),
    sections: customerFactSections(
      data.locale,
      request.request.account,
      request.request.subscriptions,
      data.offers,
    ),
    status: statuses[request.status],
    statusColor:
      request.status === 'approved' ? 'Good' : request.status === 'pending' ? 'Accent' : 'Attention',
    showReason: pending && data.view === 'approver',
    reasonLabel: t('approval.reason'),
    reasonError: data.reasonMissing ? t('approval.reasonRequired') : '',
    actions,
    requestId: request.id,
  });
}
