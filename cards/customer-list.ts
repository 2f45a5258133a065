import type { Attachment } from 'botbuilder';
import { type Customer, isBotCustomer } from '../store/customer-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import { addressAndContactFacts } from './customer-facts.js';
import template from './customer-list.json' with { type: 'json' };
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';
import { SEARCH_ICON_URL } from './search-icon.js';

/** One page of the customer list and how it was found. */
export type CustomerListCardData = {
  locale: Locale;
  query: string;
  customers: readonly Customer[];
  total: number;
  offset: number;
  pageSize: number;
  offers: readonly Offer[];
};

/**
 * Renders the customer list: a search box with its Search button right below it (Enter in the box
 * searches too, through the box's inline action), then the customers newest first, each with its
 * address and contact name in the reader's order, and Previous / Next pages.
 */
export function renderCustomerListCard(data: CustomerListCardData): Attachment {
  const t = cardTranslator(data.locale);
  const offerName = (offerId: string) =>
    data.offers.find((offer) => offer.id === offerId)?.name[data.locale] ?? offerId;
  const hasPrevious = data.offset > 0;
  const hasNext = data.offset + data.customers.length < data.total;
  return renderCard(template, {
    title: t('customers.title'),
    searchLabel: t('customers.searchLabel'),
    query: data.query,
    notice: data.total === 0 ? (data.query ? t('customers.none') : t('customers.empty')) : '',
    searchTitle: t('customers.search'),
    searchVerb: CARD_VERBS.customersSearch,
    searchIcon: SEARCH_ICON_URL,
    customers: data.customers.map((customer) => ({
      company: escapeUserText(customer.companyName),
      facts: [
        { title: t('review.domain'), value: customer.domain },
        ...addressAndContactFacts(data.locale, customer),
        ...customer.subscriptions.map((line) => ({
          title: escapeUserText(offerName(line.offerId)),
          value: t('review.licenses', { count: line.quantity }),
        })),
      ],
      createdBy: isBotCustomer(customer)
        ? t('customers.createdBy', {
            name: escapeUserText(customer.createdBy.name),
            when: cardDateTime(customer.createdAt),
          })
        : t('customers.fromPartnerCenter'),
    })),
    range:
      data.total > 0
        ? t('customers.range', {
            from: data.offset + 1,
            to: data.offset + data.customers.length,
            total: data.total,
          })
        : '',
    actions: [
      ...(hasPrevious
        ? [
            {
              title: t('customers.previous'),
              verb: CARD_VERBS.customersPage,
              offset: Math.max(0, data.offset - data.pageSize),
            },
          ]
        : []),
      ...(hasNext
        ? [
            {
              title: t('customers.next'),
              verb: CARD_VERBS.customersPage,
              offset: data.offset + data.pageSize,
            },
          ]
        : []),
    ],
  });
}
