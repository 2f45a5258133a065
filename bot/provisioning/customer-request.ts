import type { ConversationOrigin, Requester } from '../../store/customer-schema.js';
import type { AccountInfo } from '../customers/account-info-schema.js';
import type { SubscriptionLine } from '../customers/parse-subscriptions.js';
import type { Locale } from '../i18n/translate.js';

/** Everything a user submitted to add one customer, with who asked, where and when. */
export type CustomerRequest = {
  /** Stable across retries and double clicks of the same submission: creation is idempotent on it. */
  requestId: string;
  locale: Locale;
  account: AccountInfo;
  subscriptions: SubscriptionLine[];
  requester: Requester;
  origin: ConversationOrigin;
  requestedAt: string;
};
