import { renderAccountInfoCard } from '../../cards/account-info.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import { type CustomerRequest, isBotCustomer } from '../../store/customer-schema.js';
import {
  type AccountInfoField,
  type AccountInfoInput,
  type FieldError,
  tenantDomain,
} from '../../store/customers/account-info-schema.js';
import { parseAccountInfo, pickAccountInfoInput } from '../../store/customers/parse-account-info.js';
import { parseSubscriptions, pickSubscriptionsInput } from '../../store/customers/parse-subscriptions.js';
import type { Turn } from '../bot-deps.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import type { DialogAction } from '../routing/card-action.js';
import { beginAddSubscription } from './add-subscription-dialog.js';
import type { AddCustomerState, DialogState } from './dialog-state.js';
import { requestSource } from './request-source.js';
import { closeDialogCard, showDialogCard } from './show-dialog-card.js';
import { showResellerRelationship } from './show-reseller-relationship.js';

/**
 * How long Next on the account card waits for Partner Center's domain and address checks; without an
 * answer by then the card goes on, and creating the customer checks them again.
 */
const CHECKS_WAIT_MS = 2_000;

type AccountErrors = Partial<Record<AccountInfoField, FieldError>>;
type SubscriptionErrors = { errors: Record<string, FieldError>; formError?: FieldError };

/**
 * Starts the add-customer dialog: at Account info for `add customer`, or at Review with the values of
 * a rejected request for Edit and resubmit. Returns the state to keep.
 */
export async function beginAddCustomer(
  turn: Turn,
  start: { accountInput?: AccountInfoInput; subscriptionsInput?: Record<string, string> } = {},
): Promise<DialogState> {
  const atReview = start.accountInput !== undefined;
  const state: AddCustomerState = {
    kind: 'addCustomer',
    step: atReview ? 'review' : 'account',
    flowId: turn.deps.newId(),
    owner: turn.user,
    accountInput: start.accountInput ?? {},
    subscriptionsInput: start.subscriptionsInput ?? {},
    returnToReview: atReview,
    matches: [],
    dismissedMatchIds: [],
  };
  return showStep(turn, state);
}

/**
 * Account info → Subscriptions → Review → Submit, one card updated in place. A press of a button that
 * is not on the current step's card (a stale card, a double click) changes nothing. Returns the state
 * to keep, or undefined when the dialog has ended.
 */
export async function continueAddCustomer(
  turn: Turn,
  state: AddCustomerState,
  action: DialogAction,
): Promise<DialogState | undefined> {
  switch (`${state.step} ${action.verb}`) {
    case `account ${CARD_VERBS.accountNext}`:
    case `account ${CARD_VERBS.accountContinue}`:
      return checkAccount(turn, state, action);
    case `account ${CARD_VERBS.accountUseSuggestedAddress}`: {
      const suggested = state.suggestedAddress;
      if (!suggested) return showStep(turn, state);
      return checkAccount(turn, state, {
        ...action,
        ...suggested,
        addressLine2: suggested.addressLine2 ?? '',
      });
    }
    case `account ${CARD_VERBS.accountReseller}`:
      await showResellerRelationship(turn, state.accountInput.companyName ?? '');
      return state;
    case `account ${CARD_VERBS.accountAddSubscription}`: {
      const match = state.matches.find((candidate) => candidate.customerId === action.customerId);
      if (!match) return showStep(turn, state);
      return beginAddSubscription(turn, {
        customerId: match.customerId,
        cardActivityId: state.cardActivityId,
      });
    }
    case `subscriptions ${CARD_VERBS.subscriptionsBack}`:
      return showStep(turn, { ...typedSubscriptions(turn, state, action), step: 'account' });
    case `subscriptions ${CARD_VERBS.subscriptionsNext}`: {
      const typed = typedSubscriptions(turn, state, action);
      const parsed = parseSubscriptions(turn.deps.offers, typed.subscriptionsInput);
      if (!parsed.ok) return showStep(turn, typed, { subscriptions: parsed });
      return showStep(turn, { ...typed, step: 'review' });
    }
    case `review ${CARD_VERBS.reviewUpdateAccount}`:
      return showStep(turn, { ...state, step: 'account' });
    case `review ${CARD_VERBS.reviewUpdateSubscriptions}`:
      return showStep(turn, { ...state, step: 'subscriptions' });
    case `review ${CARD_VERBS.reviewSubmit}`:
      return submit(turn, state);
    case `account ${CARD_VERBS.accountCancel}`:
    case `review ${CARD_VERBS.reviewCancel}`:
      if (!(await closeAddCustomer(turn, state, 'cancelled')))
        await turn.context.sendActivity(turn.t('flow.cancelled'));
      return undefined;
    default:
      return state;
  }
}

function typedSubscriptions(turn: Turn, state: AddCustomerState, action: DialogAction): AddCustomerState {
  return { ...state, subscriptionsInput: pickSubscriptionsInput(turn.deps.offers, action) };
}

async function checkAccount(turn: Turn, state: AddCustomerState, action: DialogAction) {
  const { store, accountInfoSchema } = turn.deps;
  const dismissedMatchIds =
    action.verb === CARD_VERBS.accountContinue
      ? [...state.dismissedMatchIds, ...state.matches.map((match) => match.customerId)]
      : state.dismissedMatchIds;
  const typed: AddCustomerState = {
    ...state,
    accountInput: pickAccountInfoInput(action),
    matches: [],
    dismissedMatchIds,
    suggestedAddress: undefined,
  };
  const parsed = parseAccountInfo(accountInfoSchema, typed.accountInput);
  if (!parsed.ok) return showStep(turn, typed, { account: parsed.errors });
  const account = parsed.value;
  const [takenHere, takenInPartnerCenter, address, candidates] = await Promise.all([
    store.isDomainTaken(account.domainPrefix),
    turn.deps.partnerCenter?.isDomainTaken(tenantDomain(account.domainPrefix), CHECKS_WAIT_MS),
    turn.deps.partnerCenter?.validateAddress(account, CHECKS_WAIT_MS),
    store.findMatchingCustomers(account),
  ]);
  const domainTaken = takenHere || takenInPartnerCenter === true;
  const addressRefused = address?.valid === false;
  const matches = candidates
    .filter((customer) => !dismissedMatchIds.includes(customer.id))
    .map((customer) => ({
      customerId: customer.id,
      companyName: customer.companyName,
      domain: customer.domain,
      createdBy: isBotCustomer(customer) ? customer.createdBy.name : undefined,
    }));
  if (domainTaken || addressRefused || matches.length > 0) {
    const errors: AccountErrors = {
      ...(domainTaken ? { domainPrefix: { key: 'error.domainPrefix.taken' } } : {}),
      ...(addressRefused ? { addressLine1: { key: 'error.address.partnerCenter' } } : {}),
    };
    const suggestedAddress = address?.valid === false ? address.suggestion : undefined;
    return showStep(turn, { ...typed, matches, suggestedAddress }, { account: errors });
  }
  return showStep(turn, { ...typed, step: typed.returnToReview ? 'review' : 'subscriptions' });
}

async function submit(turn: Turn, state: AddCustomerState): Promise<DialogState | undefined> {
  const checked = check(turn, state);
  if (!checked.ok) return showStep(turn, state);
  const outcome = await turn.deps.submitter.submit(checked.request, state.cardActivityId);
  if (outcome.kind === 'domainTaken') {
    return showStep(turn, state, { review: { key: 'error.domainPrefix.taken' } });
  }
  // The request's card follows it from here: the Review card itself (creating) or the request card
  // that replaced it (waiting for approval)
  if (outcome.kind === 'creating' || outcome.kind === 'pendingApproval') return undefined;
  await showReviewAs(turn, state, { kind: 'submitted', at: turn.deps.now().toISOString() });
  return undefined;
}

/**
 * Ends the dialog and closes its card: on cancel a reviewed request keeps its card, marked cancelled;
 * otherwise the card becomes the small closed card. Returns whether a card was closed.
 */
export async function closeAddCustomer(
  turn: Turn,
  state: AddCustomerState,
  reason: 'cancelled' | 'replaced',
): Promise<boolean> {
  const kept =
    reason === 'cancelled' &&
    state.returnToReview &&
    state.cardActivityId !== undefined &&
    (await showReviewAs(turn, state, { kind: 'cancelled' }));
  return kept || closeDialogCard(turn, state, reason);
}

/** What the user entered, checked again: the account info and subscriptions a Review shows and Submit sends. */
type Checked =
  | { ok: true; request: CustomerRequest }
  | { ok: false; step: 'account'; errors: AccountErrors }
  | { ok: false; step: 'subscriptions'; errors: SubscriptionErrors };

function check(turn: Turn, state: AddCustomerState): Checked {
  const account = parseAccountInfo(turn.deps.accountInfoSchema, state.accountInput);
  if (!account.ok) return { ok: false, step: 'account', errors: account.errors };
  const subscriptions = parseSubscriptions(turn.deps.offers, state.subscriptionsInput);
  if (!subscriptions.ok) return { ok: false, step: 'subscriptions', errors: subscriptions };
  return {
    ok: true,
    request: {
      requestId: state.flowId,
      kind: 'newCustomer',
      account: account.value,
      subscriptions: subscriptions.value,
      ...requestSource(turn, state.owner.name),
    },
  };
}

async function showReviewAs(turn: Turn, state: AddCustomerState, reviewState: ReviewCardData['state']) {
  const checked = check(turn, state);
  if (!checked.ok) return false;
  await showDialogCard(turn, state, reviewCard(turn, state, checked.request, reviewState));
  return true;
}

function reviewCard(
  turn: Turn,
  state: AddCustomerState,
  request: CustomerRequest,
  reviewState: ReviewCardData['state'],
  formError?: FieldError,
) {
  return renderReviewCard({
    locale: turn.locale,
    flowId: state.flowId,
    owner: state.owner,
    account: request.account,
    subscriptions: request.subscriptions,
    offers: turn.deps.offers,
    formError,
    state: reviewState,
    maskContact: isSharedConversation(turn.context.activity.conversation.conversationType),
  });
}

/**
 * Shows the card of the state's step, with the feedback of the last press; a Review whose inputs no
 * longer pass goes back to the first card that needs correcting.
 */
async function showStep(
  turn: Turn,
  state: AddCustomerState,
  feedback: { account?: AccountErrors; subscriptions?: SubscriptionErrors; review?: FieldError } = {},
): Promise<AddCustomerState> {
  const { locale, deps } = turn;
  const common = { locale, flowId: state.flowId, owner: state.owner, returnToReview: state.returnToReview };
  switch (state.step) {
    case 'account':
      return showDialogCard(
        turn,
        state,
        renderAccountInfoCard({
          ...common,
          values: state.accountInput,
          errors: feedback.account ?? {},
          matches: state.matches,
          suggestedAddress: state.suggestedAddress,
        }),
      );
    case 'subscriptions':
      return showDialogCard(
        turn,
        state,
        renderSubscriptionsCard({
          ...common,
          offers: deps.offers,
          values: state.subscriptionsInput,
          errors: feedback.subscriptions?.errors ?? {},
          formError: feedback.subscriptions?.formError,
        }),
      );
    case 'review': {
      const checked = check(turn, state);
      if (!checked.ok && checked.step === 'account') {
        return showStep(turn, { ...state, step: 'account' }, { account: checked.errors });
      }
      if (!checked.ok)
        return showStep(turn, { ...state, step: 'subscriptions' }, { subscriptions: checked.errors });
      return showDialogCard(
        turn,
        { ...state, returnToReview: true },
        reviewCard(turn, state, checked.request, { kind: 'editing' }, feedback.review),
      );
    }
  }
}
