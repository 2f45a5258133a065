import type { CustomerKeyIndex } from './customer-key-index.js';
import { type Customer, isBotCustomer, type SyncedCustomer } from './customer-schema.js';
import type { SyncResult } from './customer-store.js';

/** What one call of `syncCustomers` writes (`changed`), and the counts it answers with. */
export type SyncPlan = SyncResult & { changed: SyncedCustomer[] };

/** What planning a sync looks up among the stored customers: `CustomerIndex` has it. */
export type SyncIndex = {
  findById(customerId: string): Customer | undefined;
  findByDomainPrefix(domainPrefix: string): { id: string } | undefined;
};

/**
 * The ids among `incoming` of stored customers read from Partner Center: the records `planSyncOnKeys`
 * compares with what was read, to be read back from their files first.
 */
export function storedSyncedIds(index: CustomerKeyIndex, incoming: readonly SyncedCustomer[]): string[] {
  const ids = new Set<string>();
  for (const customer of incoming) {
    if (index.has(customer.id) && !index.isBotCustomer(customer.id)) ids.add(customer.id);
  }
  return [...ids];
}

/**
 * `planCustomerSync` for a store that keeps only look-up keys in memory: the records of the stored
 * synced customers among `incoming` are in `stored` (see `storedSyncedIds`); a customer the bot created
 * is told by its keys and left alone without reading its record. Synchronous, so that it decides on one
 * state of the index.
 */
export function planSyncOnKeys(
  index: CustomerKeyIndex,
  stored: ReadonlyMap<string, Customer>,
  incoming: readonly SyncedCustomer[],
  isSaving: (domainPrefix: string) => boolean,
): SyncPlan {
  const botIds = new Set(incoming.filter((customer) => index.isBotCustomer(customer.id)).map(({ id }) => id));
  const lookup: SyncIndex = {
    findById: (customerId) => stored.get(customerId),
    findByDomainPrefix: (domainPrefix) => {
      const id = index.idOfDomainPrefix(domainPrefix);
      return id === undefined ? undefined : { id };
    },
  };
  const others = incoming.filter((customer) => !botIds.has(customer.id));
  const plan = planCustomerSync(lookup, others, isSaving);
  plan.unchanged += botIds.size;
  return plan;
}

/**
 * Decides what a page of customers read from Partner Center changes in the store: a new id is added; a
 * stored synced customer is replaced when its name, domain, contact email or tenant changed, keeping the
 * licenses and orders placed through the bot and the time it last changed; a customer the bot created
 * (same id, or the domain of one) and a domain being saved right now (`isSaving`) are left alone.
 */
export function planCustomerSync(
  index: SyncIndex,
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
