import { type BotCustomer, type Customer, contactEmailOf, isBotCustomer } from './customer-schema.js';
import type { CustomerPage, MatchCriteria } from './customer-store.js';
import { normaliseCompanyName } from './customers/normalise-company-name.js';

/**
 * Every stored customer in memory, oldest first, with the look-ups the bot makes on each turn: by id,
 * request id and domain prefix (one map access each, whatever the number of customers), and by
 * normalised company name and contact email for duplicate matching.
 */
export class CustomerIndex {
  private readonly all: Customer[] = [];
  private readonly byId = new Map<string, Customer>();
  private readonly byRequestId = new Map<string, BotCustomer>();
  private readonly byDomainPrefix = new Map<string, Customer>();
  private readonly byNormalisedName = new Map<string, Customer[]>();
  private readonly byContactEmail = new Map<string, Customer[]>();

  /** Adds a customer, or, when one with its id is indexed, puts it in that one's place. */
  add(customer: Customer): void {
    const previous = this.byId.get(customer.id);
    if (previous) {
      this.unindex(previous);
      this.all[this.all.lastIndexOf(previous)] = customer;
    } else {
      this.all.push(customer);
    }
    this.byId.set(customer.id, customer);
    if (isBotCustomer(customer)) this.byRequestId.set(customer.requestId, customer);
    this.byDomainPrefix.set(customer.domainPrefix.toLowerCase(), customer);
    addTo(this.byNormalisedName, normaliseCompanyName(customer.companyName), customer);
    const email = contactEmailOf(customer);
    if (email) addTo(this.byContactEmail, email.toLowerCase(), customer);
  }

  findById(customerId: string): Customer | undefined {
    return this.byId.get(customerId);
  }

  findByRequestId(requestId: string): BotCustomer | undefined {
    return this.byRequestId.get(requestId);
  }

  /** The customer holding this domain prefix, case-insensitively. */
  findByDomainPrefix(domainPrefix: string): Customer | undefined {
    return this.byDomainPrefix.get(domainPrefix.toLowerCase());
  }

  /** True when a customer has this domain prefix, case-insensitively. */
  hasDomainPrefix(domainPrefix: string): boolean {
    return this.byDomainPrefix.has(domainPrefix.toLowerCase());
  }

  /** Customers with the same domain prefix, normalised company name or contact email. */
  matching(criteria: MatchCriteria): Customer[] {
    const matches = new Set<Customer>();
    const byDomain = criteria.domainPrefix && this.byDomainPrefix.get(criteria.domainPrefix.toLowerCase());
    if (byDomain) matches.add(byDomain);
    const name = criteria.companyName && normaliseCompanyName(criteria.companyName);
    for (const customer of (name && this.byNormalisedName.get(name)) || []) matches.add(customer);
    const email = criteria.contactEmail?.toLowerCase();
    for (const customer of (email && this.byContactEmail.get(email)) || []) matches.add(customer);
    return [...matches];
  }

  private unindex(customer: Customer): void {
    this.byId.delete(customer.id);
    if (isBotCustomer(customer)) this.byRequestId.delete(customer.requestId);
    const prefix = customer.domainPrefix.toLowerCase();
    if (this.byDomainPrefix.get(prefix) === customer) this.byDomainPrefix.delete(prefix);
    removeFrom(this.byNormalisedName, normaliseCompanyName(customer.companyName), customer);
    const email = contactEmailOf(customer);
    if (email) removeFrom(this.byContactEmail, email.toLowerCase(), customer);
  }

  newestFirst(limit?: number): Customer[] {
    const newestFirst = [...this.all].reverse();
    return limit === undefined ? newestFirst : newestFirst.slice(0, limit);
  }

  /** A page of customers, newest first, whose name or domain contains `query` (case-insensitive). */
  search(options: { query?: string; offset: number; limit: number }): CustomerPage {
    const query = options.query?.normalize('NFKC').trim().toLowerCase() ?? '';
    const newestFirst = this.newestFirst();
    const found = query
      ? newestFirst.filter(
          (customer) =>
            customer.companyName.normalize('NFKC').toLowerCase().includes(query) ||
            customer.domain.includes(query),
        )
      : newestFirst;
    return { customers: found.slice(options.offset, options.offset + options.limit), total: found.length };
  }
}

function removeFrom(index: Map<string, Customer[]>, key: string, customer: Customer): void {
  const list = index.get(key)?.filter((candidate) => candidate !== customer);
  if (list?.length) index.set(key, list);
  else index.delete(key);
}

function addTo(index: Map<string, Customer[]>, key: string, customer: Customer): void {
  const list = index.get(key);
  if (list) list.push(customer);
  else index.set(key, [customer]);
}
