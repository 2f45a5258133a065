import type { Customer } from '../../store/customer-schema.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { buildCustomer } from '../store/build-customer.js';

/**
 * Saves one customer per `[company name, domain prefix]`, oldest first, with ids `cus-1`, `cus-2`, …
 * (each has 10 Office 365 E3 licenses, see `buildCustomer`), for tests that need existing customers.
 */
export async function seedCustomers(
  store: CustomerStore,
  companies: readonly (readonly [string, string])[],
): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (const [index, [companyName, domainPrefix]] of companies.entries()) {
    const customer = buildCustomer(index + 1, {
      companyName,
      domainPrefix,
      domain: `${domainPrefix}.partner.onmschina.cn`,
      adminAccount: `admin@${domainPrefix}.partner.onmschina.cn`,
    });
    await store.addCustomer(customer);
    customers.push(customer);
  }
  return customers;
}
