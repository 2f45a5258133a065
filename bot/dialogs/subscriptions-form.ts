import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import type { FieldError } from '../customers/account-info-schema.js';
import type { Offer } from '../customers/offer-catalog.js';
import { parseSubscriptions, pickSubscriptionsInput } from '../customers/parse-subscriptions.js';
import { pickLocale } from '../i18n/translate.js';
import type { AddCustomerDraft, FlowSubmit } from './add-customer-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';

/** Step 2: a license count per offer of the catalog, at least one offer. Back keeps what was typed. */
export class SubscriptionsForm implements CardForm {
  readonly verbs = [CARD_VERBS.subscriptionsNext, CARD_VERBS.subscriptionsBack];

  constructor(private readonly offers: readonly Offer[]) {}

  render(
    context: TurnContext,
    draft: AddCustomerDraft,
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
    });
  }

  async handle(context: TurnContext, draft: AddCustomerDraft, submit: FlowSubmit): Promise<FormOutcome> {
    const typed = { ...draft, subscriptionsInput: pickSubscriptionsInput(this.offers, submit.values) };
    if (submit.verb === CARD_VERBS.subscriptionsBack) return { kind: 'end', draft: typed, verb: submit.verb };
    const parsed = parseSubscriptions(this.offers, typed.subscriptionsInput);
    if (!parsed.ok) return { kind: 'stay', draft: typed, card: this.render(context, typed, parsed) };
    return { kind: 'end', draft: { ...typed, subscriptions: parsed.value }, verb: submit.verb };
  }
}
