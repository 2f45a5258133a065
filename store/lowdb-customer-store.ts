import { mkdir } from 'node:fs/promises';
import { CustomerIndex } from './customer-index.js';
import {
  type ApprovalRequest,
  type AuditEntry,
  type BotCustomer,
  type Creation,
  type Customer,
  type Decision,
  isBotCustomer,
  type PostedCard,
  type SubscriptionOrder,
  type SyncedCustomer,
} from './customer-schema.js';
import {
  type AddCustomerResult,
  type AddSubscriptionsResult,
  type CustomerPage,
  type CustomerStore,
  type DecideResult,
  DomainTakenError,
  type MatchCriteria,
  type SyncResult,
} from './customer-store.js';
import { planCustomerSync } from './plan-customer-sync.js';
import { readSegments } from './read-segments.js';
import type { StoreSegment } from './store-segment.js';
import { writeOrder } from './write-order.js';

export { StoreFileError } from './store-file-error.js';

/**
 * Records per store file before a new one is started: about 33 approved customers with their requests
 * and audit lines, under 200 KB. It bounds what one write rewrites, whatever the size of the store
 * (chosen with the segment-size sweep of `npm run bench`, see docs/BENCHMARKS.md).
 */
export const DEFAULT_SEGMENT_SIZE = 200;

/** How the store splits its files; tests pass small sizes, `Infinity` keeps everything in `customers.json`. */
export type LowdbCustomerStoreOptions = { segmentSize?: number };

/**
 * The customer store as lowdb JSON files in the data folder: `customers.json`, then `customers-000001.json`,
 * … . New records go to the newest file until it holds `segmentSize` records, then to a new one; a change to
 * a record rewrites the file that holds it. So a write costs the same with 100 customers or 100 000, each
 * operation rewrites exactly one file, and each file is replaced atomically (lowdb writes a temporary file,
 * then renames it): a crash mid-write leaves the previous version. Customers stay in memory with indexes
 * for every look-up; older files' requests, orders and audit lines are read back only when needed.
 */
export class LowdbCustomerStore implements CustomerStore {
  private readonly customers = new CustomerIndex();
  private readonly segmentOfCustomer = new Map<string, StoreSegment>();
  private readonly segmentOfRequest = new Map<string, StoreSegment>();
  private readonly orderRequestIds = new Set<string>();
  private readonly creatingRequestIds = new Set<string>();
  /** Customers whose write is under way: a duplicate waits for it, a rival for the domain is refused. */
  private readonly saving = new Map<string, Promise<AddCustomerResult>>();
  private readonly savingDomains = new Set<string>();
  /** The sync write under way, if any: customers are added, and licenses ordered, around it, never during it. */
  private syncing: Promise<unknown> = Promise.resolve();
  private readonly ordering = new Set<Promise<unknown>>();

  private readonly segments: StoreSegment[] = [];

  private constructor(private readonly segmentSize: number) {}

  /**
   * Opens (or creates) the store in `dataDir`, validating every file it holds. Files are read one at a
   * time and each older one is sealed once indexed, so memory never holds more than two files' records.
   */
  static async open(dataDir: string, options: LowdbCustomerStoreOptions = {}): Promise<LowdbCustomerStore> {
    const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
    if (!(segmentSize >= 1)) throw new RangeError(`segmentSize must be at least 1, not ${segmentSize}`);
    await mkdir(dataDir, { recursive: true });
    const store = new LowdbCustomerStore(segmentSize);
    for await (const segment of readSegments(dataDir, { keepManifest: true })) store.adopt(segment);
    return store;
  }

  private adopt(segment: StoreSegment): void {
    const { customers, requestIds, creatingRequestIds, orderRequestIds } = segment.takeContents();
    for (const customer of customers) this.index(customer, segment);
    for (const requestId of requestIds) this.segmentOfRequest.set(requestId, segment);
    for (const requestId of creatingRequestIds) this.creatingRequestIds.add(requestId);
    for (const requestId of orderRequestIds) this.orderRequestIds.add(requestId);
    this.segments.at(-1)?.seal();
    this.segments.push(segment);
  }

  /** Resolves once the index files being written in the background are written; for tests and benchmarks. */
  async indexesWritten(): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.indexWritten()));
  }

  /** How many files the store is split into; for diagnostics and benchmarks. */
  get segmentCount(): number {
    return this.segments.length;
  }

  async isDomainTaken(domainPrefix: string): Promise<boolean> {
    return this.customers.hasDomainPrefix(domainPrefix);
  }

  async findById(customerId: string): Promise<Customer | undefined> {
    return this.customers.findById(customerId);
  }

  async findByRequestId(requestId: string): Promise<BotCustomer | undefined> {
    return this.customers.findByRequestId(requestId);
  }

  async addCustomer(customer: BotCustomer): Promise<AddCustomerResult> {
    await this.syncing;
    const existing = this.customers.findByRequestId(customer.requestId);
    if (existing) return { customer: existing, created: false };
    const inFlight = this.saving.get(customer.requestId);
    if (inFlight) return { customer: (await inFlight).customer, created: false };
    const domainPrefix = customer.domainPrefix.toLowerCase();
    const sameId = this.customers.findById(customer.id);
    const synced = sameId && !isBotCustomer(sameId) ? sameId : undefined;
    const holder = this.customers.findByDomainPrefix(domainPrefix);
    if ((holder && holder !== synced) || this.savingDomains.has(domainPrefix)) {
      throw new DomainTakenError(customer.domain);
    }
    const saving = this.save(customer);
    this.saving.set(customer.requestId, saving);
    this.savingDomains.add(domainPrefix);
    try {
      return await saving;
    } finally {
      this.saving.delete(customer.requestId);
      this.savingDomains.delete(domainPrefix);
    }
  }

  /** Appends a customer to the newest file (in place of a synced record of its id there, if any). */
  private async save(customer: BotCustomer): Promise<AddCustomerResult> {
    const segment = this.newestSegment();
    await segment.putCustomers([customer]);
    this.index(customer, segment);
    return { customer, created: true };
  }

  async findMatchingCustomers(criteria: MatchCriteria): Promise<Customer[]> {
    return this.customers.matching(criteria);
  }

  async searchCustomers(options: { query?: string; offset: number; limit: number }): Promise<CustomerPage> {
    return this.customers.search(options);
  }

  async syncCustomers(customers: readonly SyncedCustomer[]): Promise<SyncResult> {
    const run = this.syncing.then(() => this.sync(customers));
    this.syncing = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes a sync's changes to the newest file only, in one write: a changed customer held by an older
   * file is appended again, and on open the later copy of an id wins (see `adopt`).
   */
  private async sync(customers: readonly SyncedCustomer[]): Promise<SyncResult> {
    await Promise.allSettled([...this.ordering]);
    const { changed, ...result } = planCustomerSync(this.customers, customers, (prefix) =>
      this.savingDomains.has(prefix.toLowerCase()),
    );
    if (changed.length === 0) return result;
    const segment = this.newestSegment();
    await segment.putCustomers(changed);
    for (const customer of changed) this.index(customer, segment);
    return result;
  }

  async addSubscriptions(order: SubscriptionOrder): Promise<AddSubscriptionsResult> {
    await this.syncing;
    const adding = this.addLicenses(order);
    this.ordering.add(adding);
    return adding.finally(() => this.ordering.delete(adding));
  }

  private async addLicenses(order: SubscriptionOrder): Promise<AddSubscriptionsResult> {
    const customer = this.customers.findById(order.customerId);
    const segment = this.segmentOfCustomer.get(order.customerId);
    if (!customer || !segment) throw new Error(`No customer ${order.customerId}`);
    if (this.orderRequestIds.has(order.requestId)) return { customer, created: false };
    this.orderRequestIds.add(order.requestId);
    try {
      await writeOrder(segment, customer, order);
    } catch (error) {
      this.orderRequestIds.delete(order.requestId);
      throw error;
    }
    return { customer, created: true };
  }

  async hasOrder(requestId: string): Promise<boolean> {
    return this.orderRequestIds.has(requestId);
  }

  async addRequest(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    if (this.segmentOfRequest.has(request.id)) {
      return { request: (await this.findRequest(request.id)) ?? request, created: false };
    }
    const segment = this.newestSegment();
    this.segmentOfRequest.set(request.id, segment);
    try {
      await segment.use(async (data) => {
        data.requests.push(request);
        try {
          await segment.write();
        } catch (error) {
          remove(data.requests, request);
          throw error;
        }
      });
    } catch (error) {
      this.segmentOfRequest.delete(request.id);
      throw error;
    }
    if (request.creation?.state === 'creating') this.creatingRequestIds.add(request.id);
    return { request, created: true };
  }

  async findRequest(requestId: string): Promise<ApprovalRequest | undefined> {
    const segment = this.segmentOfRequest.get(requestId);
    return segment?.use((data) => data.requests.find((request) => request.id === requestId));
  }

  async decideRequest(requestId: string, decision: Decision): Promise<DecideResult> {
    return this.changeRequest(requestId, async (request, segment) => {
      if (request.status !== 'pending') return { request, decided: false };
      request.status = decision.status;
      request.decision = decision;
      try {
        await segment.write();
      } catch (error) {
        request.status = 'pending';
        request.decision = undefined;
        throw error;
      }
      return { request, decided: true };
    });
  }

  async addRequestCards(requestId: string, cards: PostedCard[]): Promise<void> {
    await this.changeRequest(requestId, async (request, segment) => {
      request.cards.push(...cards);
      await segment.write();
    });
  }

  async setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest> {
    return this.changeRequest(requestId, async (request, segment) => {
      const before = request.creation;
      request.creation = creation;
      try {
        await segment.write();
      } catch (error) {
        request.creation = before;
        throw error;
      }
      if (creation.state === 'creating') this.creatingRequestIds.add(requestId);
      else this.creatingRequestIds.delete(requestId);
      return request;
    });
  }

  async unfinishedRequestIds(): Promise<string[]> {
    return [...this.creatingRequestIds];
  }

  async setRequestCustomer(requestId: string, customerId: string): Promise<void> {
    await this.changeRequest(requestId, async (request, segment) => {
      request.customerId = customerId;
      await segment.write();
    });
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const segment = this.newestSegment();
    await segment.use(async (data) => {
      data.audit.push(entry);
      await segment.write();
    });
  }

  /** Runs `change` on a stored request inside the file that holds it, read back first if need be. */
  private async changeRequest<T>(
    requestId: string,
    change: (request: ApprovalRequest, segment: StoreSegment) => Promise<T>,
  ): Promise<T> {
    const segment = this.segmentOfRequest.get(requestId);
    if (!segment) throw new Error(`No request ${requestId}`);
    return segment.use((data) => {
      const request = data.requests.find((candidate) => candidate.id === requestId);
      if (!request) throw new Error(`No request ${requestId} in ${segment.file}`);
      return change(request, segment);
    });
  }

  /** The file new records go to: the newest one, or a new one (sealing the old) when it is full. */
  private newestSegment(): StoreSegment {
    const newest = this.segments.at(-1) as StoreSegment;
    if (newest.recordCount < this.segmentSize) return newest;
    const segment = newest.following();
    this.segments.push(segment);
    newest.seal();
    return segment;
  }

  private index(customer: Customer, segment: StoreSegment): void {
    this.customers.add(customer);
    this.segmentOfCustomer.set(customer.id, segment);
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.lastIndexOf(item);
  if (at >= 0) list.splice(at, 1);
}
