import { renderSubscriptionsAddedCard } from '../../cards/subscriptions-added.js';
import type { CustomerRequest } from '../../store/customer-schema.js';
import { exceededOffers } from '../../store/customers/exceeded-offers.js';
import type { BotDeps } from '../bot-deps.js';
import type { SubmitOutcome } from './request-submitter.js';

/**
 * Adds the requested licenses to an existing customer once per request, audits it and announces the
 * new totals where the request was made. A repeat of the same request changes nothing and says nothing.
 */
export async function addSubscriptionsAndNotify(
  deps: BotDeps,
  request: CustomerRequest,
): Promise<SubmitOutcome> {
  const { customerId } = request;
  if (!customerId) throw new Error(`request ${request.requestId} names no customer`);
  const orderedAt = deps.now().toISOString();
  const result = await deps.orders.run(customerId, async () => {
    const customer = await deps.store.findById(customerId);
    if (!customer) throw new Error(`No customer ${customerId}`);
    const already = await deps.store.hasOrder(request.requestId);
    if (!already && exceededOffers(customer.subscriptions, request.subscriptions, deps.offers).length > 0) {
      return undefined;
    }
    return deps.store.addSubscriptions({
      requestId: request.requestId,
      customerId,
      lines: request.subscriptions,
      orderedBy: request.requester,
      orderedAt,
    });
  });
  if (!result) return { kind: 'limitExceeded' };
  if (!result.created) return { kind: 'alreadySubmitted', customer: result.customer };
  await deps.store.appendAudit({
    at: orderedAt,
    event: 'subscriptions.added',
    requestId: request.requestId,
    customerId: result.customer.id,
    actor: request.requester,
    conversationId: request.origin.conversationId,
    detail: request.subscriptions.map((line) => `${line.offerId}+${line.quantity}`).join(','),
  });
  const card = renderSubscriptionsAddedCard({
    locale: request.locale,
    customer: result.customer,
    added: request.subscriptions,
    addedBy: request.requester,
    addedAt: orderedAt,
    offers: deps.offers,
  });
  await deps.messenger.sendToConversation(request.origin, { attachments: [card] });
  return { kind: 'created', customer: result.customer };
}
