import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { COMMANDS, matchCommand } from '../commands/match-command.js';
import { type FlowSubmit, ownerIdOf, readFlowSubmit } from '../dialogs/add-customer-draft.js';

/** The functions the router hands each kind of message to. */
export type BotHandlers = {
  startAddCustomer(context: TurnContext): Promise<void>;
  startAddSubscription(context: TurnContext): Promise<void>;
  continueCardDialog(context: TurnContext, submit: FlowSubmit): Promise<void>;
  cancelAddCustomer(context: TurnContext): Promise<void>;
  showHelp(context: TurnContext): Promise<void>;
  refuseForeignCard(context: TurnContext): Promise<void>;
  completeCredentials(context: TurnContext, customerId: string): Promise<void>;
  cardExpired(context: TurnContext): Promise<void>;
  resubmitRequest(context: TurnContext, requestId: string): Promise<void>;
  showCustomers(
    context: TurnContext,
    options: { query: string; offset: number; replace: boolean },
  ): Promise<void>;
  answerCardAction(
    context: TurnContext,
    action: { verb: string; data: unknown },
  ): Promise<AdaptiveCardInvokeResponse>;
};

const CredentialsDoneSchema = z.object({
  verb: z.literal(CARD_VERBS.credentialsDone),
  customerId: z.string(),
});
const CustomerListSchema = z.object({
  verb: z.enum([CARD_VERBS.customersSearch, CARD_VERBS.customersPage]),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
  query: z.string().max(100).catch(''),
  customerQuery: z.string().max(100).optional().catch(undefined),
});
const ResubmitSchema = z.object({ verb: z.literal(CARD_VERBS.approvalResubmit), requestId: z.string() });

/**
 * The bot's activity handler. It only routes: text commands, card button verbs and installation events
 * go to handler functions; it builds no card and touches no store.
 */
export class AddCustomerBot extends TeamsActivityHandler {
  constructor(private readonly routes: BotHandlers) {
    super();
    this.onMessage(async (context, next) => {
      await this.routeMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some(
        (member) => member.id === context.activity.recipient.id,
      );
      if (botWasAdded) await this.routes.showHelp(context);
      await next();
    });
  }

  /** `Action.Execute` presses (`adaptiveCard/action` invokes), answered with a card or a message. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.routes.answerCardAction(context, invokeValue.action);
  }

  private async routeMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const text = TurnContext.removeRecipientMention(activity)?.trim() ?? '';
    if (activity.value !== undefined && activity.value !== null && text === '') {
      return this.routeCardSubmit(context, activity.value);
    }
    switch (matchCommand(text)) {
      case COMMANDS.addCustomer:
        return this.routes.startAddCustomer(context);
      case COMMANDS.cancel:
        return this.routes.cancelAddCustomer(context);
      case COMMANDS.customers:
        return this.routes.showCustomers(context, { query: '', offset: 0, replace: false });
      case COMMANDS.addSubscription:
        return this.routes.startAddSubscription(context);
      default:
        return this.routes.showHelp(context);
    }
  }

  private async routeCardSubmit(context: TurnContext, value: unknown): Promise<void> {
    const done = CredentialsDoneSchema.safeParse(value);
    if (done.success) return this.routes.completeCredentials(context, done.data.customerId);
    const list = CustomerListSchema.safeParse(value);
    if (list.success) {
      const { verb, offset, query, customerQuery } = list.data;
      const searching = verb === CARD_VERBS.customersSearch;
      return this.routes.showCustomers(context, {
        query: searching ? (customerQuery ?? '') : query,
        offset: searching ? 0 : offset,
        replace: true,
      });
    }
    const resubmit = ResubmitSchema.safeParse(value);
    if (resubmit.success) return this.routes.resubmitRequest(context, resubmit.data.requestId);
    const submit = readFlowSubmit(value);
    if (!submit) return this.routes.cardExpired(context);
    if (submit.ownerId !== ownerIdOf(context.activity.from)) return this.routes.refuseForeignCard(context);
    return this.routes.continueCardDialog(context, submit);
  }
}
