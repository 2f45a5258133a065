import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { normaliseCompanyName } from '../bot/customers/normalise-company-name.js';
import {
  type ApprovalRequest,
  type AuditEntry,
  type Customer,
  type Decision,
  type PostedCard,
  type StoreFile,
  StoreFileSchema,
  type SubscriptionOrder,
} from './customer-schema.js';
import {
  type AddCustomerResult,
  type CustomerPage,
  type CustomerStore,
  type DecideResult,
  DomainTakenError,
  type MatchCriteria,
} from './customer-store.js';

/** Thrown when the store file exists but cannot be used; the message names the file. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE_INVALID';
}

/**
 * The customer store as one lowdb JSON file (`customers.json` in the data folder).
 * Writes go through lowdb's atomic writer (temporary file, then rename), so a crash mid-write
 * leaves the previous file intact. Domain and request-id look-ups use in-memory indexes.
 */
export class LowdbCustomerStore implements CustomerStore {
  private readonly byDomainPrefix = new Map<string, Customer>();
  private readonly byRequestId = new Map<string, Customer>();
  private readonly byId = new Map<string, Customer>();
  private readonly requestsById = new Map<string, ApprovalRequest>();
  private readonly byNormalisedName = new Map<string, Customer[]>();
  private readonly byContactEmail = new Map<string, Customer[]>();
  /** Customers whose write is under way: a duplicate waits for it, a rival for the domain is refused. */
  private readonly saving = new Map<string, Promise<AddCustomerResult>>();
  private readonly savingDomains = new Set<string>();

  private constructor(private readonly db: Low<StoreFile>) {
    for (const customer of db.data.customers) this.index(customer);
    for (const request of db.data.requests) this.requestsById.set(request.id, request);
  }

  /** Opens (or creates) the store file in `dataDir`, validating what it holds. */
  static async open(dataDir: string): Promise<LowdbCustomerStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, 'customers.json');
    const data = await readStoreFile(file);
    const db = new Low<StoreFile>(new JSONFile<StoreFile>(file), data);
    return new LowdbCustomerStore(db);
  }

  async isDomainTaken(domainPrefix: string): Promise<boolean> {
    return this.byDomainPrefix.has(domainPrefix.toLowerCase());
  }

  async findById(customerId: string): Promise<Customer | undefined> {
    return this.byId.get(customerId);
  }

  async findByRequestId(requestId: string): Promise<Customer | undefined> {
    return this.byRequestId.get(requestId);
  }

  async addCustomer(customer: Customer): Promise<AddCustomerResult> {
    const existing = this.byRequestId.get(customer.requestId);
    if (existing) return { customer: existing, created: false };
    const inFlight = this.saving.get(customer.requestId);
    if (inFlight) return { customer: (await inFlight).customer, created: false };
    const domainPrefix = customer.domainPrefix.toLowerCase();
    if (this.byDomainPrefix.has(domainPrefix) || this.savingDomains.has(domainPrefix)) {
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

  private async save(customer: Customer): Promise<AddCustomerResult> {
    this.db.data.customers.push(customer);
    try {
      await this.db.write();
    } catch (error) {
      this.db.data.customers.splice(this.db.data.customers.indexOf(customer), 1);
      throw error;
    }
    this.index(customer);
    return { customer, created: true };
  }

  async listCustomers(options: { limit?: number } = {}): Promise<Customer[]> {
    const newestFirst = [...this.db.data.customers].reverse();
    return options.limit === undefined ? newestFirst : newestFirst.slice(0, options.limit);
  }

  async findMatchingCustomers(criteria: MatchCriteria): Promise<Customer[]> {
    const matches = new Set<Customer>();
    const byDomain = criteria.domainPrefix && this.byDomainPrefix.get(criteria.domainPrefix.toLowerCase());
    if (byDomain) matches.add(byDomain);
    const name = criteria.companyName && normaliseCompanyName(criteria.companyName);
    for (const customer of (name && this.byNormalisedName.get(name)) || []) matches.add(customer);
    const email = criteria.contactEmail?.toLowerCase();
    for (const customer of (email && this.byContactEmail.get(email)) || []) matches.add(customer);
    return [...matches];
  }

  async searchCustomers(options: { query?: string; offset: number; limit: number }): Promise<CustomerPage> {
    const query = options.query?.normalize('NFKC').trim().toLowerCase() ?? '';
    const newestFirst = [...this.db.data.customers].reverse();
    const found = query
      ? newestFirst.filter(
          (customer) =>
            customer.companyName.normalize('NFKC').toLowerCase().includes(query) ||
            customer.domain.includes(query),
        )
      : newestFirst;
    return { customers: found.slice(options.offset, options.offset + options.limit), total: found.length };
  }

  async addSubscriptions(order: SubscriptionOrder): Promise<AddCustomerResult> {
    const customer = this.byId.get(order.customerId);
    if (!customer) throw new Error(`No customer ${order.customerId}`);
    if (this.db.data.orders.some((existing) => existing.requestId === order.requestId)) {
      return { customer, created: false };
    }
    const before = customer.subscriptions.map((line) => ({ ...line }));
    for (const line of order.lines) {
      const existing = customer.subscriptions.find((candidate) => candidate.offerId === line.offerId);
      if (existing) existing.quantity += line.quantity;
      else customer.subscriptions.push({ ...line });
    }
    this.db.data.orders.push(order);
    try {
      await this.db.write();
    } catch (error) {
      customer.subscriptions = before;
      this.db.data.orders.pop();
      throw error;
    }
    return { customer, created: true };
  }

  async addRequest(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    const existing = this.requestById(request.id);
    if (existing) return { request: existing, created: false };
    this.db.data.requests.push(request);
    this.requestsById.set(request.id, request);
    try {
      await this.db.write();
    } catch (error) {
      this.db.data.requests.splice(this.db.data.requests.indexOf(request), 1);
      this.requestsById.delete(request.id);
      throw error;
    }
    return { request, created: true };
  }

  async findRequest(requestId: string): Promise<ApprovalRequest | undefined> {
    return this.requestById(requestId);
  }

  async decideRequest(requestId: string, decision: Decision): Promise<DecideResult> {
    const request = this.requestById(requestId);
    if (!request) throw new Error(`No request ${requestId}`);
    if (request.status !== 'pending') return { request, decided: false };
    request.status = decision.status;
    request.decision = decision;
    try {
      await this.db.write();
    } catch (error) {
      request.status = 'pending';
      request.decision = undefined;
      throw error;
    }
    return { request, decided: true };
  }

  async addRequestCards(requestId: string, cards: PostedCard[]): Promise<void> {
    const request = this.requestById(requestId);
    if (!request) throw new Error(`No request ${requestId}`);
    request.cards.push(...cards);
    await this.db.write();
  }

  async setRequestCustomer(requestId: string, customerId: string): Promise<void> {
    const request = this.requestById(requestId);
    if (!request) throw new Error(`No request ${requestId}`);
    request.customerId = customerId;
    await this.db.write();
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.db.data.audit.push(entry);
    await this.db.write();
  }

  async listAudit(): Promise<AuditEntry[]> {
    return [...this.db.data.audit];
  }

  private requestById(requestId: string): ApprovalRequest | undefined {
    return this.requestsById.get(requestId);
  }

  private index(customer: Customer): void {
    this.byDomainPrefix.set(customer.domainPrefix.toLowerCase(), customer);
    this.byRequestId.set(customer.requestId, customer);
    this.byId.set(customer.id, customer);
    const add = (index: Map<string, Customer[]>, key: string) =>
      index.set(key, [...(index.get(key) ?? []), customer]);
    add(this.byNormalisedName, normaliseCompanyName(customer.companyName));
    add(this.byContactEmail, customer.contact.email.toLowerCase());
  }
}

async function readStoreFile(file: string): Promise<StoreFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { customers: [], requests: [], orders: [], audit: [] };
    throw new StoreFileError(`Cannot read the customer store ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(`The customer store ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = StoreFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreFileError(
      `The customer store ${file} does not have the expected shape (${first?.path.join('.')}: ${first?.message})`,
    );
  }
  return parsed.data;
}
