import type {
  ApprovalRequest,
  AuditEntry,
  BotCustomer,
  ConversationOrigin,
  Requester,
} from '../../store/customer-schema.js';
import {
  accountInfo,
  approvalRequest,
  customerFrom,
  customerRequest,
  validAccountInputs,
} from '../../test/fixtures/customers.js';

/** Everything the store holds after one approved add-customer walk, as the bot writes it. */
export type WalkRecords = {
  request: ApprovalRequest;
  customer: BotCustomer;
  /** request.submitted, request.approved, customer.created, credentials.delivered. */
  audit: [AuditEntry, AuditEntry, AuditEntry, AuditEntry];
};

const BASE_TIME = Date.UTC(2025, 0, 1);

/**
 * The records of the `n`th approved walk of a generated store, shaped like the bot's own (same fields,
 * lengths and ids), so that file sizes, parse times and memory match a real store of that size.
 */
export function walkRecords(tag: string, n: number): WalkRecords {
  const hex = (n + 0x10000000).toString(16);
  const requestId = `${hex}-1c1b-4f6e-9d2a-${tag.padEnd(12, '0').slice(0, 12)}`;
  const customerId = `${hex}-7a3e-4b11-8c55-${tag.padEnd(12, '0').slice(0, 12)}`;
  const domainPrefix = `s${tag}${n}`;
  const at = (minutes: number) => new Date(BASE_TIME + n * 3_600_000 + minutes * 60_000).toISOString();
  const requester: Requester = {
    userId: `29:1${hex}-agent-${n % 50}`,
    aadObjectId: `6f1e2d3c-0000-4000-8000-${String(n % 50).padStart(12, '0')}`,
    name: `Partner Agent ${n % 50}`,
  };
  const approver: Requester = {
    userId: '29:1approver',
    aadObjectId: '9a8b7c6d-0000-4000-8000-000000000001',
    name: 'Megan Bowen',
  };
  const origin: ConversationOrigin = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/cn/',
    conversationId: `19:general@thread.tacv2;messageid=17104084${String(n).padStart(5, '0')}`,
    conversationType: 'channel',
    tenantId: '4f1b3c2d-0000-4000-8000-00000000abcd',
    botId: '28:add-customer-bot',
    botName: 'Add Customer',
  };
  const request = customerRequest({
    requestId,
    account: accountInfo(
      validAccountInputs(domainPrefix, {
        companyName: `Contoso ${tag} ${n} Technology Co., Ltd.`,
        addressLine1: 'No. 1 Keyuan Road, Nanshan District',
        city: 'Shenzhen',
        province: 'GD',
        postalCode: '518000',
        contactEmail: `wang.lei${n}@contoso-${tag}.com.cn`,
      }),
    ),
    subscriptions: [{ offerId: 'o365-e3', quantity: 25 }],
    requester,
    origin,
    requestedAt: at(0),
  });
  const approval = approvalRequest(request, {
    status: 'approved',
    decision: { status: 'approved', by: approver, at: at(5) },
    customerId,
    cards: [{ origin, activityId: `${hex}-5d4c-4b3a-9e8f-${tag.padEnd(12, '0').slice(0, 12)}` }],
  });
  const customer = customerFrom(request, { id: customerId, at: at(5) });
  const entry = (event: AuditEntry['event'], actor: Requester, minutes: number): AuditEntry => ({
    at: at(minutes),
    event,
    requestId,
    ...(event === 'request.submitted' || event === 'request.approved' ? {} : { customerId }),
    actor,
    conversationId: origin.conversationId,
    ...(event === 'credentials.delivered' ? { detail: 'delivered' } : {}),
  });
  return {
    request: approval,
    customer,
    audit: [
      entry('request.submitted', requester, 0),
      entry('request.approved', approver, 5),
      entry('customer.created', requester, 5),
      entry('credentials.delivered', requester, 5),
    ],
  };
}
