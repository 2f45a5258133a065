import { renderCredentialsCard, renderCredentialsDoneCard } from '../../cards/credentials.js';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import { renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import { renderDialogClosedCard } from '../../cards/dialog-closed.js';
import { renderHelpCard } from '../../cards/help.js';
import { renderPickCustomerCard } from '../../cards/pick-customer.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { renderResellerRelationshipCard } from '../../cards/reseller-relationship.js';
import { renderSubscriptionsAddedCard } from '../../cards/subscriptions-added.js';
import type { Customer, SyncedCustomer } from '../../store/customer-schema.js';
import { buildCustomer, REQUESTED_AT, SEVEN_COMPANIES, sampleCustomer } from '../fixtures/customers.js';
import { type CardRenderCase, prepared } from './card-render-cases.js';
import { FLOW_ID, OFFERS, OWNER } from './sample-card-data.js';

/** Text a user could type: Markdown, Teams date macros, template syntax, a line break and a bidi override. */
export const USER_TEXT =
  '**Contoso** _x_ [y](https://z) {{DATE(2025-01-01T00:00:00Z, SHORT)}} ${$root.flowId}\n- #1 <b>\u202e';

const SYNCED: SyncedCustomer = {
  source: 'partnerCenter',
  id: 'pc-7a8b',
  companyName: 'Northwind Traders',
  domainPrefix: 'northwind',
  domain: 'northwind.partner.onmschina.cn',
  subscriptions: [{ offerId: 'retired-offer', quantity: 2 }],
  partnerCenter: { orderIds: [] },
  syncedAt: REQUESTED_AT,
};

const CUSTOMERS: Customer[] = [
  { ...sampleCustomer({ companyName: USER_TEXT, addressLine2: undefined }), id: 'cus-user-text' },
  SYNCED,
  ...SEVEN_COMPANIES.slice(0, 3).map((_, index) => buildCustomer(index + 1)),
];

/** The cards outside the add-customer walk's steps (see `CARD_RENDER_CASES`). */
export const OTHER_CARD_CASES: readonly CardRenderCase[] = [
  ...(['addCustomer', 'addSubscription'] as const).flatMap((dialog) =>
    (['cancelled', 'replaced'] as const).map((reason) => ({
      name: `dialog-closed-${dialog}-${reason}`,
      prepare: prepared(renderDialogClosedCard)((locale) => ({
        locale,
        dialog,
        reason,
        owner: { name: USER_TEXT },
      })),
    })),
  ),
  { name: 'help', prepare: prepared(renderHelpCard)((locale) => ({ locale })) },
  {
    name: 'credentials',
    prepare: prepared(renderCredentialsCard)((locale) => ({
      locale,
      customerId: 'cus-1',
      companyName: USER_TEXT,
      adminAccount: 'admin@contoso.partner.onmschina.cn',
      temporaryPassword: 'Kp7!m_q*2w[x]$4T',
    })),
  },
  {
    name: 'credentials-done',
    prepare: prepared(renderCredentialsDoneCard)((locale) => ({
      locale,
      companyName: USER_TEXT,
      adminAccount: 'admin@contoso.partner.onmschina.cn',
    })),
  },
  ...[
    { query: '', offset: 0, total: 0, customers: [] },
    { query: 'zzz', offset: 0, total: 0, customers: [] },
    { query: USER_TEXT, offset: 0, total: 12, customers: CUSTOMERS },
    { query: '', offset: 5, total: 12, customers: CUSTOMERS },
    { query: '', offset: 10, total: 12, customers: CUSTOMERS.slice(0, 2) },
  ].map((list, index) => ({
    name: `customer-list-${index}`,
    prepare: prepared(renderCustomerListCard)((locale) => ({
      locale,
      ...list,
      pageSize: 5,
      offers: OFFERS,
    })),
  })),
  ...[true, false].map((credentialsDelivered) => ({
    name: `customer-summary-${credentialsDelivered ? 'delivered' : 'not-delivered'}`,
    prepare: prepared(renderCustomerSummaryCard)((locale) => ({
      locale,
      customer: sampleCustomer({ companyName: USER_TEXT, contactFirstName: 'Fang' }),
      offers: OFFERS,
      credentialsDelivered,
    })),
  })),
  ...[0, 1, 4].map((count) => ({
    name: `pick-customer-${count}`,
    prepare: prepared(renderPickCustomerCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      query: count === 0 ? USER_TEXT : 'contoso',
      choices: CUSTOMERS.slice(0, count).map((customer) => ({
        customerId: customer.id,
        companyName: customer.companyName,
        domain: customer.domain,
      })),
      ...(count === 4 ? { chosenId: 'pc-7a8b' } : {}),
      chooseError: count === 1,
    })),
  })),
  {
    name: 'rejection-notice',
    prepare: prepared(renderRejectionNoticeCard)((locale) => ({
      locale,
      requestId: 'req-1',
      companyName: USER_TEXT,
      approverName: 'Han Meimei',
      reason: USER_TEXT,
    })),
  },
  ...[
    {
      companyName: 'Contoso Ltd.',
      inviteUrl: 'https://admin.partner.microsoftonline.cn/partner/reseller?x=1',
    },
    { companyName: '北京示例科技有限公司' },
    { companyName: USER_TEXT },
  ].map((relationship, index) => ({
    name: `reseller-relationship-${index}`,
    prepare: prepared(renderResellerRelationshipCard)((locale) => ({ locale, ...relationship })),
  })),
  {
    name: 'subscriptions-added',
    prepare: prepared(renderSubscriptionsAddedCard)((locale) => ({
      locale,
      customer: CUSTOMERS[0] as Customer,
      added: [
        { offerId: 'o365-e3', quantity: 5 },
        { offerId: 'retired-offer', quantity: 1 },
      ],
      addedBy: { userId: OWNER.id, aadObjectId: 'aad-1', name: USER_TEXT },
      addedAt: REQUESTED_AT,
      offers: OFFERS,
    })),
  },
];
