import { renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import { escapeUserText } from '../../cards/render-card.js';
import type { AuditEntry, BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import { isDomainTakenError } from '../../store/customer-store.js';
import { translator } from '../../store/i18n/translate.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { UserUnreachableError } from '../messaging/teams-messenger.js';
import type { Delivery } from './credentials-outbox.js';
import type { CustomerProvisioner, ProvisioningProgress } from './customer-provisioner.js';
import type { SubmitOutcome } from './request-submitter.js';

/**
 * Creates the customer, puts the admin credentials in the outbox (sealed, on disk) before trying to send
 * them privately to the requester (retried until delivered or expired), and posts a summary (no secret)
 * where the request was made; `progress` lets an interrupted creation resume. Safe to call
 * twice for one request: the second call finds the customer and sends nothing.
 */
export async function createCustomerAndNotify(
  deps: BotDeps,
  request: CustomerRequest,
  progress?: ProvisioningProgress,
): Promise<SubmitOutcome> {
  let provisioned: Awaited<ReturnType<CustomerProvisioner['provision']>>;
  try {
    provisioned = await deps.provisioner.provision(request, progress);
  } catch (error) {
    if (isDomainTakenError(error)) return { kind: 'domainTaken' };
    throw error;
  }
  const { customer, credentials, credentialsLost } = provisioned;
  if (!credentials && !credentialsLost) return { kind: 'alreadySubmitted', customer };
  if (credentials) await deps.outbox.add(request, customer, credentials);
  await appendAuditOrLog(deps, {
    at: deps.now().toISOString(),
    event: 'customer.created',
    requestId: request.requestId,
    customerId: customer.id,
    actor: request.requester,
    conversationId: request.origin.conversationId,
  });
  const delivery = credentials
    ? ((await deps.outbox.deliver(request.requestId)) ?? 'delivered')
    : await sendLostNotice(deps, request, customer);
  await postOutcome(deps, request, customer, delivery);
  return { kind: 'created', customer };
}

async function appendAuditOrLog(deps: BotDeps, entry: AuditEntry): Promise<void> {
  try {
    await deps.store.appendAudit(entry);
  } catch (error) {
    deps.logger.error(
      { requestId: entry.requestId, event: entry.event, error: describeError(error) },
      'audit entry not written; delivery goes on',
    );
  }
}

/** Tells the requester, privately, that the password was lost on its way from Partner Center and how to reset it. */
async function sendLostNotice(
  deps: BotDeps,
  request: CustomerRequest,
  customer: BotCustomer,
): Promise<Delivery> {
  const text = translator(request.locale)('credentials.lost', {
    company: escapeUserText(customer.companyName),
    account: customer.adminAccount,
  });
  const facts = { requestId: request.requestId, customerId: customer.id };
  let delivery: Delivery;
  try {
    await deps.messenger.sendToUser(request.origin, request.requester, { text });
    deps.logger.info(facts, 'lost-credentials notice delivered');
    delivery = 'delivered';
  } catch (error) {
    delivery = error instanceof UserUnreachableError ? 'unreachable' : 'failed';
    deps.logger.error({ ...facts, error: describeError(error) }, 'lost-credentials notice not delivered');
  }
  await appendAuditOrLog(deps, {
    at: deps.now().toISOString(),
    event: delivery === 'delivered' ? 'credentials.delivered' : 'credentials.undeliverable',
    requestId: request.requestId,
    customerId: customer.id,
    actor: request.requester,
    detail: delivery,
  });
  return delivery;
}

async function postOutcome(
  deps: BotDeps,
  request: CustomerRequest,
  customer: BotCustomer,
  delivery: Delivery,
): Promise<void> {
  const t = translator(request.locale);
  const names = {
    name: escapeUserText(request.requester.name),
    company: escapeUserText(customer.companyName),
  };
  if (request.origin.conversationType !== 'personal') {
    const summary = renderCustomerSummaryCard({
      locale: request.locale,
      customer,
      offers: deps.offers,
      credentialsDelivered: delivery === 'delivered',
    });
    await deps.messenger.sendToConversation(request.origin, { attachments: [summary] });
  }
  if (delivery === 'unreachable') {
    await deps.messenger.sendToConversation(request.origin, { text: t('credentials.blocked', names) });
  } else if (delivery === 'failed') {
    await deps.messenger.sendToConversation(request.origin, { text: t('credentials.failed', names) });
  }
}
