import { z } from 'zod';

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
  createdBy: RequesterSchema,
  createdAt: z.string(),
  origin: ConversationOriginSchema,
});
/** A customer tenant created through the bot, as saved in the store. Holds no secret. */
export type Customer = z.infer<typeof CustomerSchema>;

/** One line of the audit trail: what happened to which request, who did it and when. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  event: z.enum(['customer.created', 'credentials.delivered', 'credentials.undeliverable']),
  requestId: z.string(),
  customerId: z.string().optional(),
  actor: RequesterSchema.optional(),
  conversationId: z.string().optional(),
  detail: z.string().optional(),
});
/** One line of the audit trail: what happened to which request, who did it and when. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The whole content of the customer store file. */
export const StoreFileSchema = z.object({
  customers: z.array(CustomerSchema),
  audit: z.array(AuditEntrySchema),
});
/** The whole content of the customer store file. */
export type StoreFile = z.infer<typeof StoreFileSchema>;
