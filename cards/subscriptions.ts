import type { Attachment } from 'botbuilder';
import type { FieldError } from '../store/customers/account-info-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import {
  quantityInputId,
  type SubscriptionLine,
  type SubscriptionsInput,
} from '../store/customers/parse-subscriptions.js';
import { remainingLicenses } from '../store/customers/remaining-licenses.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import { escapeUserText, renderCard } from './render-card.js';
import template from './subscriptions.json' with { type: 'json' };

/** What the Subscriptions card shows: the catalog, the counts typed so far and their errors. */
export type SubscriptionsCardData = {
  locale: Locale;
  flowId: string;
  owner: { id: string; name: string };
  offers: readonly Offer[];
  values: SubscriptionsInput;
  errors: Record<string, FieldError>;
  formError?: FieldError;
  returnToReview: boolean;
  /** For an existing customer: the licenses it has, shown beside each offer. */
  existing?: readonly SubscriptionLine[];
  /** For an existing customer: its name, in the title. */
  customerName?: string;
};

/**
 * Renders step 2 of the add-customer dialog: a license count per offer, within each offer's limits.
 * For an existing customer each offer shows what it has and how many more it may get (its maximum less
 * what it has); an offer at its maximum is shown as such, with no box to order more.
 * An input shows "0" as its placeholder only for an offer that allows zero licenses.
 */
export function renderSubscriptionsCard(data: SubscriptionsCardData): Attachment {
  const t = cardTranslator(data.locale);
  const erroneous = data.offers.filter((offer) => data.errors[offer.id] !== undefined);
  const owner = t('flow.owner', { name: escapeUserText(data.owner.name) });
  return renderCard(template, {
    title: data.customerName
      ? t('addSubscription.title', { company: escapeUserText(data.customerName) })
      : data.returnToReview
        ? t('subscriptions.editTitle')
        : t('subscriptions.title'),
    subtitle: data.returnToReview ? owner : `${t('flow.stepOf', { step: 2 })} · ${owner}`,
    intro: t('subscriptions.intro'),
    formError: data.formError
      ? t(data.formError.key, data.formError.params)
      : erroneous.length > 0
        ? t('flow.errorSummary', {
            fields: erroneous.map((offer) => offer.name[data.locale]).join(t('flow.listSeparator')),
          })
        : '',
    offers: data.offers.map((offer) => {
      const typed = data.values[offer.id] ?? '';
      const error = data.errors[offer.id];
      const has = data.existing?.find((line) => line.offerId === offer.id)?.quantity ?? 0;
      const max = remainingLicenses(offer, data.existing ?? []);
      const min = offer.minimumQuantity;
      const canOrder = max >= min;
      return {
        inputId: quantityInputId(offer.id),
        name: offer.name[data.locale],
        canOrder,
        placeholder: offer.minimumQuantity > 0 ? null : '0',
        value: /^\d{1,9}$/.test(typed) ? Number(typed) : null,
        max,
        range: !canOrder
          ? t('addSubscription.full', { count: has })
          : has === 0
            ? t('subscriptions.range', { min, max })
            : t(min > 1 ? 'addSubscription.remainingRange' : 'addSubscription.remaining', {
                min,
                max,
                count: has,
              }),
        error: error ? t(error.key, error.params) : '',
      };
    }),
    nextTitle: data.returnToReview ? t('subscriptions.backToReview') : t('subscriptions.next'),
    nextVerb: CARD_VERBS.subscriptionsNext,
    backTitle: t('subscriptions.back'),
    backVerb: CARD_VERBS.subscriptionsBack,
    flowId: data.flowId,
    ownerId: data.owner.id,
  });
}
