import type { Attachment } from 'botbuilder';
import type { AccountInfo, FieldError } from '../bot/customers/account-info-schema.js';
import type { Offer } from '../bot/customers/offer-catalog.js';
import type { SubscriptionLine } from '../bot/customers/parse-subscriptions.js';
import { type Locale, translator } from '../bot/i18n/translate.js';
import { CARD_VERBS } from './card-verbs.js';
import { customerFactSections } from './customer-facts.js';
import { cardDateTime, escapeMarkdown, renderCard } from './render-card.js';
import template from './review.json' with { type: 'json' };

/** What the Review card shows. `state` decides whether it still has buttons. */
export type ReviewCardData = {
  locale: Locale;
  flowId: string;
  owner: { id: string; name: string };
  account: AccountInfo;
  subscriptions: readonly SubscriptionLine[];
  offers: readonly Offer[];
  formError?: FieldError;
  state:
    | { kind: 'editing' }
    | { kind: 'submitted'; at: string }
    | { kind: 'pending'; at: string }
    | { kind: 'cancelled' };
};

/** Renders step 3, Review: everything entered, read-only, with Update, Submit and Cancel while editing. */
export function renderReviewCard(data: ReviewCardData): Attachment {
  const t = translator(data.locale);
  const ownerName = escapeMarkdown(data.owner.name);
  const editing = data.state.kind === 'editing';
  const statuses = {
    editing: () => '',
    submitted: (at: string) => t('review.submitted', { name: ownerName, when: cardDateTime(at) }),
    pending: (at: string) => t('review.pendingState', { name: ownerName, when: cardDateTime(at) }),
    cancelled: () => t('review.cancelledState', { name: ownerName }),
  };
  const status = statuses[data.state.kind]('at' in data.state ? data.state.at : '');
  return renderCard(template, {
    title: t('review.title'),
    subtitle: `${t('flow.stepOf', { step: 3 })} · ${t('flow.owner', { name: ownerName })}`,
    intro: editing ? t('review.intro') : '',
    formError: data.formError ? t(data.formError.key, data.formError.params) : '',
    sections: customerFactSections(data.locale, data.account, data.subscriptions, data.offers),
    status,
    statusColor: { editing: 'Default', submitted: 'Good', pending: 'Accent', cancelled: 'Warning' }[
      data.state.kind
    ],
    actions: editing
      ? [
          { title: t('review.submit'), verb: CARD_VERBS.reviewSubmit, style: 'positive' },
          { title: t('review.updateAccount'), verb: CARD_VERBS.reviewUpdateAccount, style: 'default' },
          {
            title: t('review.updateSubscriptions'),
            verb: CARD_VERBS.reviewUpdateSubscriptions,
            style: 'default',
          },
          { title: t('review.cancel'), verb: CARD_VERBS.reviewCancel, style: 'destructive' },
        ]
      : [],
    flowId: data.flowId,
    ownerId: data.owner.id,
  });
}
