import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { CARD_VERBS, type CardVerb } from '../../cards/card-verbs.js';

const id = z.string().min(1).max(200);

/** A button of a dialog's card: it names the dialog run and its owner; the card's inputs ride along. */
const dialogAction = <V extends CardVerb>(verb: V) =>
  z.looseObject({ verb: z.literal(verb), flowId: id, ownerId: id });

const customerListAction = <V extends CardVerb>(verb: V) =>
  z.object({
    verb: z.literal(verb),
    offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
    query: z.string().max(100).catch(''),
    customerQuery: z.string().max(100).optional().catch(undefined),
  });

const requestAction = <V extends CardVerb>(verb: V) =>
  z.object({
    verb: z.literal(verb),
    requestId: id,
    rejectReason: z.string().max(2000).optional().catch(undefined),
  });

/**
 * Every card button the bot answers, one member per verb: `Action.Submit` values (a message whose
 * `value` is the button's data merged with the card's inputs) and `Action.Execute` invokes (whose
 * `action.data` is merged under `action.verb` the same way). Parsed once, at the edge, by
 * `readCardAction`; everything after it is typed.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  dialogAction(CARD_VERBS.accountNext),
  dialogAction(CARD_VERBS.accountCancel),
  dialogAction(CARD_VERBS.accountContinue),
  dialogAction(CARD_VERBS.accountAddSubscription),
  dialogAction(CARD_VERBS.accountReseller),
  dialogAction(CARD_VERBS.accountUseSuggestedAddress),
  dialogAction(CARD_VERBS.pickCustomerSearch),
  dialogAction(CARD_VERBS.pickCustomerNext),
  dialogAction(CARD_VERBS.pickCustomerCancel),
  dialogAction(CARD_VERBS.subscriptionsBack),
  dialogAction(CARD_VERBS.subscriptionsNext),
  dialogAction(CARD_VERBS.reviewUpdateAccount),
  dialogAction(CARD_VERBS.reviewUpdateSubscriptions),
  dialogAction(CARD_VERBS.reviewSubmit),
  dialogAction(CARD_VERBS.reviewCancel),
  z.object({ verb: z.literal(CARD_VERBS.credentialsDone), customerId: id }),
  customerListAction(CARD_VERBS.customersSearch),
  customerListAction(CARD_VERBS.customersPage),
  requestAction(CARD_VERBS.approvalResubmit),
  z.object({ verb: z.literal(CARD_VERBS.requestRetry), flowId: id, ownerId: id }),
  requestAction(CARD_VERBS.approvalRefresh),
  requestAction(CARD_VERBS.approvalApprove),
  requestAction(CARD_VERBS.approvalReject),
  requestAction(CARD_VERBS.approvalWithdraw),
  requestAction(CARD_VERBS.approvalRetry),
]);

/** A card button press the bot understands, typed by its verb. */
export type CardAction = z.infer<typeof CardActionSchema>;

/** The press of one verb. */
export type CardActionOf<V extends CardVerb> = Extract<CardAction, { verb: V }>;

/** A press on a dialog's card (add customer, add subscription), with the card's inputs. */
export type DialogAction = z.infer<ReturnType<typeof dialogAction>>;

/** The `adaptiveCard/action` invoke name Teams sends for `Action.Execute`. */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

const InvokeValueSchema = z.object({
  action: z.object({ verb: z.string(), data: z.record(z.string(), z.unknown()).optional() }),
});

/**
 * Reads the card press in an activity, if it is one: the `value` of a message, or the action of an
 * `adaptiveCard/action` invoke. Returns `{ action }` for a press the bot understands, `{ malformed }`
 * for one it does not (unknown verb, missing or oversized field), and undefined for an activity that
 * is no card press at all.
 */
export function readCardAction(activity: Activity): { action: CardAction } | { malformed: true } | undefined {
  const isInvoke = activity.type === 'invoke' && activity.name === CARD_ACTION_INVOKE;
  if (!isInvoke && (activity.value === undefined || activity.value === null)) return undefined;
  const value = isInvoke ? flattenInvoke(activity.value) : activity.value;
  const parsed = CardActionSchema.safeParse(value);
  return parsed.success ? { action: parsed.data } : { malformed: true };
}

function flattenInvoke(value: unknown): unknown {
  const parsed = InvokeValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  return { ...parsed.data.action.data, verb: parsed.data.action.verb };
}
