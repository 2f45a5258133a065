import type { Customer, SubscriptionOrder } from './customer-schema.js';
import { withOrder } from './customers/with-order.js';
import { latestCopy } from './latest-copy.js';
import type { StoreSegment } from './store-segment.js';

/**
 * Adds an order's licenses to the customer `customerId` held by `segment` (see `withOrder`) and records
 * the order, in that file with one write; if the write fails, the customer and the file's orders are as
 * they were. Answers the customer as saved.
 */
export function writeOrder(
  segment: StoreSegment,
  customerId: string,
  order: SubscriptionOrder,
): Promise<Customer> {
  return segment.use(async (data) => {
    const customer = latestCopy(data.customers, customerId, segment.file);
    const before = { subscriptions: customer.subscriptions, partnerCenter: customer.partnerCenter };
    const after = withOrder(customer, order);
    customer.subscriptions = after.subscriptions;
    if (after.partnerCenter) customer.partnerCenter = after.partnerCenter;
    data.orders.push(order);
    try {
      await segment.write({ customers: [customer], orders: [order] });
    } catch (error) {
      customer.subscriptions = before.subscriptions;
      if (before.partnerCenter) customer.partnerCenter = before.partnerCenter;
      data.orders.splice(data.orders.lastIndexOf(order), 1);
      throw error;
    }
    return customer;
  });
}
