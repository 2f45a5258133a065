import { type CustomerRequest, newCustomerAccount } from '../../store/customer-schema.js';
import { tenantDomain } from '../../store/customers/account-info-schema.js';

/**
 * The body of Partner Center's `POST /v1/customers` for a new-customer request: every field the account
 * card collects, laid out as Partner Center's company and billing profiles. The default address carries
 * the primary contact, so its phone number is the contact's, or the company's when the contact gave none.
 * No `organizationRegistrationNumber`: it does not apply in China.
 */
export function createCustomerBody(request: CustomerRequest) {
  const account = newCustomerAccount(request);
  return {
    companyProfile: { domain: tenantDomain(account.domainPrefix) },
    billingProfile: {
      email: account.contactEmail,
      culture: account.language,
      language: account.language.slice(0, 2),
      companyName: account.companyName,
      defaultAddress: {
        country: 'CN',
        city: account.city,
        state: account.province,
        addressLine1: account.addressLine1,
        addressLine2: account.addressLine2,
        postalCode: account.postalCode,
        firstName: account.contactFirstName,
        lastName: account.contactLastName,
        phoneNumber: account.contactPhone ?? account.companyPhone,
      },
    },
  };
}
