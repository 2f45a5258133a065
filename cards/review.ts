import type { Attachment } from 'botbuilder';
import type { CustomerAccount } from '../store/customer-schema.js';
import type { FieldError } from '../store/customers/account-info-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { SubscriptionLine } from '../store/customers/parse-subscriptions.js';
import type { MessageKey } from '../store/i18n/en-us.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import { customerFactSections } from './customer-facts.js';
import { cardDateTime, escapeUserText, renderCard } from './render-card.js';
import template from './review.json' with { type: 'json' };

/** What the Review card shows. `state` decides whether it still has buttons. */
export type ReviewCardData = {
  locale: Locale;
  flowId: string;
  owner: { id: string; name: string };
  /** The new customer's account info; unused when `existingCustomer` is set. */
  account: CustomerAccount | undefined;
  subscriptions: readonly SubscriptionLine[];
  offers: readonly Offer[];
  formError?: FieldError;
  state:
    | { kind: 'editing' }
    | { kind: 'submitted'; at: string }
    | { kind: 'cancelled' }
    /** Submitted and being created, after the turn; in Partner Center when `partnerCenter`. */
    | { kind: 'creating'; at: string; partnerCenter: boolean }
    | { kind: 'created'; at: string; partnerCenter: boolean; customerId: string }
    /** Creation failed for `reason`; the card offers Try again. */
    | { kind: 'failed'; at: string; reason: MessageKey };
  /**
   * Set when reviewing subscriptions for an existing customer: the card then shows the company, what it
   * has and what is being added, and only subscriptions can be updated.
   */
  existingCustomer?: { companyName: string; domain: string; subscriptions: readonly SubscriptionLine[] };
  /** True when the card is in a channel or group chat, where everyone sees it: contact email and phone masked. */
  maskContact: boolean;
};

/**
 * The colour of the status line per state. Teams' green (Good) and yellow (Warning) text on a light
 * card fall below WCAG AA contrast (2.1:1 and 1.5:1), so those states read in the default colour, bold.
 */
const STATUS_COLORS: Record<ReviewCardData['state']['kind'], 'Default' | 'Accent' | 'Attention'> = {
  editing: 'Default',
  submitted: 'Default',
  cancelled: 'Default',
  creating: 'Accent',
  created: 'Default',
  failed: 'Attention',
};

/** Renders step 3, Review: everything entered, read-only, with Update, Submit and Cancel while editing. */
export function renderReviewCard(data: ReviewCardData): Attachment {
  const t = cardTranslator(data.locale);
  const ownerName = escapeUserText(data.owner.name);
  const editing = data.state.kind === 'editing';
  const state = data.state;
  const when = 'at' in state ? cardDateTime(state.at) : '';
  const submitted = { name: ownerName, when };
  const status = {
    editing: () => '',
    submitted: () => t('review.submitted', submitted),
    cancelled: () => t('review.cancelledState', { name: ownerName }),
    creating: () =>
      t(
        state.kind === 'creating' && state.partnerCenter
          ? 'review.creatingInPartnerCenter'
          : 'review.creatingState',
        submitted,
      ),
    created: () =>
      state.kind === 'created' && state.partnerCenter
        ? t('review.createdInPartnerCenter', { ...submitted, id: state.customerId })
        : t('review.createdState', submitted),
    failed: () =>
      t('review.failedState', { ...submitted, reason: state.kind === 'failed' ? t(state.reason) : '' }),
  }[state.kind]();
  const existing = data.existingCustomer;
  const offerFacts = (lines: readonly SubscriptionLine[]) =>
    lines.map((line) => ({
      title: data.offers.find((offer) => offer.id === line.offerId)?.name[data.locale] ?? line.offerId,
      value: t('review.licenses', { count: line.quantity }),
    }));
  const sections = existing
    ? [
        {
          heading: t('review.company'),
          facts: [
            { title: t('review.companyName'), value: escapeUserText(existing.companyName) },
            { title: t('review.domain'), value: existing.domain },
          ],
        },
        { heading: t('addSubscription.current'), facts: offerFacts(existing.subscriptions) },
        { heading: t('addSubscription.adding'), facts: offerFacts(data.subscriptions) },
      ]
    : data.account
      ? customerFactSections(data.locale, data.account, data.subscriptions, data.offers, data)
      : [];
  const updateAccount = existing
    ? []
    : [{ title: t('review.updateAccount'), verb: CARD_VERBS.reviewUpdateAccount, style: 'default' }];
  return renderCard(template, {
    title: existing ? t('addSubscription.reviewTitle') : t('review.title'),
    subtitle: `${t('flow.stepOf', { step: 3 })} · ${t('flow.owner', { name: ownerName })}`,
    intro: editing ? t('review.intro') : '',
    formError: data.formError ? t(data.formError.key, data.formError.params) : '',
    sections,
    status,
    statusColor: STATUS_COLORS[data.state.kind],
    actions: editing
      ? [
          { title: t('review.submit'), verb: CARD_VERBS.reviewSubmit, style: 'positive' },
          ...updateAccount,
          {
            title: t('review.updateSubscriptions'),
            verb: CARD_VERBS.reviewUpdateSubscriptions,
            style: 'default',
          },
          { title: t('review.cancel'), verb: CARD_VERBS.reviewCancel, style: 'destructive' },
        ]
      : data.state.kind === 'failed'
        ? [{ title: t('review.retry'), verb: CARD_VERBS.requestRetry, style: 'positive' }]
        : [],
    flowId: data.flowId,
    ownerId: data.owner.id,
  });
}
