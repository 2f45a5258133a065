import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type CustomerChoice, renderPickCustomerCard } from '../../cards/pick-customer.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { pickLocale } from '../../store/i18n/translate.js';
import type { FlowSubmit } from './add-customer-draft.js';
import type { AddSubscriptionDraft } from './add-subscription-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';

/** How many customers the picker offers at once. */
const CHOICES = 10;

/** Looks customers up by name or domain, newest first, as picker choices. */
export async function searchCustomerChoices(store: CustomerStore, query: string): Promise<CustomerChoice[]> {
  const page = await store.searchCustomers({ query, offset: 0, limit: CHOICES });
  return page.customers.map((customer) => ({
    customerId: customer.id,
    companyName: customer.companyName,
    domain: customer.domain,
  }));
}

/** Step 1 of adding subscriptions: search existing customers and choose one. */
export class PickCustomerForm implements CardForm<AddSubscriptionDraft> {
  readonly verbs = [
    CARD_VERBS.pickCustomerSearch,
    CARD_VERBS.pickCustomerNext,
    CARD_VERBS.pickCustomerCancel,
  ];

  constructor(private readonly store: CustomerStore) {}

  render(context: TurnContext, draft: AddSubscriptionDraft, chooseError = false) {
    return renderPickCustomerCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      query: draft.query,
      choices: draft.choices,
      chosenId: draft.customerId,
      chooseError,
    });
  }

  async handle(
    context: TurnContext,
    draft: AddSubscriptionDraft,
    submit: FlowSubmit,
  ): Promise<FormOutcome<AddSubscriptionDraft>> {
    if (submit.verb === CARD_VERBS.pickCustomerCancel) return { kind: 'end', draft, verb: submit.verb };
    const query =
      typeof submit.values.customerQuery === 'string' ? submit.values.customerQuery.trim().slice(0, 100) : '';
    if (submit.verb === CARD_VERBS.pickCustomerSearch) {
      const searched = {
        ...draft,
        query,
        choices: await searchCustomerChoices(this.store, query),
        customerId: undefined,
      };
      return { kind: 'stay', draft: searched, card: this.render(context, searched) };
    }
    const chosenId = typeof submit.values.customerId === 'string' ? submit.values.customerId : '';
    const customer = draft.choices.some((choice) => choice.customerId === chosenId)
      ? await this.store.findById(chosenId)
      : undefined;
    if (!customer) return { kind: 'stay', draft, card: this.render(context, draft, true) };
    return {
      kind: 'end',
      draft: {
        ...draft,
        customerId: customer.id,
        customerName: customer.companyName,
        domain: customer.domain,
        existingSubscriptions: customer.subscriptions.map((line) => ({ ...line })),
      },
      verb: submit.verb,
    };
  }
}
