import { z } from 'zod';
import type { AccountInfo } from './customers/account-info-schema.js';
import type { SubscriptionLine } from './customers/parse-subscriptions.js';
import type { Locale } from './i18n/translate.js';

/** Where a request was made: enough to post to that conversation again later, proactively. */
export const ConversationOriginSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  conversationId: z.string(),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
  botId: z.string(),
  botName: z.string().optional(),
});
/** Where a request was made: enough to post to that conversation again later, proactively. */
export type ConversationOrigin = z.infer<typeof ConversationOriginSchema>;

/** The Teams user who asked for something. */
export const RequesterSchema = z.object({
  userId: z.string(),
  aadObjectId: z.string().optional(),
  name: z.string(),
});
/** The Teams user who asked for something. */
export type Requester = z.infer<typeof RequesterSchema>;

const SubscriptionsSchema = z.array(z.object({ offerId: z.string(), quantity: z.number().int().positive() }));

/**
 * A customer tenant created through the bot, as saved in the store. Holds no secret. `source` is absent
 * in stores written before customers were read from Partner Center.
 */
export const BotCustomerSchema = z.object({
  source: z.literal('bot').optional(),
  id: z.string(),
  requestId: z.string(),
  companyName: z.string(),
  domainPrefix: z.string(),
  domain: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    province: z.string(),
    postalCode: z.string(),
    country: z.literal('CN'),
  }),
  companyPhone: z.string().optional(),
  contact: z.object({
    firstName: z.string().optional(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
  }),
  language: z.enum(['zh-CN', 'en-US']),
  subscriptions: SubscriptionsSchema,
  adminAccount: z.string(),
  /** Set when the customer was created in Partner Center: its tenant and the orders placed for it. */
  partnerCenter: z.object({ tenantId: z.string().optional(), orderIds: z.array(z.string()) }).optional(),
  createdBy: RequesterSchema,
  createdAt: z.string(),
  origin: ConversationOriginSchema,
});
/** A customer tenant created through the bot. */
export type BotCustomer = z.infer<typeof BotCustomerSchema>;

/**
 * A customer read from Partner Center that the bot did not create (made in the portal, or before the
 * bot), stored under Partner Center's customer id with what the customer list gives: no address, contact
 * name, requester or conversation. `subscriptions` holds only the licenses ordered through the bot; those
 * bought elsewhere are not read.
 */
export const SyncedCustomerSchema = z.object({
  source: z.literal('partnerCenter'),
  id: z.string(),
  companyName: z.string(),
  domainPrefix: z.string(),
  domain: z.string(),
  contactEmail: z.string().optional(),
  subscriptions: SubscriptionsSchema,
  partnerCenter: z.object({ tenantId: z.string().optional(), orderIds: z.array(z.string()) }),
  /** When the customer was last read from Partner Center. */
  syncedAt: z.string(),
});
/** A customer read from Partner Center that the bot did not create. */
export type SyncedCustomer = z.infer<typeof SyncedCustomerSchema>;

/** A stored customer: created through the bot, or read from Partner Center (`source: 'partnerCenter'`). */
export const CustomerSchema = z.discriminatedUnion('source', [SyncedCustomerSchema, BotCustomerSchema]);
/** A stored customer: created through the bot, or read from Partner Center (`source: 'partnerCenter'`). */
export type Customer = BotCustomer | SyncedCustomer;

/** True for a customer created through the bot, which has a requester, an address and a contact. */
export function isBotCustomer(customer: Customer): customer is BotCustomer {
  return customer.source !== 'partnerCenter';
}

/** The contact email a customer is known by, when there is one. */
export function contactEmailOf(customer: Customer): string | undefined {
  return isBotCustomer(customer) ? customer.contact.email : customer.contactEmail;
}

/** One line of the audit trail: what happened to which request, who did it and when. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  event: z.enum([
    'request.submitted',
    'request.approved',
    'request.rejected',
    'request.withdrawn',
    'customer.created',
    'subscriptions.added',
    'credentials.delivered',
    'credentials.undeliverable',
    'credentials.expired',
  ]),
  requestId: z.string(),
  customerId: z.string().optional(),
  actor: RequesterSchema.optional(),
  conversationId: z.string().optional(),
  detail: z.string().optional(),
});
/** One line of the audit trail: what happened to which request, who did it and when. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * What is known of an existing customer's account: all of it for one created through the bot, the name,
 * domain and perhaps the contact email for one read from Partner Center.
 */
export type CustomerAccount = Pick<AccountInfo, 'companyName' | 'domainPrefix'> & Partial<AccountInfo>;

/**
 * Everything a user submitted, with who asked, where and when: a new customer, or (with `customerId`)
 * more subscriptions for an existing one, whose account (as far as it is known) is then shown for reference.
 */
export type CustomerRequest = RequestCommon &
  ({ kind: 'newCustomer'; account: AccountInfo } | { kind: 'addSubscriptions'; account: CustomerAccount });

/** A request for a new customer, with its whole account info. */
export type NewCustomerRequest = Extract<CustomerRequest, { kind: 'newCustomer' }>;

/** The account info of a new-customer request; throws for a request that adds subscriptions. */
export function newCustomerAccount(request: CustomerRequest): AccountInfo {
  if (request.kind !== 'newCustomer') {
    throw new Error(`request ${request.requestId} adds subscriptions; it creates no customer`);
  }
  return request.account;
}

type RequestCommon = {
  /** Stable across retries and double clicks of the same submission: fulfilment is idempotent on it. */
  requestId: string;
  /** The existing customer, for `addSubscriptions`. */
  customerId?: string;
  locale: Locale;
  subscriptions: SubscriptionLine[];
  requester: Requester;
  origin: ConversationOrigin;
  requestedAt: string;
};

/** The shape a stored customer request must have to be loaded back (the full type is `CustomerRequest`). */
const StoredCustomerRequestShape = z.looseObject({
  requestId: z.string(),
  kind: z.enum(['newCustomer', 'addSubscriptions']),
  customerId: z.string().optional(),
  locale: z.enum(['en-US', 'zh-CN']),
  account: z.looseObject({
    companyName: z.string(),
    domainPrefix: z.string(),
    contactEmail: z.string().optional(),
  }),
  subscriptions: z.array(z.object({ offerId: z.string(), quantity: z.number().int().positive() })),
  requester: RequesterSchema,
  origin: ConversationOriginSchema,
  requestedAt: z.string(),
});

/** A message holding a copy of an approval card, so that every copy can be updated with the decision. */
export const PostedCardSchema = z.object({ origin: ConversationOriginSchema, activityId: z.string() });
/** A message holding a copy of an approval card. */
export type PostedCard = z.infer<typeof PostedCardSchema>;

/** A decision on a request: who took it, when, and why (for a rejection). */
export const DecisionSchema = z.object({
  status: z.enum(['approved', 'rejected', 'withdrawn']),
  by: RequesterSchema,
  at: z.string(),
  reason: z.string().optional(),
});
/** A decision on a request. */
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * Creating the customer (or placing the order) of a request, after the turn that started it: where it
 * stands, how many attempts have started (counted before each, so that more than one means an earlier
 * attempt may have reached Partner Center), and what Partner Center has already done for it.
 */
export const CreationSchema = z.object({
  state: z.enum(['creating', 'created', 'failed']),
  attempts: z.number().int().min(0),
  at: z.string(),
  partnerCenterCustomerId: z.string().optional(),
  orderIds: z.array(z.string()).default([]),
  /** Why it failed: one of the Partner Center error codes, or `INTERNAL`. */
  failure: z.string().optional(),
});
/** Creating the customer of a request, after the turn that started it. */
export type Creation = z.infer<typeof CreationSchema>;

/**
 * A submitted request: waiting for (or past) an approver's decision. With approval off a request is
 * `approved` as it is submitted, with no `decision`. Holds no secret.
 */
export const ApprovalRequestSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  request: z.custom<CustomerRequest>((value) => StoredCustomerRequestShape.safeParse(value).success),
  decision: DecisionSchema.optional(),
  customerId: z.string().optional(),
  cards: z.array(PostedCardSchema),
  /** The requester's Review card, which shows the request's progress after Submit. */
  reviewCard: PostedCardSchema.optional(),
  creation: CreationSchema.optional(),
});
/** A submitted request waiting for (or past) an approver's decision. */
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

/** Licenses added to an existing customer by one request (Partner Center's "Add subscription"). */
export const SubscriptionOrderSchema = z.object({
  requestId: z.string(),
  customerId: z.string(),
  lines: z.array(z.object({ offerId: z.string(), quantity: z.number().int().positive() })),
  orderedBy: RequesterSchema,
  orderedAt: z.string(),
  /** The order placed in Partner Center for it, when Partner Center is configured. */
  partnerCenterOrderId: z.string().optional(),
});
/** Licenses added to an existing customer by one request. */
export type SubscriptionOrder = z.infer<typeof SubscriptionOrderSchema>;

/** The whole content of the customer store file. */
export const StoreFileSchema = z.object({
  customers: z.array(CustomerSchema),
  requests: z.array(ApprovalRequestSchema).default([]),
  orders: z.array(SubscriptionOrderSchema).default([]),
  audit: z.array(AuditEntrySchema),
  /** How many changes of the file's journal (`segment-journal.ts`) this content holds; absent for none. */
  journaled: z.number().int().nonnegative().optional(),
});
/** The whole content of the customer store file. */
export type StoreFile = z.infer<typeof StoreFileSchema>;
