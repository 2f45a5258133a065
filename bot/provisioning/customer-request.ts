import type { ConversationOrigin, Requester } from '../../store/customer-schema.js';
import type { AccountInfo } from '../customers/account-info-schema.js';
import type { SubscriptionLine } from '../customers/parse-subscriptions.js';
import type { Locale } from '../i18n/translate.js';

/**
 * Everything a user submitted, with who asked, where and when: a new customer, or (with `customerId`)
 * more subscriptions for an existing one, whose account info is then shown for reference.
 */
export type CustomerRequest = {
  /** Stable across retries and double clicks of the same submission: fulfilment is idempotent on it. */
  requestId: string;
  kind: 'newCustomer' | 'addSubscriptions';
  /** The existing customer, for `addSubscriptions`. */
  customerId?: string;
  locale: Locale;
  account: AccountInfo;
  subscriptions: SubscriptionLine[];
  requester: Requester;
  origin: ConversationOrigin;
  requestedAt: string;
};
