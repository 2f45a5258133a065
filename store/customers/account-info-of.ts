import { type Customer, type CustomerAccount, isBotCustomer } from '../customer-schema.js';

/**
 * The account info a stored customer is known by, for showing it again: all of it for a customer created
 * through the bot (validated then), the name, domain and contact email, if any, for one read from Partner Center.
 */
export function accountInfoOf(customer: Customer): CustomerAccount {
  if (!isBotCustomer(customer)) {
    const { companyName, domainPrefix, contactEmail } = customer;
    return contactEmail ? { companyName, domainPrefix, contactEmail } : { companyName, domainPrefix };
  }
  return {
    companyName: customer.companyName,
    domainPrefix: customer.domainPrefix,
    addressLine1: customer.address.line1,
    addressLine2: customer.address.line2,
    city: customer.address.city,
    province: customer.address.province as CustomerAccount['province'],
    postalCode: customer.address.postalCode,
    companyPhone: customer.companyPhone,
    contactFirstName: customer.contact.firstName,
    contactLastName: customer.contact.lastName,
    contactEmail: customer.contact.email,
    contactPhone: customer.contact.phone,
    language: customer.language,
  };
}
