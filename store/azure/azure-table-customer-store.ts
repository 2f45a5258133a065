import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { CustomerIndex } from '../customer-index.js';
import {
  type ApprovalRequest,
  type AuditEntry,
  type BotCustomer,
  type Creation,
  type Customer,
  CustomerSchema,
  type Decision,
  isBotCustomer,
  type PostedCard,
  type SubscriptionOrder,
  SubscriptionOrderSchema,
  type SyncedCustomer,
} from '../customer-schema.js';
import {
  type AddCustomerResult,
  type AddSubscriptionsResult,
  type CustomerPage,
  type CustomerStore,
  type DecideResult,
  DomainTakenError,
  type MatchCriteria,
  type SyncResult,
} from '../customer-store.js';
import { withOrder } from '../customers/with-order.js';
import { planCustomerSync } from '../plan-customer-sync.js';
import { type AzureAccount, openTable } from './azure-account.js';
import { AzureTableRequests } from './azure-table-requests.js';
import { CustomerSequence } from './customer-sequence.js';
import { jsonEntity, lostRace, recordOf, statusOf, tableKey } from './table-entity.js';

/** The partition holding customers and the rows that keep them unique, so that one transaction covers them. */
const CUSTOMERS = 'customers';
const customerRow = (id: string) => `c_${tableKey(id)}`;
const domainRow = (prefix: string) => `d_${tableKey(prefix.toLowerCase())}`;
const requestRow = (requestId: string) => `r_${tableKey(requestId)}`;
const orderRow = (requestId: string) => `o_${tableKey(requestId)}`;

/**
 * How many customers a sync writes at once: each is its own transaction (its own domain row may lose
 * to another instance without failing the others), and one at a time a page of 500 would take seconds.
 */
const SYNC_WRITERS = 16;
/**
 * How often a sync tries one customer whose row another instance changed under it, each from fresh rows;
 * after that it is counted `skipped`, and the next sync writes it.
 */
const SYNC_TRIES = 3;

type StoredCustomer = { customer: Customer; etag: string; seq: string };

/**
 * The customer store in Azure Table Storage (table `<prefix>store`), for bots running on several
 * instances. Uniqueness holds by construction, not by a lock in one process: a customer is saved in one
 * entity-group transaction with a row keyed by its domain prefix and one keyed by its request id, both
 * insert-only, so that of two instances saving the same domain or request at once one transaction fails
 * whole (409) and nothing partial is left; an order is saved with a row keyed by its request id and the
 * customer's licenses updated `If-Match` in the same transaction. Searching and matching read the whole
 * customers partition: fine for the thousands of customers one partner has, not for millions.
 */
export class AzureTableCustomerStore implements CustomerStore {
  private readonly requests: AzureTableRequests;
  private readonly sequence = new CustomerSequence();

  private constructor(private readonly table: TableClient) {
    this.requests = new AzureTableRequests(table);
  }

  /** Opens the store in the table `<tablePrefix>store` of `account`, creating the table if need be. */
  static async open(account: AzureAccount, tablePrefix: string): Promise<AzureTableCustomerStore> {
    return new AzureTableCustomerStore(await openTable(account, `${tablePrefix}store`));
  }

  async isDomainTaken(domainPrefix: string): Promise<boolean> {
    return (await this.get(domainRow(domainPrefix))) !== undefined;
  }

  async findById(customerId: string): Promise<Customer | undefined> {
    return (await this.readCustomer(customerId))?.customer;
  }

  async findByRequestId(requestId: string): Promise<BotCustomer | undefined> {
    const row = await this.get(requestRow(requestId));
    const customer = row && (await this.findById(String(row.customerId)));
    return customer && isBotCustomer(customer) ? customer : undefined;
  }

  async addCustomer(customer: BotCustomer): Promise<AddCustomerResult> {
    for (;;) {
      const existing = await this.findByRequestId(customer.requestId);
      if (existing) return { customer: existing, created: false };
      const sameId = await this.readCustomer(customer.id);
      const synced = sameId && !isBotCustomer(sameId.customer) ? sameId : undefined;
      const holder = await this.get(domainRow(customer.domainPrefix));
      if (holder && holder.requestId === customer.requestId) continue;
      if (holder && holder.customerId !== synced?.customer.id) throw new DomainTakenError(customer.domain);
      const actions: TransactionAction[] = [
        ['create', this.row(requestRow(customer.requestId), { customerId: customer.id })],
        holder
          ? ['update', this.domainEntity(customer), 'Replace', { etag: holder.etag }]
          : ['create', this.domainEntity(customer)],
        synced
          ? ['update', this.customerEntity(customer, synced.seq), 'Replace', { etag: synced.etag }]
          : ['create', this.customerEntity(customer, this.sequence.next())],
      ];
      if (synced && domainRow(synced.customer.domainPrefix) !== domainRow(customer.domainPrefix)) {
        actions.push(['delete', this.row(domainRow(synced.customer.domainPrefix))]);
      }
      try {
        await this.table.submitTransaction(actions);
        return { customer, created: true };
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
  }

  async syncCustomers(customers: readonly SyncedCustomer[]): Promise<SyncResult> {
    const stored = await this.readAll();
    const index = new CustomerIndex();
    for (const { customer } of stored.values()) index.add(customer);
    const { changed, ...result } = planCustomerSync(index, customers, () => false);
    const incoming = new Map(customers.map((customer) => [customer.id, customer]));
    const write = async (customer: SyncedCustomer, tries = 1): Promise<void> => {
      const before = stored.get(customer.id);
      const actions: TransactionAction[] = before
        ? [['update', this.customerEntity(customer, before.seq), 'Replace', { etag: before.etag }]]
        : [
            ['create', this.domainEntity(customer)],
            ['create', this.customerEntity(customer, this.sequence.next())],
          ];
      if (before && domainRow(before.customer.domainPrefix) !== domainRow(customer.domainPrefix)) {
        actions.push(['delete', this.row(domainRow(before.customer.domainPrefix))]);
        actions.push(['create', this.domainEntity(customer)]);
      }
      try {
        await this.table.submitTransaction(actions);
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (before) result.updated -= 1;
        else result.added -= 1;
        if (tries >= SYNC_TRIES) {
          result.skipped = (result.skipped ?? 0) + 1;
          return;
        }
        const again = await this.planAgain(incoming.get(customer.id) ?? customer, stored);
        result.added += again.added;
        result.updated += again.updated;
        result.unchanged += again.unchanged;
        for (const next of again.changed) await write(next, tries + 1);
      }
    };
    const queue = [...changed];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await write(next);
    };
    await Promise.all(Array.from({ length: SYNC_WRITERS }, worker));
    return result;
  }

  /**
   * Plans one customer's sync again from fresh rows (its own and its domain's holder), after its write
   * lost a race to another instance: applied on the newer row, or unchanged if that row now says so.
   */
  private async planAgain(customer: SyncedCustomer, stored: Map<string, StoredCustomer>) {
    const fresh = await this.readCustomer(customer.id);
    if (fresh) stored.set(customer.id, fresh);
    else stored.delete(customer.id);
    const holderId = String((await this.get(domainRow(customer.domainPrefix)))?.customerId ?? '');
    const holder = holderId && holderId !== customer.id ? await this.readCustomer(holderId) : undefined;
    const index = new CustomerIndex();
    for (const found of [fresh, holder]) if (found) index.add(found.customer);
    return planCustomerSync(index, [customer], () => false);
  }

  async findMatchingCustomers(criteria: MatchCriteria): Promise<Customer[]> {
    return (await this.index()).matching(criteria);
  }

  async searchCustomers(options: { query?: string; offset: number; limit: number }): Promise<CustomerPage> {
    return (await this.index()).search(options);
  }

  async addSubscriptions(order: SubscriptionOrder): Promise<AddSubscriptionsResult> {
    for (;;) {
      const stored = await this.readCustomer(order.customerId);
      if (!stored) throw new Error(`No customer ${order.customerId}`);
      if (await this.hasOrder(order.requestId)) return { customer: stored.customer, created: false };
      const customer = withOrder(stored.customer, order);
      try {
        await this.table.submitTransaction([
          ['create', jsonEntity(CUSTOMERS, orderRow(order.requestId), order)],
          ['update', this.customerEntity(customer, stored.seq), 'Replace', { etag: stored.etag }],
        ]);
        return { customer, created: true };
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
  }

  async hasOrder(requestId: string): Promise<boolean> {
    return (await this.get(orderRow(requestId))) !== undefined;
  }

  /** The order a request placed, if any: for operators' tools and tests. */
  async findOrder(requestId: string): Promise<SubscriptionOrder | undefined> {
    const row = await this.get(orderRow(requestId));
    return row && recordOf(row, SubscriptionOrderSchema);
  }

  addRequest(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    return this.requests.add(request);
  }

  findRequest(requestId: string): Promise<ApprovalRequest | undefined> {
    return this.requests.find(requestId);
  }

  decideRequest(requestId: string, decision: Decision): Promise<DecideResult> {
    return this.requests.decide(requestId, decision);
  }

  addRequestCards(requestId: string, cards: PostedCard[]): Promise<void> {
    return this.requests.addCards(requestId, cards);
  }

  setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest> {
    return this.requests.setCreation(requestId, creation);
  }

  unfinishedRequestIds(): Promise<string[]> {
    return this.requests.unfinishedIds();
  }

  setRequestCustomer(requestId: string, customerId: string): Promise<void> {
    return this.requests.setCustomer(requestId, customerId);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.requests.appendAudit(entry);
  }

  /** The audit trail, oldest first. */
  auditTrail(): Promise<AuditEntry[]> {
    return this.requests.auditTrail();
  }

  /** Every customer, oldest first by when it was first saved, with the look-ups `CustomerIndex` gives. */
  private async index(): Promise<CustomerIndex> {
    const index = new CustomerIndex();
    for (const { customer } of (await this.readAll()).values()) index.add(customer);
    return index;
  }

  /** Every customer by id, oldest first. */
  private async readAll(): Promise<Map<string, StoredCustomer>> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${CUSTOMERS} and RowKey ge ${'c_'} and RowKey lt ${'c`'}`,
      },
    });
    const all: StoredCustomer[] = [];
    for await (const row of rows) all.push(this.storedOf(row));
    all.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    return new Map(all.map((stored) => [stored.customer.id, stored]));
  }

  private async readCustomer(customerId: string): Promise<StoredCustomer | undefined> {
    const row = await this.get(customerRow(customerId));
    return row && this.storedOf(row);
  }

  private storedOf(row: Record<string, unknown> & { etag: string }): StoredCustomer {
    return { customer: recordOf(row, CustomerSchema), etag: row.etag, seq: String(row.seq) };
  }

  private async get(rowKey: string): Promise<(Record<string, unknown> & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<Record<string, unknown>>(CUSTOMERS, rowKey);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private row(rowKey: string, properties: Record<string, string> = {}) {
    return { partitionKey: CUSTOMERS, rowKey, ...properties };
  }

  private domainEntity(customer: Customer) {
    const requestId = isBotCustomer(customer) ? customer.requestId : '';
    return this.row(domainRow(customer.domainPrefix), { customerId: customer.id, requestId });
  }

  private customerEntity(customer: Customer, seq: string) {
    return jsonEntity(CUSTOMERS, customerRow(customer.id), customer, { seq });
  }
}
