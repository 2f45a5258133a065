/** Every dialog id, in one place. */
export const DIALOG_IDS = {
  addCustomer: 'addCustomer',
  addCustomerSteps: 'addCustomer.steps',
  accountInfoForm: 'addCustomer.accountInfo',
  subscriptionsForm: 'addCustomer.subscriptions',
  reviewForm: 'addCustomer.review',
  addSubscription: 'addSubscription',
  addSubscriptionSteps: 'addSubscription.steps',
  pickCustomerForm: 'addSubscription.pickCustomer',
  addSubscriptionsForm: 'addSubscription.subscriptions',
  subscriptionReviewForm: 'addSubscription.review',
} as const;
