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

/** A customer tenant created through the bot, as saved in the store. Holds no secret. */
export const CustomerSchema = z.object({
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
  subscriptions: z.array(z.object({ offerId: z.string(), quantity: z.number().int().positive() })),
  adminAccount: z.string(),
  /** Set when the customer was created in Partner Center: its tenant and the orders placed for it. */
  partnerCenter: z.object({ tenantId: z.string().optional(), orderIds: z.array(z.string()) }).optional(),
  createdBy: RequesterSchema,
  createdAt: z.string(),
  origin: ConversationOriginSchema,
});
/** A customer tenant created through the bot, as saved in the store. Holds no secret. */
export type Customer = z.infer<typeof CustomerSchema>;

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
 * Everything a user submitted, with who asked, where and when: a new customer, or (with `customerId`)
 * more subscriptions for an existing one, whose account info is then shown for reference.
 */
export type CustomerRequest = {
  /** Stable across retries and double clicks of the same submission: fulfilment is idempotent on it. */
  requestId: string;
  kind: 'newCustomer' | 'addSubscriptions';
  /** The existing customer, for `addSubscriptions`. */
  customerId?: string;
  locale: Locale;
  account: AccountInfo;
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
  account: z.looseObject({ companyName: z.string(), domainPrefix: z.string(), contactEmail: z.string() }),
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
});
/** Licenses added to an existing customer by one request. */
export type SubscriptionOrder = z.infer<typeof SubscriptionOrderSchema>;

/** The whole content of the customer store file. */
export const StoreFileSchema = z.object({
  customers: z.array(CustomerSchema),
  requests: z.array(ApprovalRequestSchema).default([]),
  orders: z.array(SubscriptionOrderSchema).default([]),
  audit: z.array(AuditEntrySchema),
});
/** The whole content of the customer store file. */
export type StoreFile = z.infer<typeof StoreFileSchema>;
