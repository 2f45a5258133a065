import type { Customer, SubscriptionOrder } from '../customer-schema.js';

/**
 * The customer once an order's licenses are added: more licenses for an offer it has, a new line
 * otherwise, and the order's Partner Center id noted. The customer given is left as it is.
 */
export function withOrder<C extends Customer>(customer: C, order: SubscriptionOrder): C {
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
  return { ...customer, subscriptions, ...(partnerCenter ? { partnerCenter } : {}) };
}
