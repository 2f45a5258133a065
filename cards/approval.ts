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
  /**
   * True when the card is in a channel or group chat. What everyone there sees (the base view, and every
   * decided card) then shows the contact's email and phone masked; the approver's and the requester's
   * views, which Teams fetches for them alone through the refresh, show them in full.
   */
  inSharedConversation: boolean;
};

/**
 * The colours of the title and status line per status. Teams' green and yellow text on a light card
 * are below WCAG AA contrast (2.1:1 and 1.5:1), so an approved request reads in the default colour and
 * bold; red (Attention) and purple (Accent) reach 5.4:1.
 */
const STATUS_COLORS = {
  pending: { title: 'Default', status: 'Accent' },
  approved: { title: 'Default', status: 'Default' },
  rejected: { title: 'Attention', status: 'Attention' },
  withdrawn: { title: 'Default', status: 'Default' },
} as const;

/**
 * Renders the card on which approvers decide a request, in the state the request is in. An approver
 * sees Approve and Reject…, which opens the reason box and the Reject that sends it.
 */
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
  const deciding = pending && data.view === 'approver';
  const seenByOneUser = pending && data.view !== 'base';
  const actions = deciding
    ? [{ title: t('approval.approve'), verb: CARD_VERBS.approvalApprove, style: 'positive' }]
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
    titleColor: STATUS_COLORS[request.status].title,
    requestedBy: t('approval.requestedBy', {
      name: escapeUserText(request.request.requester.name),
      when: cardDateTime(request.request.requestedAt),
    }),
    sections: customerFactSections(
      data.locale,
      request.request.account,
      request.request.subscriptions,
      data.offers,
      { maskContact: data.inSharedConversation && !seenByOneUser },
    ),
    status: statuses[request.status],
    statusColor: STATUS_COLORS[request.status].status,
    showReject: deciding,
    rejectOpenTitle: t('approval.rejectOpen'),
    reasonLabel: t('approval.reason'),
    reasonRequired: t('approval.reasonRequired'),
    reasonError: deciding && data.reasonMissing ? t('approval.reasonRequired') : '',
    rejectTitle: t('approval.reject'),
    rejectVerb: CARD_VERBS.approvalReject,
    actions,
    requestId: request.id,
  });
}
