import type { Attachment } from 'botbuilder';
import type { ApprovalRequest } from '../store/customer-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { Locale } from '../store/i18n/translate.js';
import template from './approval.json' with { type: 'json' };
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import { customerFactSections } from './customer-facts.js';
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';
import type { ReviewCardData } from './review.js';

/**
 * Who looks at an approval card: everyone sees `base`; approvers get `approver` (Approve / Reject),
 * the requester gets `requester` (Withdraw, and Try again if creating the customer failed), and a
 * requester who is also an approver gets `approverRequester` (all of them), through the card's refresh
 * or, in a 1:1 chat, directly.
 */
export type ApprovalView = 'base' | 'approver' | 'requester' | 'approverRequester';

/** Where creating an approved request's customer stands, as its card shows it. */
export type RequestProgress = Extract<ReviewCardData['state'], { kind: 'creating' | 'created' | 'failed' }>;

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
   * card no one fetches their own view of any more) then shows the contact's email and phone masked; the
   * approver's and requester's views, which Teams fetches for each of them alone through the refresh,
   * show them in full.
   */
  inSharedConversation: boolean;
  /** Set once an approved new customer is being created: the card then follows the creation. */
  progress?: RequestProgress;
};

/**
 * Renders the request card: where approvers decide a request, and then where everyone follows it to
 * its end (approved → creating → created, or failed with Try again for the requester). It replaces the
 * requester's Review card, so that a conversation shows one card per request. An approver sees Approve
 * and Reject…, which opens the reason box and the Reject that sends it. Teams' green (Good) text is
 * below WCAG AA contrast on a light card (2.1:1), so an approved request reads in the default colour,
 * bold; red (Attention) and purple (Accent) reach 5.4:1.
 */
export function renderApprovalCard(data: ApprovalCardData): Attachment {
  const t = cardTranslator(data.locale);
  const { request } = data;
  const pending = request.status === 'pending';
  const decision = request.decision;
  const decisionParams = decision && {
    name: escapeUserText(decision.by.name),
    when: cardDateTime(decision.at),
    reason: escapeUserText(decision.reason ?? ''),
  };
  const progress = request.status === 'approved' ? data.progress : undefined;
  const titles = {
    pending:
      request.request.kind === 'addSubscriptions' ? t('addSubscription.approvalTitle') : t('approval.title'),
    approved: {
      none: t('approval.approvedTitle'),
      creating: t('approval.approvedTitle'),
      created: t('approval.createdTitle'),
      failed: t('approval.failedTitle'),
    }[progress?.kind ?? 'none'],
    rejected: t('approval.rejectedTitle'),
    withdrawn: t('approval.withdrawnTitle'),
  };
  const statuses = {
    pending: t('approval.waiting'),
    approved: [
      decisionParams ? t('approval.approvedBy', decisionParams) : '',
      progressText(data.locale, progress),
    ]
      .filter((text) => text !== '')
      .join(' '),
    rejected: decisionParams ? t('approval.rejectedBy', decisionParams) : '',
    withdrawn: decisionParams ? t('approval.withdrawnBy', decisionParams) : '',
  };
  const approver = data.view === 'approver' || data.view === 'approverRequester';
  const requester = data.view === 'requester' || data.view === 'approverRequester';
  const failed = progress?.kind === 'failed';
  const deciding = pending && approver;
  const approve = deciding
    ? [{ title: t('approval.approve'), verb: CARD_VERBS.approvalApprove, style: 'positive' }]
    : [];
  const actions = [
    ...(pending && requester
      ? [{ title: t('approval.withdraw'), verb: CARD_VERBS.approvalWithdraw, style: 'default' }]
      : []),
    ...(failed && requester
      ? [{ title: t('review.retry'), verb: CARD_VERBS.approvalRetry, style: 'positive' }]
      : []),
    ...((pending || failed) && data.view === 'base'
      ? [{ title: t('approval.showMyActions'), verb: CARD_VERBS.approvalRefresh, style: 'default' }]
      : []),
  ];
  const live = pending || failed;
  const seenByOneUser = live && data.view !== 'base';
  const refreshUserIds = data.refreshUserIds.slice(0, 60);
  return renderCard(template, {
    refresh:
      live && refreshUserIds.length > 0
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
      failed || request.status === 'rejected' || request.status === 'withdrawn' ? 'Attention' : 'Default',
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
    statusColor:
      failed || request.status === 'rejected' || request.status === 'withdrawn'
        ? 'Attention'
        : request.status === 'approved' && progress?.kind !== 'creating'
          ? 'Default'
          : 'Accent',
    approve,
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

/** What the card says of a creation under way, done or failed; nothing before it starts. */
function progressText(locale: Locale, progress: RequestProgress | undefined): string {
  const t = cardTranslator(locale);
  switch (progress?.kind) {
    case undefined:
      return '';
    case 'creating':
      return t(progress.partnerCenter ? 'approval.creatingInPartnerCenter' : 'approval.creating');
    case 'created':
      return progress.partnerCenter
        ? t('approval.createdInPartnerCenter', { id: progress.customerId })
        : t('approval.created');
    case 'failed':
      return t('approval.failed', { reason: t(progress.reason) });
  }
}
