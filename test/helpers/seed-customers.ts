import type { Customer } from '../../store/customer-schema.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { buildCustomer } from '../store/build-customer.js';

/** Seven companies, Chinese and English names, oldest first, for list, search and matching tests. */
export const SEVEN_COMPANIES = [
  ['北京示例科技有限公司', 'beijingexample'],
  ['上海示例贸易有限公司', 'shanghaitrade'],
  ['Fabrikam Trading Co., Ltd.', 'fabrikam'],
  ['深圳云计算科技有限公司', 'szcloud'],
  ['Contoso Pharmaceuticals', 'contosopharma'],
  ['广州示例物流有限公司', 'gzlogistics'],
  ['Northwind Traders', 'northwind'],
] as const;

/** Customer number `n` (id `cus-n`, 10 Office 365 E3 licenses, see `buildCustomer`) with this name and domain. */
export function customerNamed(n: number, companyName: string, domainPrefix: string): Customer {
  return buildCustomer(n, {
    companyName,
    domainPrefix,
    domain: `${domainPrefix}.partner.onmschina.cn`,
    adminAccount: `admin@${domainPrefix}.partner.onmschina.cn`,
  });
}

/**
 * Saves one customer per `[company name, domain prefix]`, oldest first, with ids `cus-1`, `cus-2`, …,
 * for tests that need existing customers.
 */
export async function seedCustomers(
  store: CustomerStore,
  companies: readonly (readonly [string, string])[],
): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (const [index, [companyName, domainPrefix]] of companies.entries()) {
    const customer = customerNamed(index + 1, companyName, domainPrefix);
    await store.addCustomer(customer);
    customers.push(customer);
  }
  return customers;
}
