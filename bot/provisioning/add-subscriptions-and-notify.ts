import { renderSubscriptionsAddedCard } from '../../cards/subscriptions-added.js';
import type { CustomerRequest } from '../../store/customer-schema.js';
import { exceededOffers } from '../../store/customers/exceeded-offers.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isPartnerCenterError, KNOWN_PARTNER_CENTER_ERRORS } from '../partner-center/partner-center-error.js';
import { partnerCenterRequestId } from '../partner-center/partner-center-request-id.js';
import type { SubmitOutcome } from './request-submitter.js';

/**
 * Adds the requested licenses to an existing customer once per request, audits it and announces the
 * new totals where the request was made. A repeat of the same request changes nothing and says nothing.
 * For a customer Partner Center knows (`customer.partnerCenter`, with Partner Center configured), the
 * order is placed there first (`POST /v1/customers/{id}/orders`, its `MS-RequestId` derived from the
 * request id, so a retry places it once); a count Partner Center refuses (error 2002) is `limitExceeded`.
 */
export async function addSubscriptionsAndNotify(
  deps: BotDeps,
  request: CustomerRequest,
): Promise<SubmitOutcome> {
  const { customerId } = request;
  if (!customerId) throw new Error(`request ${request.requestId} names no customer`);
  const orderedAt = deps.now().toISOString();
  const result = await deps.orders
    .run(customerId, async () => {
      const customer = await deps.store.findById(customerId);
      if (!customer) throw new Error(`No customer ${customerId}`);
      const already = await deps.store.hasOrder(request.requestId);
      if (!already && exceededOffers(customer.subscriptions, request.subscriptions, deps.offers).length > 0) {
        return undefined;
      }
      const placed =
        already || !deps.partnerCenter || !customer.partnerCenter
          ? undefined
          : await deps.partnerCenter.createOrder(
              customerId,
              request.subscriptions,
              partnerCenterRequestId(request.requestId, 'order'),
            );
      return deps.store.addSubscriptions({
        requestId: request.requestId,
        customerId,
        lines: request.subscriptions,
        orderedBy: request.requester,
        orderedAt,
        ...(placed ? { partnerCenterOrderId: placed.id } : {}),
      });
    })
    .catch((error: unknown) => {
      const refused =
        isPartnerCenterError(error) && error.code === KNOWN_PARTNER_CENTER_ERRORS.quantityOutOfRange;
      if (!refused) throw error;
      deps.logger.warn(
        { requestId: request.requestId, customerId, error: describeError(error) },
        'Partner Center refused the license counts',
      );
      return undefined;
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
