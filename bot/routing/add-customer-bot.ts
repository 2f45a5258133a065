import {
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type InvokeResponse,
  PrivateConversationState,
  type StatePropertyAccessor,
  type Storage,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { MessageKey } from '../../store/i18n/en-us.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import { KeyedLock } from '../../store/keyed-lock.js';
import { answerApprovalAction } from '../approval/answer-approval-action.js';
import type { BotDeps, Turn } from '../bot-deps.js';
import { COMMANDS } from '../commands/match-command.js';
import { continueAddCustomer } from '../dialogs/add-customer-dialog.js';
import { continueAddSubscription } from '../dialogs/add-subscription-dialog.js';
import { UserConversationStateSchema } from '../dialogs/dialog-state.js';
import { answerUnknownText } from '../handlers/answer-unknown-text.js';
import { cancelDialog } from '../handlers/cancel-dialog.js';
import { completeCredentials } from '../handlers/complete-credentials.js';
import { resubmitRequest } from '../handlers/resubmit-request.js';
import { retryCreation } from '../handlers/retry-creation.js';
import { showCustomers } from '../handlers/show-customers.js';
import { showHelp } from '../handlers/show-help.js';
import { startAddCustomer } from '../handlers/start-add-customer.js';
import { startAddSubscription } from '../handlers/start-add-subscription.js';
import { describeError } from '../logging/describe-error.js';
import { addressesBot, admissionOf, tenantOf } from './admission.js';
import { CARD_ACTION_INVOKE, type CardAction, type DialogAction, readCardAction } from './card-action.js';
import {
  approverOnly,
  ownCredentials,
  ownFailedRequest,
  ownOpenDialog,
  ownRejectedRequest,
  type Refusal,
  requesterOnly,
} from './card-route-checks.js';
import { errorResponse, messageResponse } from './invoke-responses.js';
import { ownerIdOf } from './owner-id-of.js';
import { ReadETagStorage } from './read-etag-storage.js';
import { requestOf, type TextRequest } from './request-of.js';
import { saveTurnState } from './save-turn-state.js';

/**
 * One row of the card route table. `via`: how the button sends (`Action.Submit` as a message,
 * `Action.Execute` as an invoke); `check`: who may press it and whether it is still live, run before
 * `handle` for every press.
 */
type CardRoute<A> = {
  via: 'submit' | 'execute';
  check?: (turn: Turn, action: A) => Promise<Refusal | undefined>;
  handle: (turn: Turn, action: A) => Promise<AdaptiveCardInvokeResponse> | Promise<void>;
};

type ActionByVerb = { [A in CardAction as A['verb']]: A };
type CardRoutes = { [V in keyof ActionByVerb]: CardRoute<ActionByVerb[V]> };

/** Hands a dialog card's press to the sender's open dialog, which `ownOpenDialog` found is the card's. */
async function continueDialog(turn: Turn, action: DialogAction) {
  const { dialog } = turn.state;
  if (dialog?.kind === 'addCustomer') turn.state.dialog = await continueAddCustomer(turn, dialog, action);
  if (dialog?.kind === 'addSubscription')
    turn.state.dialog = await continueAddSubscription(turn, dialog, action);
}

const dialogButton = { via: 'submit', check: ownOpenDialog, handle: continueDialog } as const;

/** Every card button the bot answers: verb → who may press it → what it does. */
export const CARD_ROUTES: CardRoutes = {
  [CARD_VERBS.accountNext]: dialogButton,
  [CARD_VERBS.accountCancel]: dialogButton,
  [CARD_VERBS.accountContinue]: dialogButton,
  [CARD_VERBS.accountAddSubscription]: dialogButton,
  [CARD_VERBS.accountReseller]: dialogButton,
  [CARD_VERBS.accountUseSuggestedAddress]: dialogButton,
  [CARD_VERBS.pickCustomerSearch]: dialogButton,
  [CARD_VERBS.pickCustomerNext]: dialogButton,
  [CARD_VERBS.pickCustomerCancel]: dialogButton,
  [CARD_VERBS.subscriptionsBack]: dialogButton,
  [CARD_VERBS.subscriptionsNext]: dialogButton,
  [CARD_VERBS.reviewUpdateAccount]: dialogButton,
  [CARD_VERBS.reviewUpdateSubscriptions]: dialogButton,
  [CARD_VERBS.reviewSubmit]: dialogButton,
  [CARD_VERBS.reviewCancel]: dialogButton,
  [CARD_VERBS.credentialsDone]: { via: 'submit', check: ownCredentials, handle: completeCredentials },
  [CARD_VERBS.customersSearch]: { via: 'submit', handle: showCustomers },
  [CARD_VERBS.customersPage]: { via: 'submit', handle: showCustomers },
  [CARD_VERBS.approvalResubmit]: { via: 'submit', check: ownRejectedRequest, handle: resubmitRequest },
  [CARD_VERBS.requestRetry]: { via: 'submit', check: ownFailedRequest, handle: retryCreation },
  [CARD_VERBS.approvalRefresh]: { via: 'execute', handle: answerApprovalAction },
  [CARD_VERBS.approvalApprove]: { via: 'execute', check: approverOnly, handle: answerApprovalAction },
  [CARD_VERBS.approvalReject]: { via: 'execute', check: approverOnly, handle: answerApprovalAction },
  [CARD_VERBS.approvalWithdraw]: { via: 'execute', check: requesterOnly, handle: answerApprovalAction },
  [CARD_VERBS.approvalRetry]: { via: 'execute', check: requesterOnly, handle: answerApprovalAction },
};

/** Every text command: what it starts. Any other text gets one line pointing to help. */
export const COMMAND_ROUTES: Record<TextRequest, (turn: Turn) => Promise<void>> = {
  [COMMANDS.addCustomer]: startAddCustomer,
  [COMMANDS.addSubscription]: startAddSubscription,
  [COMMANDS.customers]: (turn) => showCustomers(turn),
  [COMMANDS.cancel]: cancelDialog,
  [COMMANDS.help]: showHelp,
  unknownText: answerUnknownText,
};

async function dispatch<V extends keyof ActionByVerb>(
  turn: Turn,
  verb: V,
  action: ActionByVerb[V],
): Promise<{ refusal: Refusal } | { answer: AdaptiveCardInvokeResponse | undefined }> {
  const route = CARD_ROUTES[verb];
  const refusal = await route.check?.(turn, action);
  if (refusal) return { refusal };
  return { answer: (await route.handle(turn, action)) ?? undefined };
}

/**
 * The bot's activity handler. It only routes: a text command to its handler, a card press (parsed
 * once, checked once) through `CARD_ROUTES`. Each user's turns in a conversation run one after another,
 * with that user's state loaded before and saved after; it builds no card and holds no business rule.
 */
export class AddCustomerBot extends TeamsActivityHandler {
  private readonly conversationState: PrivateConversationState;
  private readonly userState: StatePropertyAccessor<unknown>;
  private readonly userTurns = new KeyedLock();

  constructor(
    private readonly deps: BotDeps,
    storage: Storage,
  ) {
    super();
    this.conversationState = new PrivateConversationState(new ReadETagStorage(storage));
    this.userState = this.conversationState.createProperty('userConversation');
    this.onMessage(async (context, next) => {
      await this.inUserTurn(
        context,
        (turn) => this.routeMessage(turn),
        async (text) => {
          await context.sendActivity(text);
        },
      );
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const { membersAdded, recipient } = context.activity;
      if (membersAdded?.some((member) => member.id === recipient.id)) {
        await showHelp(this.bareTurn(context));
      }
      await next();
    });
  }

  /**
   * Lets in only what `ALLOWED_TENANT_IDS` and `ALLOWED_USER_IDS` admit, before any state is loaded or
   * any user remembered. Another tenant's activity is logged and, when someone addresses the bot, gets
   * one refusal; a user off the list gets the help card when asking for help (the line pointing to it
   * for unknown text), a refusal for any command, press or invoke, and the help card when installing
   * the bot.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const { activity } = context;
    const admission = admissionOf(activity, this.deps);
    const request = activity.type === ActivityTypes.Message ? requestOf(activity) : undefined;
    if (admission === undefined) {
      await super.onTurnActivity(context);
    } else if (admission === 'foreignTenant') {
      this.deps.logger.warn(
        { tenantId: tenantOf(activity)?.slice(0, 100), activityType: activity.type },
        'activity from a tenant not in ALLOWED_TENANT_IDS refused',
      );
      if (addressesBot(activity)) await this.turnAway(context, 'access.otherTenant');
    } else if (request === COMMANDS.help || request === 'unknownText') {
      await COMMAND_ROUTES[request](this.bareTurn(context));
    } else if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke) {
      this.deps.logger.info(
        { activityType: activity.type, aadObjectId: activity.from?.aadObjectId?.slice(0, 100) },
        'activity from a user not in ALLOWED_USER_IDS refused',
      );
      await this.turnAway(context, 'access.notAllowedUser');
    } else {
      await super.onTurnActivity(context);
    }
  }

  /** Answers a message with a short text, or an invoke with it as the invoke's message. */
  private async turnAway(context: TurnContext, say: MessageKey): Promise<void> {
    const text = translator(pickLocale(context.activity.locale))(say);
    if (context.activity.type !== ActivityTypes.Invoke) {
      await context.sendActivity(text);
      return;
    }
    const answer: InvokeResponse = { status: 200, body: messageResponse(text) };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: answer });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const body = await this.inUserTurn(
      context,
      (turn) => this.routeCardAction(turn, 'execute'),
      async (text) => messageResponse(text),
    );
    return { status: 200, body };
  }

  private async routeMessage(turn: Turn): Promise<void> {
    const request = requestOf(turn.context.activity);
    if (request === 'cardPress') {
      await this.routeCardAction(turn, 'submit');
      return;
    }
    await COMMAND_ROUTES[request](turn);
  }

  /**
   * Parses the press, refuses what cannot be carried out, and runs its handler. An invoke is answered
   * in its own HTTP response, so a failure there is caught and answered with an error here.
   */
  private async routeCardAction(
    turn: Turn,
    via: 'submit' | 'execute',
  ): Promise<AdaptiveCardInvokeResponse | undefined> {
    const read = readCardAction(turn.context.activity);
    const action = read && 'action' in read ? read.action : undefined;
    if (!action || CARD_ROUTES[action.verb].via !== via) {
      return this.refuse(turn, via, { say: 'flow.cardExpired' }, 400);
    }
    try {
      const outcome = await dispatch(turn, action.verb, action);
      return 'refusal' in outcome ? this.refuse(turn, via, outcome.refusal) : outcome.answer;
    } catch (error) {
      if (via === 'submit') throw error;
      this.deps.logger.error({ error: describeError(error), verb: action.verb }, 'card action failed');
      return errorResponse(500, 'InternalError', turn.t('error.turn'));
    }
  }

  private async refuse(turn: Turn, via: 'submit' | 'execute', refusal: Refusal, invokeStatus = 200) {
    if (refusal === 'ignore') return via === 'execute' ? messageResponse('') : undefined;
    const text = turn.t(refusal.say);
    if (via === 'execute')
      return invokeStatus === 200 ? messageResponse(text) : errorResponse(invokeStatus, 'BadRequest', text);
    await turn.context.sendActivity(text);
    return undefined;
  }

  /**
   * Runs one turn of one user: in order with their other turns here, with their state loaded and saved.
   * When another instance saved their state first, `conflict` tells them to try again (see `saveTurnState`).
   */
  private async inUserTurn<T>(
    context: TurnContext,
    work: (turn: Turn) => Promise<T>,
    conflict: (text: string) => Promise<T>,
  ): Promise<T> {
    const { conversation, from } = context.activity;
    return this.userTurns.run(`${conversation.id}\n${from.id}`, async () => {
      this.deps.directory.remember(from);
      const read = await this.userState.get(context);
      const stored = UserConversationStateSchema.safeParse(read ?? {});
      if (!stored.success) {
        this.deps.logger.warn(
          { conversationType: conversation.conversationType },
          'unreadable dialog state: starting afresh',
        );
      }
      const turn = { ...this.bareTurn(context), state: stored.success ? stored.data : {} };
      const result = await work(turn);
      // A user who had no state and leaves none (an approver's press) has nothing to write
      if (read !== undefined || JSON.stringify(turn.state) !== '{}')
        await this.userState.set(context, turn.state);
      if (await saveTurnState(this.conversationState, context, this.deps.logger)) return result;
      return conflict(turn.t('flow.stateConflict'));
    });
  }

  private bareTurn(context: TurnContext): Turn {
    const locale = pickLocale(context.activity.locale);
    const { from } = context.activity;
    return {
      context,
      deps: this.deps,
      locale,
      t: translator(locale),
      user: { id: ownerIdOf(from), name: from.name ?? '' },
      state: {},
    };
  }
}
