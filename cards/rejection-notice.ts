import type { Attachment } from 'botbuilder';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import template from './rejection-notice.json' with { type: 'json' };
import { escapeUserText, renderCard } from './render-card.js';

/** What the requester is told privately when a request is rejected. */
export type RejectionNoticeCardData = {
  locale: Locale;
  requestId: string;
  companyName: string;
  approverName: string;
  reason: string;
};

/** Renders the private rejection notice, with the reason and an Edit and resubmit button. */
export function renderRejectionNoticeCard(data: RejectionNoticeCardData): Attachment {
  const t = cardTranslator(data.locale);
  return renderCard(template, {
    title: t('approval.rejectedNotice', {
      company: escapeUserText(data.companyName),
      name: escapeUserText(data.approverName),
    }),
    reason: t('approval.rejectedReason', { reason: escapeUserText(data.reason) }),
    resubmitTitle: t('approval.editAndResubmit'),
    resubmitVerb: CARD_VERBS.approvalResubmit,
    requestId: data.requestId,
  });
}
