import { mkdir } from 'node:fs/promises';
import { CustomerKeyIndex } from './customer-key-index.js';
import { keysOf } from './customer-keys.js';
import type {
  ApprovalRequest,
  AuditEntry,
  BotCustomer,
  Creation,
  Customer,
  Decision,
  PostedCard,
  SubscriptionOrder,
  SyncedCustomer,
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
import { latestCopy } from './latest-copy.js';
import { LowdbRequestRecords } from './lowdb-request-records.js';
import { planSyncOnKeys, storedSyncedIds } from './plan-customer-sync.js';
import { readSegments } from './read-segments.js';
import { SegmentCache } from './segment-cache.js';
import type { StoreSegment } from './store-segment.js';
import { writeOrder } from './write-order.js';

export { StoreFileError } from './store-file-error.js';

/**
 * Records per store file before a new one is started: about 33 approved customers with their requests
 * and audit lines, under 200 KB. It bounds what one write rewrites, whatever the size of the store
 * (chosen with the segment-size sweep of `npm run bench`, see docs/BENCHMARKS.md).
 */
export const DEFAULT_SEGMENT_SIZE = 200;

/**
 * Sealed store files whose content stays in memory after use (see `SegmentCache`): about 1.7 MB (a parsed
 * file of 200 records holds about 210 KB), enough for the files the calls of a few turns come back to.
 */
export const DEFAULT_CACHED_SEGMENTS = 8;

/**
 * How the store splits its files (tests pass small sizes, `Infinity` keeps everything in `customers.json`)
 * and how many sealed files it keeps in memory (tests pass 0 or 1 to read records back from the files).
 */
export type LowdbCustomerStoreOptions = { segmentSize?: number; cachedSegments?: number };

/**
 * The customer store as lowdb JSON files in the data folder: `customers.json`, then `customers-000001.json`,
 * … . New records go to the newest file until it holds `segmentSize` records, then to a new one; a change to
 * a record rewrites the file that holds it. So a write costs the same with 100 customers or 100 000, each
 * operation rewrites exactly one file, and each file is replaced atomically (lowdb writes a temporary file,
 * then renames it): a crash mid-write leaves the previous version. Memory holds the look-up keys of every
 * customer (`CustomerKeyIndex`) and the newest file; the records of older files are read back when a call
 * needs them, through a small cache of recently used files.
 */
export class LowdbCustomerStore implements CustomerStore {
  private readonly customers = new CustomerKeyIndex();
  private readonly requests = new LowdbRequestRecords(() => this.newestSegment());
  private readonly orderRequestIds = new Set<string>();
  /** Customers whose write is under way: a duplicate waits for it, a rival for the domain is refused. */
  private readonly saving = new Map<string, Promise<AddCustomerResult>>();
  private readonly savingDomains = new Set<string>();
  /** The sync write under way, if any: customers are added, and licenses ordered, around it, never during it. */
  private syncing: Promise<unknown> = Promise.resolve();
  private readonly ordering = new Set<Promise<unknown>>();

  /** Every file, oldest first; the index names a customer's file by its place here. */
  private readonly segments: StoreSegment[] = [];

  private constructor(private readonly segmentSize: number) {}

  /**
   * Opens (or creates) the store in `dataDir`. Each older file is indexed from its index file when that is
   * of the version on disk, or read and validated otherwise (one at a time, each sealed once indexed).
   */
  static async open(dataDir: string, options: LowdbCustomerStoreOptions = {}): Promise<LowdbCustomerStore> {
    const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
    if (!(segmentSize >= 1)) throw new RangeError(`segmentSize must be at least 1, not ${segmentSize}`);
    const cache = new SegmentCache(options.cachedSegments ?? DEFAULT_CACHED_SEGMENTS);
    await mkdir(dataDir, { recursive: true });
    const store = new LowdbCustomerStore(segmentSize);
    store.customers.beginLoad();
    for await (const segment of readSegments(dataDir, { keepManifest: true, cache })) store.adopt(segment);
    store.customers.endLoad();
    // a journal left by the previous run may end with a line cut short: fold it in before appending
    const newest = store.segments.at(-1) as StoreSegment;
    if (newest.hasJournal) await newest.compact();
    return store;
  }

  private adopt(segment: StoreSegment): void {
    const position = this.segments.length;
    const { customers, requestIds, creatingRequestIds, orderRequestIds } = segment.takeContents();
    this.requests.adopt(segment, requestIds, creatingRequestIds);
    for (const keys of customers) {
      if (keys.requestId !== undefined) keys.requestId = this.requests.sharedId(keys.requestId);
      this.customers.add(keys, position);
    }
    for (const requestId of orderRequestIds) this.orderRequestIds.add(requestId);
    this.segments.at(-1)?.seal();
    this.segments.push(segment);
  }

  /**
   * Resolves once the writes started in the background are done: journals of sealed files folded into
   * them, and index files; the bot waits for it on shutdown, tests and benchmarks before reading files.
   */
  async backgroundWritesDone(): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.backgroundWritesDone()));
  }

  /** How many files the store is split into; for diagnostics and benchmarks. */
  get segmentCount(): number {
    return this.segments.length;
  }

  async isDomainTaken(domainPrefix: string): Promise<boolean> {
    return this.customers.hasDomainPrefix(domainPrefix);
  }

  async findById(customerId: string): Promise<Customer | undefined> {
    return this.read(customerId);
  }

  async findByRequestId(requestId: string): Promise<BotCustomer | undefined> {
    const customerId = this.customers.idOfRequest(requestId);
    return customerId === undefined ? undefined : ((await this.read(customerId)) as BotCustomer);
  }

  async addCustomer(customer: BotCustomer): Promise<AddCustomerResult> {
    await this.syncing;
    const existing = this.customers.idOfRequest(customer.requestId);
    if (existing !== undefined)
      return { customer: (await this.read(existing)) as BotCustomer, created: false };
    const inFlight = this.saving.get(customer.requestId);
    if (inFlight) return { customer: (await inFlight).customer, created: false };
    const domainPrefix = customer.domainPrefix.toLowerCase();
    const synced =
      this.customers.has(customer.id) && !this.customers.isBotCustomer(customer.id) ? customer.id : undefined;
    const holder = this.customers.idOfDomainPrefix(domainPrefix);
    if ((holder !== undefined && holder !== synced) || this.savingDomains.has(domainPrefix)) {
      throw new DomainTakenError(customer.domain);
    }
    const saving = this.putNewest([customer]).then(() => ({ customer, created: true }));
    this.saving.set(customer.requestId, saving);
    this.savingDomains.add(domainPrefix);
    try {
      return await saving;
    } finally {
      this.saving.delete(customer.requestId);
      this.savingDomains.delete(domainPrefix);
    }
  }

  async findMatchingCustomers(criteria: MatchCriteria): Promise<Customer[]> {
    return this.readAll(this.customers.matching(criteria));
  }

  async searchCustomers(options: { query?: string; offset: number; limit: number }): Promise<CustomerPage> {
    const { ids, total } = this.customers.search(options);
    return { customers: await this.readAll(ids), total };
  }

  async syncCustomers(customers: readonly SyncedCustomer[]): Promise<SyncResult> {
    const run = this.syncing.then(() => this.sync(customers));
    this.syncing = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes a sync's changes to the newest file only, in one write: a changed customer held by an older
   * file is appended again, and on open the later copy of an id wins (see `adopt`). The stored records it
   * compares are read first; the plan is then made on the index as it is, in one step.
   */
  private async sync(customers: readonly SyncedCustomer[]): Promise<SyncResult> {
    await Promise.allSettled([...this.ordering]);
    const records = await this.readAll(storedSyncedIds(this.customers, customers));
    const stored = new Map(records.map((record) => [record.id, record]));
    const { changed, ...result } = planSyncOnKeys(this.customers, stored, customers, (prefix) =>
      this.savingDomains.has(prefix.toLowerCase()),
    );
    if (changed.length > 0) await this.putNewest(changed);
    return result;
  }

  /**
   * Writes customers to the newest file in one write (each in place of a record of its id there, if any),
   * then indexes them there.
   */
  private async putNewest(customers: readonly Customer[]): Promise<void> {
    const segment = this.newestSegment();
    const position = this.segments.length - 1;
    await segment.putCustomers(customers);
    for (const customer of customers) this.customers.add(keysOf(customer), position);
  }

  async addSubscriptions(order: SubscriptionOrder): Promise<AddSubscriptionsResult> {
    await this.syncing;
    const adding = this.addLicenses(order);
    this.ordering.add(adding);
    return adding.finally(() => this.ordering.delete(adding));
  }

  private async addLicenses(order: SubscriptionOrder): Promise<AddSubscriptionsResult> {
    const position = this.customers.segmentOf(order.customerId);
    const segment = position === undefined ? undefined : this.segments[position];
    if (!segment) throw new Error(`No customer ${order.customerId}`);
    if (this.orderRequestIds.has(order.requestId)) {
      return { customer: (await this.read(order.customerId)) as Customer, created: false };
    }
    this.orderRequestIds.add(order.requestId);
    try {
      return { customer: await writeOrder(segment, order.customerId, order), created: true };
    } catch (error) {
      this.orderRequestIds.delete(order.requestId);
      throw error;
    }
  }

  async hasOrder(requestId: string): Promise<boolean> {
    return this.orderRequestIds.has(requestId);
  }

  async addRequest(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    return this.requests.add(request);
  }

  async findRequest(requestId: string): Promise<ApprovalRequest | undefined> {
    return this.requests.find(requestId);
  }

  async decideRequest(requestId: string, decision: Decision): Promise<DecideResult> {
    return this.requests.decide(requestId, decision);
  }

  async addRequestCards(requestId: string, cards: PostedCard[]): Promise<void> {
    await this.requests.addCards(requestId, cards);
  }

  async setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest> {
    return this.requests.setCreation(requestId, creation);
  }

  async unfinishedRequestIds(): Promise<string[]> {
    return this.requests.unfinishedIds();
  }

  async setRequestCustomer(requestId: string, customerId: string): Promise<void> {
    await this.requests.setCustomer(requestId, customerId);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const segment = this.newestSegment();
    await segment.use(async (data) => {
      data.audit.push(entry);
      await segment.write({ audit: [entry] });
    });
  }

  /** The latest copy of a customer, read from the file the index names (back from disk if need be). */
  private async read(customerId: string): Promise<Customer | undefined> {
    const position = this.customers.segmentOf(customerId);
    const segment = position === undefined ? undefined : this.segments[position];
    return segment?.use((data) => latestCopy(data.customers, customerId, segment.file));
  }

  /** The latest copies of customers, in the order of `customerIds`, each file read once. */
  private async readAll(customerIds: readonly string[]): Promise<Customer[]> {
    const byPosition = new Map<number, string[]>();
    for (const customerId of customerIds) {
      const position = this.customers.segmentOf(customerId) as number;
      const ids = byPosition.get(position);
      if (ids) ids.push(customerId);
      else byPosition.set(position, [customerId]);
    }
    const found = new Map<string, Customer>();
    await Promise.all(
      [...byPosition].map(([position, ids]) => {
        const segment = this.segments[position] as StoreSegment;
        return segment.use((data) => {
          for (const id of ids) found.set(id, latestCopy(data.customers, id, segment.file));
        });
      }),
    );
    return customerIds.map((customerId) => found.get(customerId) as Customer);
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
}
