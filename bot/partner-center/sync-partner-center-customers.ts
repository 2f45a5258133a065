import type { SyncedCustomer } from '../../store/customer-schema.js';
import type { CustomerStore, SyncResult } from '../../store/customer-store.js';
import type { HeldLease } from '../../store/leases.js';
import type { PartnerCenterClient, PartnerCenterCustomer } from './partner-center-client.js';

/**
 * A Partner Center customer as the store keeps one the bot did not create: its id, company name (from the
 * company profile, else the billing profile, else the domain), tenant domain, domain prefix (the
 * domain's first label), billing email if the answer has one, and tenant id.
 */
export function syncedCustomerOf(customer: PartnerCenterCustomer, at: string): SyncedCustomer {
  const domain = customer.companyProfile.domain.toLowerCase();
  const email = customer.billingProfile?.email;
  const tenantId = customer.companyProfile.tenantId;
  return {
    source: 'partnerCenter',
    id: customer.id,
    companyName: customer.companyProfile.companyName || customer.billingProfile?.companyName || domain,
    domainPrefix: domain.split('.')[0] || domain,
    domain,
    ...(email ? { contactEmail: email } : {}),
    subscriptions: [],
    partnerCenter: { ...(tenantId ? { tenantId } : {}), orderIds: [] },
    syncedAt: at,
  };
}

/**
 * Reads every customer of the partner from Partner Center (`GET /v1/customers`, page by page) into the
 * store, one store call (one file written) per page. Throws on the first page that fails; the pages
 * before it stay saved, and the next sync reads them again without changing anything. Before writing
 * each page it confirms its lease (`lease.confirm`); once the lease is lost (another instance syncs from
 * the start) it throws the lease's reason and writes nothing more, not even the page it was holding,
 * which may be older than what the new holder wrote.
 */
export async function syncPartnerCenterCustomers(
  client: PartnerCenterClient,
  store: CustomerStore,
  now: () => Date,
  lease?: HeldLease,
): Promise<Required<SyncResult> & { pages: number }> {
  const total = { pages: 0, added: 0, updated: 0, unchanged: 0, skipped: 0 };
  for await (const page of client.listCustomers()) {
    await lease?.confirm();
    const at = now().toISOString();
    const result = await store.syncCustomers(page.map((customer) => syncedCustomerOf(customer, at)));
    total.pages += 1;
    total.added += result.added;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    total.skipped += result.skipped ?? 0;
  }
  return total;
}
