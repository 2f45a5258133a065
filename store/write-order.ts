import type { Customer, SubscriptionOrder } from './customer-schema.js';
import type { StoreSegment } from './store-segment.js';

/**
 * Adds an order's licenses to a customer (more licenses for an offer it has, a new line otherwise), notes
 * its Partner Center order id, and records the order, in the customer's file with one write; if the write
 * fails, the customer and the file's orders are as they were.
 */
export function writeOrder(
  segment: StoreSegment,
  customer: Customer,
  order: SubscriptionOrder,
): Promise<void> {
  return segment.use(async (data) => {
    const before = customer.subscriptions.map((line) => ({ ...line }));
    const orderIds = customer.partnerCenter?.orderIds;
    const placed = order.partnerCenterOrderId;
    for (const line of order.lines) {
      const existing = customer.subscriptions.find((candidate) => candidate.offerId === line.offerId);
      if (existing) existing.quantity += line.quantity;
      else customer.subscriptions.push({ ...line });
    }
    if (placed && orderIds) orderIds.push(placed);
    data.orders.push(order);
    try {
      await segment.write();
    } catch (error) {
      customer.subscriptions = before;
      if (placed && orderIds) orderIds.splice(orderIds.lastIndexOf(placed), 1);
      data.orders.splice(data.orders.lastIndexOf(order), 1);
      throw error;
    }
  });
}
