import { type BotCustomer, type CustomerRequest, newCustomerAccount } from '../customer-schema.js';
import { tenantDomain } from './account-info-schema.js';

/**
 * The store record of the customer a request creates: its account info laid out as Partner Center's
 * address and contact, the tenant domain and the admin account. The inverse of `accountInfoOf`.
 */
export function customerFromRequest(
  request: CustomerRequest,
  created: { id: string; at: string },
): BotCustomer {
  const account = newCustomerAccount(request);
  const domain = tenantDomain(account.domainPrefix);
  return {
    source: 'bot',
    id: created.id,
    requestId: request.requestId,
    companyName: account.companyName,
    domainPrefix: account.domainPrefix,
    domain,
    address: {
      line1: account.addressLine1,
      line2: account.addressLine2,
      city: account.city,
      province: account.province,
      postalCode: account.postalCode,
      country: 'CN',
    },
    companyPhone: account.companyPhone,
    contact: {
      firstName: account.contactFirstName,
      lastName: account.contactLastName,
      email: account.contactEmail,
      phone: account.contactPhone,
    },
    language: account.language,
    subscriptions: request.subscriptions,
    adminAccount: `admin@${domain}`,
    createdBy: request.requester,
    createdAt: created.at,
    origin: request.origin,
  };
}
