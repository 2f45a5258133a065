import type { CustomerChoice } from '../../cards/pick-customer.js';
import type { Customer } from '../../store/customer-schema.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type { AddSubscriptionDraft, AddSubscriptionOptions } from './add-subscription-draft.js';
import { DIALOG_IDS } from './dialog-ids.js';
import type { DialogContext } from './dialogs-sdk.js';
import { searchCustomerChoices } from './pick-customer-form.js';

/** The newest customers as picker choices, with the preselected one first if it is not among them. */
async function choicesIncluding(
  store: CustomerStore,
  customer: Customer | undefined,
): Promise<CustomerChoice[]> {
  const choices = await searchCustomerChoices(store, '');
  if (!customer || choices.some((choice) => choice.customerId === customer.id)) return choices;
  return [
    { customerId: customer.id, companyName: customer.companyName, domain: customer.domain },
    ...choices,
  ];
}

/**
 * Starts the add-subscription dialog for the user of `dc`: at the customer picker, or, when the customer
 * is already known (chosen on the account card), straight at Subscriptions, reusing that card.
 */
export async function beginAddSubscription(
  dc: DialogContext,
  store: CustomerStore,
  newId: () => string,
  owner: { id: string; name: string },
  preselected?: { customerId: string; cardActivityId?: string },
) {
  const customer = preselected ? await store.findById(preselected.customerId) : undefined;
  const draft: AddSubscriptionDraft = {
    flowId: newId(),
    owner,
    cardActivityId: preselected?.cardActivityId,
    query: '',
    choices: await choicesIncluding(store, customer),
    customerId: customer?.id,
    customerName: customer?.companyName,
    domain: customer?.domain,
    existingSubscriptions: customer?.subscriptions.map((line) => ({ ...line })),
    subscriptionsInput: {},
    returnToReview: false,
  };
  const options: AddSubscriptionOptions = { draft, startAt: customer ? 'subscriptions' : 'customer' };
  await dc.beginDialog(DIALOG_IDS.addSubscription, options);
}
