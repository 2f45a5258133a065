import type { Attachment } from 'botbuilder';
import { type Locale, translator } from '../store/i18n/translate.js';
import { renderCard, withoutBidiControls } from './render-card.js';
import template from './reseller-relationship.json' with { type: 'json' };

/** What the reseller relationship card shows: the partner's link and invitations naming the company. */
export type ResellerRelationshipCardData = {
  locale: Locale;
  companyName: string;
  /** The partner's relationship request link (`RESELLER_INVITE_URL`), if the operator configured it. */
  inviteUrl?: string;
};

/**
 * Renders Partner Center's "Request a reseller relationship" as a card: the partner's link and a ready
 * invitation in Chinese and English, in text boxes so the user can copy (and edit) them.
 */
export function renderResellerRelationshipCard(data: ResellerRelationshipCardData): Attachment {
  const t = translator(data.locale);
  const link = data.inviteUrl ?? '';
  const invitation = (locale: Locale) =>
    translator(locale)('reseller.invitation', {
      company: withoutBidiControls(data.companyName),
      link: link || '…',
    });
  return renderCard(template, {
    title: t('reseller.title'),
    intro: t('reseller.intro'),
    linkLabel: t('reseller.link'),
    linkText: link ? link : t('reseller.noLink'),
    zhLabel: t('reseller.textZh'),
    invitationZh: invitation('zh-CN'),
    enLabel: t('reseller.textEn'),
    invitationEn: invitation('en-US'),
    links: link ? [{ title: t('reseller.open'), url: link }] : [],
  });
}
