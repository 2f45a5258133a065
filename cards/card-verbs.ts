/** Every verb a card button sends, in one place: routing and dialogs branch on these, never on labels. */
export const CARD_VERBS = {
  accountNext: 'account.next',
  accountCancel: 'account.cancel',
  subscriptionsBack: 'subscriptions.back',
  subscriptionsNext: 'subscriptions.next',
  reviewUpdateAccount: 'review.updateAccount',
  reviewUpdateSubscriptions: 'review.updateSubscriptions',
  reviewSubmit: 'review.submit',
  reviewCancel: 'review.cancel',
  credentialsDone: 'credentials.done',
  approvalRefresh: 'approval.refresh',
  approvalApprove: 'approval.approve',
  approvalReject: 'approval.reject',
  approvalWithdraw: 'approval.withdraw',
  approvalResubmit: 'approval.resubmit',
  approvalRetry: 'approval.retry',
  requestRetry: 'request.retry',
  customersSearch: 'customers.search',
  customersPage: 'customers.page',
  accountAddSubscription: 'account.addSubscription',
  accountReseller: 'account.resellerRelationship',
  accountContinue: 'account.continueAnyway',
  accountUseSuggestedAddress: 'account.useSuggestedAddress',
  pickCustomerSearch: 'pickCustomer.search',
  pickCustomerNext: 'pickCustomer.next',
  pickCustomerCancel: 'pickCustomer.cancel',
} as const;

/** A verb sent by a card button. */
export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** The verbs of the dialogs' cards (add customer, add subscription), which belong to the user who started the dialog. */
export const FLOW_VERBS: readonly CardVerb[] = [
  CARD_VERBS.accountNext,
  CARD_VERBS.accountCancel,
  CARD_VERBS.accountAddSubscription,
  CARD_VERBS.accountReseller,
  CARD_VERBS.accountContinue,
  CARD_VERBS.accountUseSuggestedAddress,
  CARD_VERBS.pickCustomerSearch,
  CARD_VERBS.pickCustomerNext,
  CARD_VERBS.pickCustomerCancel,
  CARD_VERBS.subscriptionsBack,
  CARD_VERBS.subscriptionsNext,
  CARD_VERBS.reviewUpdateAccount,
  CARD_VERBS.reviewUpdateSubscriptions,
  CARD_VERBS.reviewSubmit,
  CARD_VERBS.reviewCancel,
];
