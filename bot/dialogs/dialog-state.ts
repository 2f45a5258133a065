import { z } from 'zod';

const OwnerSchema = z.object({ id: z.string(), name: z.string() });
const InputsSchema = z.record(z.string(), z.string());

/** What every dialog remembers: which run it is, whose it is, and which message holds its card. */
const dialogRun = {
  /** Identifies this run of the dialog; every card button carries it, and it becomes the request id. */
  flowId: z.string(),
  /** The user who started the dialog: only they may press its buttons. */
  owner: OwnerSchema,
  /** The message holding the dialog's card, updated in place at each step. */
  cardActivityId: z.string().optional(),
  /** What the user typed on the Subscriptions card: license counts by offer input id. */
  subscriptionsInput: InputsSchema,
  /** Set once the user has reached Review: finishing an updated card returns there. */
  returnToReview: z.boolean(),
};

/** An existing customer the account info matched, offered on the account card until the user chooses. */
const CustomerMatchSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  domain: z.string(),
  /** Absent for a customer made in Partner Center. */
  createdBy: z.string().optional(),
});

/**
 * The add-customer dialog between turns: the step whose card is showing and what the user typed.
 * The checked account info and subscriptions are derived from the inputs when needed, never stored twice.
 */
export const AddCustomerStateSchema = z.object({
  kind: z.literal('addCustomer'),
  step: z.enum(['account', 'subscriptions', 'review']),
  ...dialogRun,
  accountInput: InputsSchema,
  matches: z.array(CustomerMatchSchema).default([]),
  /** Matches the user said are a different company; not shown again. */
  dismissedMatchIds: z.array(z.string()).default([]),
  /** The address Partner Center suggested for the one typed, until the user chooses. */
  suggestedAddress: z
    .object({
      addressLine1: z.string(),
      addressLine2: z.string().optional(),
      city: z.string(),
      province: z.string(),
      postalCode: z.string(),
    })
    .optional(),
});
/** The add-customer dialog between turns. */
export type AddCustomerState = z.infer<typeof AddCustomerStateSchema>;

/** The add-subscription dialog between turns; the chosen customer is read from the store each turn. */
export const AddSubscriptionStateSchema = z.object({
  kind: z.literal('addSubscription'),
  step: z.enum(['customer', 'subscriptions', 'review']),
  ...dialogRun,
  query: z.string(),
  choices: z.array(z.object({ customerId: z.string(), companyName: z.string(), domain: z.string() })),
  customerId: z.string().optional(),
});
/** The add-subscription dialog between turns. */
export type AddSubscriptionState = z.infer<typeof AddSubscriptionStateSchema>;

/**
 * What the bot keeps per user *and* conversation (two people in one channel thread each have their
 * own): the open dialog, if any, and the customer list card the user last opened here.
 */
export const UserConversationStateSchema = z.object({
  dialog: z.discriminatedUnion('kind', [AddCustomerStateSchema, AddSubscriptionStateSchema]).optional(),
  customerListCardId: z.string().optional(),
});
/** What the bot keeps per user and conversation. */
export type UserConversationState = z.infer<typeof UserConversationStateSchema>;

/** The open dialog of a user in a conversation. */
export type DialogState = NonNullable<UserConversationState['dialog']>;
