import type { Customer, SubscriptionOrder } from '../customer-schema.js';

/** The customer with an order's licenses added (more for an offer it has, a new line otherwise). */
export function withOrder(customer: Customer, order: SubscriptionOrder): Customer {
  const subscriptions = customer.subscriptions.map((line) => ({ ...line }));
  for (const line of order.lines) {
    const existing = subscriptions.find((candidate) => candidate.offerId === line.offerId);
    if (existing) existing.quantity += line.quantity;
    else subscriptions.push({ ...line });
  }
  const placed = order.partnerCenterOrderId;
  const partnerCenter = customer.partnerCenter && {
    ...customer.partnerCenter,
    orderIds: placed ? [...customer.partnerCenter.orderIds, placed] : [...customer.partnerCenter.orderIds],
  };
  return { ...customer, subscriptions, ...(partnerCenter ? { partnerCenter } : {}) } as Customer;
}
