import type { Attachment } from 'botbuilder';
import { tidyCompanyName } from '../store/customers/tidy-company-name.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { escapeUserText, renderCard } from './render-card.js';
import template from './reseller-relationship.json' with { type: 'json' };

/** What the reseller relationship card shows: the partner's link and invitations naming the company. */
export type ResellerRelationshipCardData = {
  locale: Locale;
  companyName: string;
  /** The partner's relationship request link, if the operator configured it. */
  inviteUrl?: string;
};

/**
 * Renders Partner Center's "Request a reseller relationship" as a card: the partner's link and a ready
 * invitation in Chinese and English naming the company as typed, tidied (see `tidyCompanyName`). The
 * invitations are wrapped text blocks, so that the whole of each shows and can be copied; without a
 * link the user is told to ask their administrator (the bot's log names the setting).
 */
export function renderResellerRelationshipCard(data: ResellerRelationshipCardData): Attachment {
  const t = cardTranslator(data.locale);
  const link = data.inviteUrl ?? '';
  const company = escapeUserText(tidyCompanyName(data.companyName));
  /** One text block per paragraph: Teams and other renderers disagree on the spacing of blank lines. */
  const invitation = (locale: Locale) =>
    cardTranslator(locale)('reseller.invitation', {
      company: locale === 'zh-CN' && !/\p{Script=Han}$/u.test(company) ? `${company} ` : company,
      link: link || '…',
    });
  return renderCard(template, {
    title: t('reseller.title'),
    intro: t('reseller.intro'),
    linkLabel: t('reseller.link'),
    linkText: link ? link : t('reseller.noLink'),
    invitations: [
      { label: t('reseller.textZh'), paragraphs: invitation('zh-CN').split('\n\n') },
      { label: t('reseller.textEn'), paragraphs: invitation('en-US').split('\n\n') },
    ],
    links: link ? [{ title: t('reseller.open'), url: link }] : [],
  });
}
