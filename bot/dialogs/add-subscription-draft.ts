import type { CustomerChoice } from '../../cards/pick-customer.js';
import type { SubscriptionsDraft } from './subscriptions-form.js';

/** The add-subscription dialog's memory, saved with the dialog state between turns. */
export type AddSubscriptionDraft = SubscriptionsDraft & {
  query: string;
  choices: CustomerChoice[];
  customerId?: string;
  domain?: string;
  submission?: 'created' | 'pendingApproval';
};

/** The options the add-subscription steps run with. */
export type AddSubscriptionOptions = { draft: AddSubscriptionDraft; startAt: 'customer' | 'subscriptions' };
