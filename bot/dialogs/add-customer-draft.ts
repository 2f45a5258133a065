import { z } from 'zod';
import type { CustomerMatch } from '../../cards/account-info.js';
import { type CardVerb, FLOW_VERBS } from '../../cards/card-verbs.js';
import type { AccountInfo, AccountInfoInput } from '../../store/customers/account-info-schema.js';
import type { SubscriptionLine, SubscriptionsInput } from '../../store/customers/parse-subscriptions.js';

/** What every card dialog remembers: which run it is, whose it is, and which message holds its card. */
export type FlowDraft = {
  /** Identifies this run of the dialog; every card button carries it, and it becomes the request id. */
  flowId: string;
  /** The user who started the dialog: only they may press its buttons. */
  owner: { id: string; name: string };
  /** The message holding the dialog's card, updated in place at each step. */
  cardActivityId?: string;
};

/** The add-customer dialog's memory, saved with the dialog state between turns (and restarts). */
export type AddCustomerDraft = FlowDraft & {
  accountInput: AccountInfoInput;
  account?: AccountInfo;
  subscriptionsInput: SubscriptionsInput;
  subscriptions?: SubscriptionLine[];
  /** Set once the user has reached Review: finishing an updated card returns there. */
  returnToReview: boolean;
  /** What Submit did: created the customer, or stored the request for an approver. */
  submission?: 'created' | 'pendingApproval';
  /** Existing customers the account info matched, shown on the account card until the user chooses. */
  matches?: CustomerMatch[];
  /** Matches the user said are a different company; not shown again. */
  dismissedMatchIds?: string[];
  /** Set when the user chose to add subscriptions to an existing customer instead. */
  switchToCustomerId?: string;
};

/** Which step the dialog (re)starts at. */
export type DraftStep = 'account' | 'subscriptions' | 'review';

/** The options the add-customer steps run with. */
export type AddCustomerOptions = { draft: AddCustomerDraft; startAt: DraftStep };

const FlowSubmitSchema = z.looseObject({
  verb: z.enum(FLOW_VERBS as [CardVerb, ...CardVerb[]]),
  flowId: z.string().max(100),
  ownerId: z.string().max(200),
});

/** A press of a button on one of the add-customer dialog's cards, with the card's inputs in `values`. */
export type FlowSubmit = { verb: CardVerb; flowId: string; ownerId: string; values: Record<string, unknown> };

/** Reads a card submit of the add-customer dialog from an activity's `value`, or undefined if it is not one. */
export function readFlowSubmit(value: unknown): FlowSubmit | undefined {
  const parsed = FlowSubmitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { verb, flowId, ownerId, ...values } = parsed.data;
  return { verb, flowId, ownerId, values };
}

/** Identifies a user across clients: the Entra object id when Teams sends one, else the channel user id. */
export function ownerIdOf(from: { id: string; aadObjectId?: string }): string {
  return from.aadObjectId ?? from.id;
}
