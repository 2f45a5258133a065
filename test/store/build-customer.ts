import type { Customer } from '../../store/customer-schema.js';

/** A valid customer for store tests; `n` makes its ids and domain unique. */
export function buildCustomer(n: number, overrides: Partial<Customer> = {}): Customer {
  const domainPrefix = `contoso${n}`;
  return {
    id: `cus-${n}`,
    requestId: `req-${n}`,
    companyName: `Contoso ${n} Technology Co., Ltd.`,
    domainPrefix,
    domain: `${domainPrefix}.partner.onmschina.cn`,
    address: {
      line1: '1 Keyuan Road',
      city: 'Shenzhen',
      province: 'GD',
      postalCode: '518000',
      country: 'CN',
    },
    contact: { lastName: 'Wang', email: `wang${n}@contoso.cn` },
    language: 'zh-CN',
    subscriptions: [{ offerId: 'o365-e3', quantity: 10 }],
    adminAccount: `admin@${domainPrefix}.partner.onmschina.cn`,
    createdBy: { userId: '29:1owner', aadObjectId: '6f1e2d3c-0000-4000-8000-000000000abc', name: 'Li Lei' },
    createdAt: `2025-03-14T09:${String(10 + n).padStart(2, '0')}:00.000Z`,
    origin: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/cn/',
      conversationId: '19:general@thread.tacv2;messageid=1710408413589',
      botId: '28:add-customer-bot',
    },
    ...overrides,
  };
}
