import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderReviewCard } from '../../cards/review.js';
import type { CustomerRequest } from '../../store/customer-schema.js';
import type { FieldError } from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import { pickLocale } from '../../store/i18n/translate.js';
import type { RequestSubmitter } from '../provisioning/request-submitter.js';
import type { AddCustomerDraft, FlowSubmit } from './add-customer-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';
import { requestOrigin } from './request-origin.js';
import { requesterOf } from './requester-of.js';

/** Step 3: everything entered, read-only; Update goes back to a card, Submit hands the request on. */
export class ReviewForm implements CardForm<AddCustomerDraft> {
  readonly verbs = [
    CARD_VERBS.reviewSubmit,
    CARD_VERBS.reviewUpdateAccount,
    CARD_VERBS.reviewUpdateSubscriptions,
    CARD_VERBS.reviewCancel,
  ];

  constructor(
    private readonly offers: readonly Offer[],
    private readonly submitter: RequestSubmitter,
    private readonly now: () => Date,
  ) {}

  render(context: TurnContext, draft: AddCustomerDraft, formError?: FieldError) {
    const { account, subscriptions } = completeParts(draft);
    return renderReviewCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      account,
      subscriptions,
      offers: this.offers,
      formError,
      state: { kind: 'editing' },
    });
  }

  async handle(
    context: TurnContext,
    draft: AddCustomerDraft,
    submit: FlowSubmit,
  ): Promise<FormOutcome<AddCustomerDraft>> {
    if (submit.verb !== CARD_VERBS.reviewSubmit) return { kind: 'end', draft, verb: submit.verb };
    const outcome = await this.submitter.submit(this.requestFrom(context, draft));
    if (outcome.kind === 'domainTaken') {
      return { kind: 'stay', draft, card: this.render(context, draft, { key: 'error.domainPrefix.taken' }) };
    }
    const submission = outcome.kind === 'pendingApproval' ? 'pendingApproval' : 'created';
    return { kind: 'end', draft: { ...draft, submission }, verb: submit.verb };
  }

  private requestFrom(context: TurnContext, draft: AddCustomerDraft): CustomerRequest {
    const { activity } = context;
    const { account, subscriptions } = completeParts(draft);
    return {
      requestId: draft.flowId,
      kind: 'newCustomer',
      locale: pickLocale(activity.locale),
      account,
      subscriptions,
      requester: requesterOf(activity, draft.owner.name),
      origin: requestOrigin(activity),
      requestedAt: this.now().toISOString(),
    };
  }
}

function completeParts(draft: AddCustomerDraft) {
  if (!draft.account || !draft.subscriptions) {
    throw new Error('Review was reached without complete account info and subscriptions');
  }
  return { account: draft.account, subscriptions: draft.subscriptions };
}
