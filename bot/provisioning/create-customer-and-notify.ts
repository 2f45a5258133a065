import { renderCredentialsCard } from '../../cards/credentials.js';
import { renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import { escapeUserText } from '../../cards/render-card.js';
import type { BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import { isDomainTakenError } from '../../store/customer-store.js';
import { translator } from '../../store/i18n/translate.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { UserUnreachableError } from '../messaging/teams-messenger.js';
import type { AdminCredentials, CustomerProvisioner, ProvisioningProgress } from './customer-provisioner.js';
import type { SubmitOutcome } from './request-submitter.js';

type Delivery = 'delivered' | 'unreachable' | 'failed';

/**
 * Creates the customer, sends the admin credentials privately to the requester and posts a summary
 * (no secret) where the request was made; `progress` lets an interrupted creation resume. Safe to call
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
  await deps.store.appendAudit({
    at: deps.now().toISOString(),
    event: 'customer.created',
    requestId: request.requestId,
    customerId: customer.id,
    actor: request.requester,
    conversationId: request.origin.conversationId,
  });
  const delivery = await deliverCredentials(deps, request, customer, credentials);
  await deps.store.appendAudit({
    at: deps.now().toISOString(),
    event: delivery === 'delivered' ? 'credentials.delivered' : 'credentials.undeliverable',
    requestId: request.requestId,
    customerId: customer.id,
    actor: request.requester,
    detail: delivery,
  });
  await postOutcome(deps, request, customer, delivery);
  return { kind: 'created', customer };
}

/**
 * Sends the requester, privately, the credentials card, or, when the password was lost on its way from
 * Partner Center, how to reset it.
 */
async function deliverCredentials(
  deps: BotDeps,
  request: CustomerRequest,
  customer: BotCustomer,
  credentials: AdminCredentials | undefined,
): Promise<Delivery> {
  const message = credentials
    ? {
        attachments: [
          renderCredentialsCard({
            locale: request.locale,
            customerId: customer.id,
            companyName: customer.companyName,
            adminAccount: credentials.adminAccount,
            temporaryPassword: credentials.temporaryPassword,
          }),
        ],
      }
    : {
        text: translator(request.locale)('credentials.lost', {
          company: escapeUserText(customer.companyName),
          account: customer.adminAccount,
        }),
      };
  try {
    await deps.messenger.sendToUser(request.origin, request.requester, message);
    deps.logger.info({ requestId: request.requestId, customerId: customer.id }, 'credentials delivered');
    return 'delivered';
  } catch (error) {
    if (error instanceof UserUnreachableError) {
      deps.logger.warn(
        { requestId: request.requestId, customerId: customer.id },
        'requester has no 1:1 chat',
      );
      return 'unreachable';
    }
    deps.logger.error(
      { requestId: request.requestId, customerId: customer.id, error: describeError(error) },
      'credentials delivery failed',
    );
    return 'failed';
  }
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
