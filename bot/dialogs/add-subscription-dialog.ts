import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type CustomerChoice, renderPickCustomerCard } from '../../cards/pick-customer.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import type { Customer } from '../../store/customer-schema.js';
import { accountInfoOf } from '../../store/customers/account-info-of.js';
import type { FieldError } from '../../store/customers/account-info-schema.js';
import { parseSubscriptions, pickSubscriptionsInput } from '../../store/customers/parse-subscriptions.js';
import type { Turn } from '../bot-deps.js';
import { isSharedConversation } from '../messaging/is-shared-conversation.js';
import type { DialogAction } from '../routing/card-action.js';
import type { AddSubscriptionState, DialogState } from './dialog-state.js';
import { requestSource } from './request-source.js';
import { closeDialogCard, showDialogCard } from './show-dialog-card.js';

/** How many customers the picker offers at once. */
const CHOICES = 10;

type Feedback = {
  chooseError?: boolean;
  subscriptions?: { errors: Record<string, FieldError>; formError?: FieldError };
  review?: FieldError;
};

/**
 * Starts Partner Center's "Add subscription" as a dialog: at the customer picker, or, when the customer
 * is already known (chosen on the account card), straight at Subscriptions, reusing that card.
 */
export async function beginAddSubscription(
  turn: Turn,
  preselected?: { customerId: string; cardActivityId?: string },
): Promise<DialogState> {
  const customer = preselected ? await turn.deps.store.findById(preselected.customerId) : undefined;
  const state: AddSubscriptionState = {
    kind: 'addSubscription',
    step: customer ? 'subscriptions' : 'customer',
    flowId: turn.deps.newId(),
    owner: turn.user,
    cardActivityId: preselected?.cardActivityId,
    query: '',
    choices: await searchChoices(turn, '', customer),
    customerId: customer?.id,
    subscriptionsInput: {},
    returnToReview: false,
  };
  return showStep(turn, state, customer);
}

/**
 * Choose the customer → Subscriptions (its current licenses count against each maximum) → Review →
 * Submit, with approval when configured. Returns the state to keep, or undefined once it has ended.
 */
export async function continueAddSubscription(
  turn: Turn,
  state: AddSubscriptionState,
  action: DialogAction,
): Promise<DialogState | undefined> {
  const customer = state.customerId ? await turn.deps.store.findById(state.customerId) : undefined;
  switch (`${state.step} ${action.verb}`) {
    case `customer ${CARD_VERBS.pickCustomerSearch}`: {
      const query = typeof action.customerQuery === 'string' ? action.customerQuery.trim().slice(0, 100) : '';
      const choices = await searchChoices(turn, query);
      return showStep(turn, { ...state, query, choices, customerId: undefined });
    }
    case `customer ${CARD_VERBS.pickCustomerNext}`: {
      const chosen = state.choices.some((choice) => choice.customerId === action.customerId)
        ? await turn.deps.store.findById(String(action.customerId))
        : undefined;
      if (!chosen) return showStep(turn, state, undefined, { chooseError: true });
      return showStep(turn, { ...state, step: 'subscriptions', customerId: chosen.id }, chosen);
    }
    case `subscriptions ${CARD_VERBS.subscriptionsBack}`:
      return showStep(turn, {
        ...typedSubscriptions(turn, state, action),
        step: 'customer',
        returnToReview: false,
      });
    case `subscriptions ${CARD_VERBS.subscriptionsNext}`: {
      const typed = typedSubscriptions(turn, state, action);
      const parsed = parseSubscriptions(turn.deps.offers, typed.subscriptionsInput, customer?.subscriptions);
      if (!parsed.ok) return showStep(turn, typed, customer, { subscriptions: parsed });
      return showStep(turn, { ...typed, step: 'review', returnToReview: true }, customer);
    }
    case `review ${CARD_VERBS.reviewUpdateSubscriptions}`:
      return showStep(turn, { ...state, step: 'subscriptions' }, customer);
    case `review ${CARD_VERBS.reviewSubmit}`:
      return customer ? submit(turn, state, customer) : state;
    case `customer ${CARD_VERBS.pickCustomerCancel}`:
    case `review ${CARD_VERBS.reviewCancel}`:
      if (!(await closeDialogCard(turn, state, 'cancelled')))
        await turn.context.sendActivity(turn.t('flow.cancelled'));
      return undefined;
    default:
      return state;
  }
}

function typedSubscriptions(
  turn: Turn,
  state: AddSubscriptionState,
  action: DialogAction,
): AddSubscriptionState {
  return { ...state, subscriptionsInput: pickSubscriptionsInput(turn.deps.offers, action) };
}

/** Submit: the licenses' maximums are checked by fulfilment against the counts the customer has by then. */
async function submit(turn: Turn, state: AddSubscriptionState, customer: Customer) {
  const lines = parseSubscriptions(turn.deps.offers, state.subscriptionsInput);
  if (!lines.ok)
    return showStep(turn, { ...state, step: 'subscriptions' }, customer, { subscriptions: lines });
  const outcome = await turn.deps.submitter.submit(
    {
      requestId: state.flowId,
      kind: 'addSubscriptions',
      customerId: customer.id,
      account: accountInfoOf(customer),
      subscriptions: lines.value,
      ...requestSource(turn, state.owner.name),
    },
    state.cardActivityId,
  );
  if (outcome.kind === 'limitExceeded') {
    const current = (await turn.deps.store.findById(customer.id)) ?? customer;
    return showStep(turn, state, current, { review: { key: 'error.offers.limit' } });
  }
  // A request waiting for approval has turned the Review card into its request card
  if (outcome.kind === 'pendingApproval') return undefined;
  const submitted = { kind: 'submitted' as const, at: turn.deps.now().toISOString() };
  await showDialogCard(turn, state, reviewCard(turn, state, customer, submitted));
  return undefined;
}

/** The newest customers matching `query` as picker choices, with `customer` first if it is not among them. */
async function searchChoices(turn: Turn, query: string, customer?: Customer): Promise<CustomerChoice[]> {
  const page = await turn.deps.store.searchCustomers({ query, offset: 0, limit: CHOICES });
  const choices = page.customers.map(choiceOf);
  if (!customer || choices.some((choice) => choice.customerId === customer.id)) return choices;
  return [choiceOf(customer), ...choices];
}

function choiceOf(customer: Customer): CustomerChoice {
  return { customerId: customer.id, companyName: customer.companyName, domain: customer.domain };
}

function reviewCard(
  turn: Turn,
  state: AddSubscriptionState,
  customer: Customer,
  reviewState: ReviewCardData['state'],
  formError?: FieldError,
) {
  const lines = parseSubscriptions(turn.deps.offers, state.subscriptionsInput);
  return renderReviewCard({
    locale: turn.locale,
    flowId: state.flowId,
    owner: state.owner,
    account: undefined,
    subscriptions: lines.ok ? lines.value : [],
    offers: turn.deps.offers,
    state: reviewState,
    formError,
    maskContact: isSharedConversation(turn.context.activity.conversation.conversationType),
    existingCustomer: {
      companyName: customer.companyName,
      domain: customer.domain,
      subscriptions: customer.subscriptions,
    },
  });
}

async function showStep(
  turn: Turn,
  state: AddSubscriptionState,
  customer?: Customer,
  feedback: Feedback = {},
): Promise<AddSubscriptionState> {
  const common = { locale: turn.locale, flowId: state.flowId, owner: state.owner };
  if (state.step === 'customer' || !customer) {
    const card = renderPickCustomerCard({
      ...common,
      query: state.query,
      choices: state.choices,
      chosenId: state.customerId,
      chooseError: feedback.chooseError ?? false,
    });
    return showDialogCard(turn, { ...state, step: 'customer' }, card);
  }
  if (state.step === 'subscriptions') {
    const card = renderSubscriptionsCard({
      ...common,
      offers: turn.deps.offers,
      values: state.subscriptionsInput,
      errors: feedback.subscriptions?.errors ?? {},
      formError: feedback.subscriptions?.formError,
      returnToReview: state.returnToReview,
      existing: customer.subscriptions,
      customerName: customer.companyName,
    });
    return showDialogCard(turn, state, card);
  }
  return showDialogCard(turn, state, reviewCard(turn, state, customer, { kind: 'editing' }, feedback.review));
}
