import type { Customer } from '../customer-schema.js';
import type { AccountInfo } from './account-info-schema.js';

/** The account info a stored customer was created with, for showing it again (it was validated then). */
export function accountInfoOf(customer: Customer): AccountInfo {
  return {
    companyName: customer.companyName,
    domainPrefix: customer.domainPrefix,
    addressLine1: customer.address.line1,
    addressLine2: customer.address.line2,
    city: customer.address.city,
    province: customer.address.province as AccountInfo['province'],
    postalCode: customer.address.postalCode,
    companyPhone: customer.companyPhone,
    contactFirstName: customer.contact.firstName,
    contactLastName: customer.contact.lastName,
    contactEmail: customer.contact.email,
    contactPhone: customer.contact.phone,
    language: customer.language,
  };
}
