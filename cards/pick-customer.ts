import type { Attachment } from 'botbuilder';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import template from './pick-customer.json' with { type: 'json' };
import { escapeUserText, renderCard } from './render-card.js';

/** A customer offered as a choice: its id and how it is shown. */
export type CustomerChoice = { customerId: string; companyName: string; domain: string };

/** What the customer picker shows: the search as typed, the results, and an error if nothing was chosen. */
export type PickCustomerCardData = {
  locale: Locale;
  flowId: string;
  owner: { id: string; name: string };
  query: string;
  choices: readonly CustomerChoice[];
  chosenId?: string;
  chooseError: boolean;
};

/** Renders the first card of adding subscriptions: search existing customers and pick one. */
export function renderPickCustomerCard(data: PickCustomerCardData): Attachment {
  const t = cardTranslator(data.locale);
  return renderCard(template, {
    title: t('addSubscription.pickTitle'),
    subtitle: t('flow.owner', { name: escapeUserText(data.owner.name) }),
    searchLabel: t('addSubscription.searchLabel'),
    query: data.query,
    searchTitle: t('addSubscription.search'),
    searchVerb: CARD_VERBS.pickCustomerSearch,
    notice: data.choices.length === 0 ? t('addSubscription.noResults') : '',
    hasChoices: data.choices.length > 0,
    chooseLabel: t('addSubscription.choose'),
    chosen: data.chosenId ?? '',
    choices: data.choices.map((choice) => ({
      title: `${choice.companyName} (${choice.domain})`,
      value: choice.customerId,
    })),
    error: data.chooseError ? t('addSubscription.chooseRequired') : '',
    nextTitle: t('addSubscription.next'),
    nextVerb: CARD_VERBS.pickCustomerNext,
    cancelTitle: t('addSubscription.cancel'),
    cancelVerb: CARD_VERBS.pickCustomerCancel,
    flowId: data.flowId,
    ownerId: data.owner.id,
  });
}
