import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import type { FieldError } from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import {
  parseSubscriptions,
  pickSubscriptionsInput,
  type SubscriptionLine,
  type SubscriptionsInput,
} from '../../store/customers/parse-subscriptions.js';
import { pickLocale } from '../../store/i18n/translate.js';
import type { FlowDraft, FlowSubmit } from './add-customer-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';

/** What the Subscriptions card needs from a dialog's draft. */
export type SubscriptionsDraft = FlowDraft & {
  subscriptionsInput: SubscriptionsInput;
  subscriptions?: SubscriptionLine[];
  returnToReview: boolean;
  /** For an existing customer: what it has already, counted against each offer's maximum. */
  existingSubscriptions?: SubscriptionLine[];
  /** For an existing customer: its name, shown in the card's title. */
  customerName?: string;
};

/**
 * Step 2 (of adding a customer or adding subscriptions): a license count per offer of the catalog,
 * at least one offer. For an existing customer, its current licenses count against each maximum.
 * Back keeps what was typed.
 */
export class SubscriptionsForm<D extends SubscriptionsDraft> implements CardForm<D> {
  readonly verbs = [CARD_VERBS.subscriptionsNext, CARD_VERBS.subscriptionsBack];

  constructor(private readonly offers: readonly Offer[]) {}

  render(
    context: TurnContext,
    draft: D,
    feedback: { errors: Record<string, FieldError>; formError?: FieldError } = { errors: {} },
  ) {
    return renderSubscriptionsCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      offers: this.offers,
      values: draft.subscriptionsInput,
      errors: feedback.errors,
      formError: feedback.formError,
      returnToReview: draft.returnToReview,
      existing: draft.existingSubscriptions,
      customerName: draft.customerName,
    });
  }

  async handle(context: TurnContext, draft: D, submit: FlowSubmit): Promise<FormOutcome<D>> {
    const typed = { ...draft, subscriptionsInput: pickSubscriptionsInput(this.offers, submit.values) };
    if (submit.verb === CARD_VERBS.subscriptionsBack) return { kind: 'end', draft: typed, verb: submit.verb };
    const parsed = parseSubscriptions(this.offers, typed.subscriptionsInput, draft.existingSubscriptions);
    if (!parsed.ok) return { kind: 'stay', draft: typed, card: this.render(context, typed, parsed) };
    return { kind: 'end', draft: { ...typed, subscriptions: parsed.value }, verb: submit.verb };
  }
}
