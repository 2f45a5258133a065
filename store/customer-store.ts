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

/** What `addCustomer` did: `created` is false when the same request had already created this customer. */
export type AddCustomerResult = { customer: BotCustomer; created: boolean };

/** What `addSubscriptions` did: `created` is false when the same request had already added them. */
export type AddSubscriptionsResult = { customer: Customer; created: boolean };

/** What `syncCustomers` did with one page of Partner Center's customers. */
export type SyncResult = {
  added: number;
  updated: number;
  /** Already stored as they are, or customers the bot created (kept as the bot stored them). */
  unchanged: number;
  /**
   * Not written: another instance changed the customer under every try (Azure Storage only; absent when
   * none). They are neither added nor unchanged: the next sync reads them again and writes them.
   */
  skipped?: number;
};

/** What identifies a company when looking for duplicates. */
export type MatchCriteria = { domainPrefix?: string; companyName?: string; contactEmail?: string };

/** One page of a customer search. */
export type CustomerPage = { customers: Customer[]; total: number };

/** What `decideRequest` did: `decided` is false when the request had already been decided. */
export type DecideResult = { request: ApprovalRequest; decided: boolean };

/** Thrown by `addCustomer` when another request already holds the domain. */
export class DomainTakenError extends Error {
  readonly code = 'DOMAIN_TAKEN';
  constructor(readonly domain: string) {
    super(`The domain ${domain} is already taken`);
  }
}

/**
 * True for a `DomainTakenError`, told by its code: it is also thrown by the Partner Center provisioner,
 * which is loaded on demand, and a check by class would depend on how a loader shares modules.
 */
export function isDomainTakenError(error: unknown): error is DomainTakenError {
  return error instanceof Error && (error as { code?: unknown }).code === 'DOMAIN_TAKEN';
}

/**
 * Where customers and the audit trail live. lowdb is one implementation; another backend (Azure Storage)
 * implements the same methods with the same guarantees: `addCustomer` is idempotent per request id,
 * and a domain belongs to one customer only.
 */
export interface CustomerStore {
  /** True when a customer already has this tenant domain prefix (case-insensitive). */
  isDomainTaken(domainPrefix: string): Promise<boolean>;
  /** The customer with this id, if any. */
  findById(customerId: string): Promise<Customer | undefined>;
  /** The customer a request created, if it did. */
  findByRequestId(requestId: string): Promise<BotCustomer | undefined>;
  /**
   * Saves a new customer once per request id; throws `DomainTakenError` if the domain is held by another.
   * A customer read from Partner Center under the same id (the sync saw it first) is replaced by it.
   */
  addCustomer(customer: BotCustomer): Promise<AddCustomerResult>;
  /**
   * Adds or refreshes customers read from Partner Center, by Partner Center customer id, in one write:
   * a customer the bot created (same id, or same domain) is left as it is, a stored synced one keeps the
   * licenses ordered through the bot. Repeating a call with the same customers writes nothing.
   */
  syncCustomers(customers: readonly SyncedCustomer[]): Promise<SyncResult>;
  /**
   * Customers that look like the same company: same domain prefix, same normalised company name
   * (see `normaliseCompanyName`) or same contact email (case-insensitive).
   */
  findMatchingCustomers(criteria: MatchCriteria): Promise<Customer[]>;
  /** A page of customers, newest first, whose name or domain contains `query` (case-insensitive). */
  searchCustomers(options: { query?: string; offset: number; limit: number }): Promise<CustomerPage>;
  /**
   * Adds licenses to an existing customer once per request id: an offer it has gets more licenses,
   * a new one a new line. A repeat returns the customer with `created: false`.
   */
  addSubscriptions(order: SubscriptionOrder): Promise<AddSubscriptionsResult>;
  /** True when a request's licenses were already added. */
  hasOrder(requestId: string): Promise<boolean>;
  /** Saves a pending request once per id; a repeat returns the stored one with `created: false`. */
  addRequest(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }>;
  /** The request with this id, if any. */
  findRequest(requestId: string): Promise<ApprovalRequest | undefined>;
  /**
   * Records a decision if, and only if, the request is still pending: of two decisions racing,
   * exactly one wins and the other gets the request as decided.
   */
  decideRequest(requestId: string, decision: Decision): Promise<DecideResult>;
  /** Records where copies of the request's approval card were posted. */
  addRequestCards(requestId: string, cards: PostedCard[]): Promise<void>;
  /**
   * Records where creating a request's customer stands; returns the request as saved. A request whose
   * creation is `creating` is listed by `unfinishedRequestIds` until it is `created` or `failed`.
   */
  setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest>;
  /** The requests whose creation was started and has not ended: what to resume after a restart. */
  unfinishedRequestIds(): Promise<string[]>;
  /** Links an approved request to the customer it created. */
  setRequestCustomer(requestId: string, customerId: string): Promise<void>;
  /** Appends a line to the audit trail. */
  appendAudit(entry: AuditEntry): Promise<void>;
}
