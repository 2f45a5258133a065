import type { Customer } from '../../store/customer-schema.js';
import type { AccountInfo, AccountInfoInput } from '../../store/customers/account-info-schema.js';
import { createAccountInfoSchema } from '../../store/customers/account-info-schema.js';
import { customerFromRequest } from '../../store/customers/customer-from-request.js';
import { loadOfferCatalog } from '../../store/customers/offer-catalog.js';
import { parseAccountInfo } from '../../store/customers/parse-account-info.js';
import type { SubscriptionLine } from '../../store/customers/parse-subscriptions.js';

/** The offer catalog shipped with the bot. */
export const OFFERS = await loadOfferCatalog();

/** A value a user could type that looks like template syntax and Markdown; it must stay literal. */
export const HOSTILE_TEXT = '${$root.flowId} **bold** [x](y)';

/** That value as `escapeMarkdown` shows it in a TextBlock. */
export const HOSTILE_TEXT_ESCAPED = '${$root.flowId} \\*\\*bold\\*\\* \\[x\\](y)';

export const FLOW_ID = 'flow-7f3c9a20';
export const OWNER = { id: '29:1owner-aad-user', name: 'Li Lei' };

/** Account info as a user typed it on the card; the first name is left out (see the report on Review). */
export const ACCOUNT_INPUT: AccountInfoInput = {
  companyName: 'Contoso (Shenzhen) Technology Co., Ltd.',
  domainPrefix: 'ContosoSZ',
  addressLine1: '1 Keyuan Road, Nanshan District',
  addressLine2: 'Building 5, Floor 3',
  city: 'Shenzhen',
  province: 'GD',
  postalCode: '518000',
  companyPhone: '0755 8888 6666',
  contactLastName: 'Wang',
  contactEmail: 'wang.fang@contoso.cn',
  contactPhone: '138 0013 8000',
  language: 'zh-CN',
};

/** Parses typed account info with the bot's own schema; throws if the sample is not valid. */
export function parsedAccount(overrides: AccountInfoInput = {}): AccountInfo {
  const schema = createAccountInfoSchema({ partnerEmailDomains: ['fabrikam-partner.cn'] });
  const result = parseAccountInfo(schema, { ...ACCOUNT_INPUT, ...overrides });
  if (!result.ok) throw new Error(`Invalid sample account info: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export const SUBSCRIPTIONS: SubscriptionLine[] = [
  { offerId: 'm365-business-basic', quantity: 25 },
  { offerId: 'o365-e3', quantity: 10 },
];

/** A customer as the store holds it, built from the sample account like the provisioner does. */
export function sampleCustomer(overrides: AccountInfoInput = {}): Customer {
  return customerFromRequest(
    {
      requestId: 'req-5e6f7a8b',
      kind: 'newCustomer',
      locale: 'en-US',
      account: parsedAccount(overrides),
      subscriptions: SUBSCRIPTIONS,
      requester: { userId: OWNER.id, aadObjectId: '6f1e2d3c-0000-4000-8000-000000000abc', name: OWNER.name },
      origin: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/cn/',
        conversationId: '19:general@thread.tacv2;messageid=1710408413589',
        conversationType: 'channel',
        tenantId: '00000000-0000-0000-0000-0000000000001',
        botId: '28:add-customer-bot',
      },
      requestedAt: '2025-03-14T09:26:53.589Z',
    },
    { id: 'cus-0a1b2c3d', at: '2025-03-14T09:26:53.589Z' },
  );
}
