import type { CustomerIndex } from './customer-index.js';
import { isBotCustomer, type SyncedCustomer } from './customer-schema.js';
import type { SyncResult } from './customer-store.js';

/** What one call of `syncCustomers` writes (`changed`), and the counts it answers with. */
export type SyncPlan = SyncResult & { changed: SyncedCustomer[] };

/**
 * Decides what a page of customers read from Partner Center changes in the store: a new id is added; a
 * stored synced customer is replaced when its name, domain, contact email or tenant changed, keeping the
 * licenses and orders placed through the bot and the time it last changed; a customer the bot created
 * (same id, or the domain of one) and a domain being saved right now (`isSaving`) are left alone.
 */
export function planCustomerSync(
  index: CustomerIndex,
  incoming: readonly SyncedCustomer[],
  isSaving: (domainPrefix: string) => boolean,
): SyncPlan {
  const plan: SyncPlan = { changed: [], added: 0, updated: 0, unchanged: 0 };
  const seen = new Set<string>();
  for (const customer of incoming) {
    if (seen.has(customer.id)) continue;
    seen.add(customer.id);
    const stored = index.findById(customer.id);
    const holder = index.findByDomainPrefix(customer.domainPrefix);
    const heldByAnother = holder !== undefined && holder.id !== customer.id;
    if ((stored && isBotCustomer(stored)) || heldByAnother || isSaving(customer.domainPrefix)) {
      plan.unchanged += 1;
    } else if (!stored) {
      plan.changed.push(customer);
      plan.added += 1;
    } else if (sameIdentity(stored, customer)) {
      plan.unchanged += 1;
    } else {
      plan.changed.push({
        ...customer,
        subscriptions: stored.subscriptions.map((line) => ({ ...line })),
        partnerCenter: { ...customer.partnerCenter, orderIds: [...stored.partnerCenter.orderIds] },
      });
      plan.updated += 1;
    }
  }
  return plan;
}

function sameIdentity(stored: SyncedCustomer, read: SyncedCustomer): boolean {
  return (
    stored.companyName === read.companyName &&
    stored.domainPrefix === read.domainPrefix &&
    stored.domain === read.domain &&
    stored.contactEmail === read.contactEmail &&
    stored.partnerCenter.tenantId === read.partnerCenter.tenantId
  );
}
