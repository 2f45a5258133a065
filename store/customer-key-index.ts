import type { CustomerKeys } from './customer-keys.js';
import type { MatchCriteria } from './customer-store.js';
import { normaliseCompanyName } from './customers/normalise-company-name.js';
import { DomainSearch } from './domain-search.js';
import { OrdinalTable } from './ordinal-table.js';

/** One page of customer ids found by `CustomerKeyIndex.search`, and how many were found in all. */
export type IdPage = { ids: string[]; total: number };

/**
 * The look-up keys of every stored customer (`CustomerKeys`), without the records: which customer has an
 * id, a request id, a domain prefix, a normalised company name or a contact email (one hash-table probe
 * each, whatever the number of customers), which file holds its latest copy, and what a search filters on.
 * The JSON store's index; `CustomerIndex` is its twin holding whole records, for a store that reads every
 * customer anyway.
 *
 * Kept compact because it is the part of the store that grows with it: each customer is an ordinal (its
 * place, oldest first) into parallel arrays of keys, the look-ups are hash tables of ordinals that hold no
 * key of their own (`OrdinalTable`), and the tenant domain is kept as the part after the domain prefix,
 * shared by every customer with the same one (`DomainSearch`). Several customers with one normalised name
 * or email are answered oldest first.
 */
export class CustomerKeyIndex {
  private readonly ids: string[] = [];
  private readonly requestIds: (string | undefined)[] = [];
  private readonly prefixes: string[] = [];
  private readonly names: string[] = [];
  private readonly emails: (string | undefined)[] = [];
  private readonly searchNames: string[] = [];
  private readonly segments: number[] = [];
  private readonly domains = new DomainSearch();
  private readonly byId = new OrdinalTable((at) => this.ids[at]);
  private readonly byRequestId = new OrdinalTable((at) => this.requestIds[at]);
  private readonly byDomainPrefix = new OrdinalTable((at) => this.prefixes[at]);
  private readonly byName = new OrdinalTable((at) => this.names[at]);
  private readonly byEmail = new OrdinalTable((at) => this.emails[at]);

  /** While the store opens: the tables other than by id are built once all customers are in (`endLoad`). */
  private loading = false;

  /**
   * Indexes a customer whose latest copy is in segment `segment`; one already indexed under its id takes
   * the new keys in its place (so it keeps its place in the newest-first order).
   */
  add(keys: CustomerKeys, segment: number): void {
    let at = this.byId.get(keys.id);
    if (at === undefined) {
      at = this.ids.length;
      this.ids.push(keys.id);
      this.byId.add(keys.id, at);
    } else if (!this.loading) {
      this.unindex(at);
    }
    this.requestIds[at] = keys.requestId;
    this.prefixes[at] = keys.domainPrefix;
    this.names[at] = keys.normalisedName;
    this.emails[at] = keys.contactEmail;
    this.searchNames[at] = keys.searchName;
    this.segments[at] = segment;
    this.domains.set(at, keys.domainPrefix, keys.domain);
    if (!this.loading) this.tabulate(at);
  }

  /**
   * Lets `add` leave the tables other than by id until `endLoad`, which builds each once at its final
   * size: growing five hash tables through every size while 100 000 customers are added reads every
   * key again at each step, a fifth of the store's start-up.
   */
  beginLoad(): void {
    this.loading = true;
  }

  /**
   * Builds the tables `beginLoad` left, oldest customer first (of two holding one domain prefix or request
   * id, which the store never writes, the newer answers).
   */
  endLoad(): void {
    if (!this.loading) return;
    this.loading = false;
    const count = this.ids.length;
    for (const table of [this.byRequestId, this.byDomainPrefix, this.byName, this.byEmail])
      table.reserve(count);
    for (let at = 0; at < count; at += 1) this.tabulate(at);
  }

  private tabulate(at: number): void {
    const requestId = this.requestIds[at];
    if (requestId !== undefined) this.byRequestId.set(requestId, at);
    this.byDomainPrefix.set(this.prefixes[at] as string, at);
    this.byName.add(this.names[at] as string, at);
    const email = this.emails[at];
    if (email !== undefined) this.byEmail.add(email, at);
  }

  /** Whether a customer has this id. */
  has(customerId: string): boolean {
    return this.byId.get(customerId) !== undefined;
  }

  /** The segment that holds the latest copy of the customer with this id. */
  segmentOf(customerId: string): number | undefined {
    const at = this.byId.get(customerId);
    return at === undefined ? undefined : this.segments[at];
  }

  /** True when the customer with this id was created through the bot (it has a request id). */
  isBotCustomer(customerId: string): boolean {
    const at = this.byId.get(customerId);
    return at !== undefined && this.requestIds[at] !== undefined;
  }

  /** The id of the customer a request created, if it did. */
  idOfRequest(requestId: string): string | undefined {
    return this.idAt(this.byRequestId.get(requestId));
  }

  /** The id of the customer holding this domain prefix, case-insensitively. */
  idOfDomainPrefix(domainPrefix: string): string | undefined {
    return this.idAt(this.byDomainPrefix.get(domainPrefix.toLowerCase()));
  }

  /** True when a customer has this domain prefix, case-insensitively. */
  hasDomainPrefix(domainPrefix: string): boolean {
    return this.byDomainPrefix.get(domainPrefix.toLowerCase()) !== undefined;
  }

  /** Ids of the customers with the same domain prefix, normalised company name or contact email. */
  matching(criteria: MatchCriteria): string[] {
    const matches = new Set<number>();
    const byDomain = criteria.domainPrefix && this.byDomainPrefix.get(criteria.domainPrefix.toLowerCase());
    if (byDomain !== undefined && byDomain !== '') matches.add(byDomain);
    const name = criteria.companyName && normaliseCompanyName(criteria.companyName);
    for (const at of name ? this.byName.getAll(name) : []) matches.add(at);
    const email = criteria.contactEmail?.toLowerCase();
    for (const at of email ? this.byEmail.getAll(email) : []) matches.add(at);
    return [...matches].map((at) => this.ids[at] as string);
  }

  /**
   * The ids of a page of customers, newest first, whose name or domain contains `query` (case-insensitive
   * for the name, as the domain is stored), and how many match in all.
   */
  search(options: { query?: string; offset: number; limit: number }): IdPage {
    const query = options.query?.normalize('NFKC').trim().toLowerCase() ?? '';
    const end = options.offset + options.limit;
    if (!query) {
      const total = this.ids.length;
      const ids: string[] = [];
      for (let n = options.offset; n < Math.min(end, total); n += 1)
        ids.push(this.ids[total - 1 - n] as string);
      return { ids, total };
    }
    const inDomain = this.domains.finder(query);
    const ids: string[] = [];
    let total = 0;
    for (let at = this.ids.length - 1; at >= 0; at -= 1) {
      if (!(this.searchNames[at] as string).includes(query) && !inDomain(at, this.prefixes[at] as string)) {
        continue;
      }
      if (total >= options.offset && total < end) ids.push(this.ids[at] as string);
      total += 1;
    }
    return { ids, total };
  }

  private idAt(at: number | undefined): string | undefined {
    return at === undefined ? undefined : this.ids[at];
  }

  private unindex(at: number): void {
    const requestId = this.requestIds[at];
    if (requestId !== undefined) this.byRequestId.remove(requestId, at);
    this.byDomainPrefix.remove(this.prefixes[at] as string, at);
    this.byName.remove(this.names[at] as string, at);
    const email = this.emails[at];
    if (email !== undefined) this.byEmail.remove(email, at);
  }
}
