import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { accountInfoOf } from '../../store/customers/account-info-of.js';
import type { FieldError } from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import { pickLocale } from '../../store/i18n/translate.js';
import type { RequestSubmitter } from '../provisioning/request-submitter.js';
import type { FlowSubmit } from './add-customer-draft.js';
import type { AddSubscriptionDraft } from './add-subscription-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';
import { requestOrigin } from './request-origin.js';
import { requesterOf } from './requester-of.js';

/** Last step of adding subscriptions: the customer, what it has and what is added; Submit hands it on. */
export class SubscriptionReviewForm implements CardForm<AddSubscriptionDraft> {
  readonly verbs = [CARD_VERBS.reviewSubmit, CARD_VERBS.reviewUpdateSubscriptions, CARD_VERBS.reviewCancel];

  constructor(
    private readonly store: CustomerStore,
    private readonly offers: readonly Offer[],
    private readonly submitter: RequestSubmitter,
    private readonly now: () => Date,
  ) {}

  /** The review card of an add-subscription draft, in any state (also used once the dialog ends). */
  static card(
    context: TurnContext,
    draft: AddSubscriptionDraft,
    offers: readonly Offer[],
    state: ReviewCardData['state'],
    formError?: FieldError,
  ) {
    const customer = {
      companyName: draft.customerName ?? '',
      domain: draft.domain ?? '',
      subscriptions: draft.existingSubscriptions ?? [],
    };
    return renderReviewCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      account: undefined,
      subscriptions: draft.subscriptions ?? [],
      offers,
      state,
      formError,
      existingCustomer: customer,
    });
  }

  render(context: TurnContext, draft: AddSubscriptionDraft) {
    return SubscriptionReviewForm.card(context, draft, this.offers, { kind: 'editing' });
  }

  async handle(
    context: TurnContext,
    draft: AddSubscriptionDraft,
    submit: FlowSubmit,
  ): Promise<FormOutcome<AddSubscriptionDraft>> {
    if (submit.verb !== CARD_VERBS.reviewSubmit) return { kind: 'end', draft, verb: submit.verb };
    const customer = draft.customerId ? await this.store.findById(draft.customerId) : undefined;
    if (!customer || !draft.subscriptions)
      throw new Error(`add-subscription review without a customer or lines`);
    const { activity } = context;
    const outcome = await this.submitter.submit({
      requestId: draft.flowId,
      kind: 'addSubscriptions',
      customerId: customer.id,
      locale: pickLocale(activity.locale),
      account: accountInfoOf(customer),
      subscriptions: draft.subscriptions,
      requester: requesterOf(activity, draft.owner.name),
      origin: requestOrigin(activity),
      requestedAt: this.now().toISOString(),
    });
    if (outcome.kind === 'limitExceeded') {
      const current = {
        ...draft,
        existingSubscriptions: customer.subscriptions.map((line) => ({ ...line })),
      };
      const card = SubscriptionReviewForm.card(
        context,
        current,
        this.offers,
        { kind: 'editing' },
        {
          key: 'error.offers.limit',
        },
      );
      return { kind: 'stay', draft: current, card };
    }
    const submission = outcome.kind === 'pendingApproval' ? 'pendingApproval' : 'created';
    return { kind: 'end', draft: { ...draft, submission }, verb: submit.verb };
  }
}
