import type { Attachment } from 'botbuilder';
import type { Customer, Requester } from '../store/customer-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { SubscriptionLine } from '../store/customers/parse-subscriptions.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';
import template from './subscriptions-added.json' with { type: 'json' };

/** What the card announcing added subscriptions shows. */
export type SubscriptionsAddedCardData = {
  locale: Locale;
  customer: Customer;
  added: readonly SubscriptionLine[];
  addedBy: Requester;
  addedAt: string;
  offers: readonly Offer[];
};

/** Renders the announcement that licenses were added to an existing customer, with its new totals. */
export function renderSubscriptionsAddedCard(data: SubscriptionsAddedCardData): Attachment {
  const t = cardTranslator(data.locale);
  const offerName = (offerId: string) =>
    data.offers.find((offer) => offer.id === offerId)?.name[data.locale] ?? offerId;
  return renderCard(template, {
    title: t('addSubscription.summaryTitle'),
    facts: [
      { title: t('review.companyName'), value: escapeUserText(data.customer.companyName) },
      { title: t('review.domain'), value: data.customer.domain },
      ...data.added.map((line) => ({
        title: `+ ${escapeUserText(offerName(line.offerId))}`,
        value: t('review.licenses', { count: line.quantity }),
      })),
    ],
    addedBy: t('addSubscription.summaryBy', {
      name: escapeUserText(data.addedBy.name),
      when: cardDateTime(data.addedAt),
    }),
  });
}
