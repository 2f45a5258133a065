import type { Attachment } from 'botbuilder';
import type { BotCustomer } from '../store/customer-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { addressAndContactFacts } from './customer-facts.js';
import template from './customer-summary.json' with { type: 'json' };
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';

/** What the summary card shows in the conversation where a customer was requested. Never a secret. */
export type CustomerSummaryCardData = {
  locale: Locale;
  customer: BotCustomer;
  offers: readonly Offer[];
  credentialsDelivered: boolean;
};

/**
 * Renders the summary of a newly created customer for the originating conversation: company, address
 * and contact name in the reader's order, and licenses. The contact's email and phone are left out: the
 * summary goes to channels and group chats, where everyone reads it.
 */
export function renderCustomerSummaryCard(data: CustomerSummaryCardData): Attachment {
  const t = cardTranslator(data.locale);
  const { customer } = data;
  const requester = escapeUserText(customer.createdBy.name);
  return renderCard(template, {
    title: t('summary.title'),
    facts: [
      { title: t('review.companyName'), value: escapeUserText(customer.companyName) },
      { title: t('review.domain'), value: customer.domain },
      ...addressAndContactFacts(data.locale, customer),
      ...customer.subscriptions.map((line) => ({
        title: data.offers.find((offer) => offer.id === line.offerId)?.name[data.locale] ?? line.offerId,
        value: t('review.licenses', { count: line.quantity }),
      })),
    ],
    createdBy: t('summary.createdBy', { name: requester, when: cardDateTime(customer.createdAt) }),
    credentialsNote: data.credentialsDelivered
      ? t('summary.credentialsSent', { name: requester })
      : t('summary.credentialsNotSent', { name: requester }),
  });
}
