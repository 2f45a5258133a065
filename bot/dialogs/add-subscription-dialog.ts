import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { ReviewCardData } from '../../cards/review.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import type { RequestSubmitter } from '../provisioning/request-submitter.js';
import type { AddSubscriptionDraft, AddSubscriptionOptions } from './add-subscription-draft.js';
import { CardFormDialog, type FormResult } from './card-form-dialog.js';
import { DIALOG_IDS } from './dialog-ids.js';
import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from './dialogs-sdk.js';
import { PickCustomerForm } from './pick-customer-form.js';
import { replaceFlowCardWithText, showFlowCard } from './show-flow-card.js';
import { SubscriptionReviewForm } from './subscription-review-form.js';
import { SubscriptionsForm } from './subscriptions-form.js';

/** What the add-subscription dialog needs from the rest of the bot. */
export type AddSubscriptionDialogDeps = {
  store: CustomerStore;
  offers: readonly Offer[];
  submitter: RequestSubmitter;
  now: () => Date;
};

type Steps = WaterfallStepContext<AddSubscriptionOptions> & { values: { draft: AddSubscriptionDraft } };
type Result = FormResult<AddSubscriptionDraft> | undefined;

/**
 * Partner Center's "Add subscription" as a conversation: choose the customer → Subscriptions (its
 * current licenses count against each maximum) → Review → Submit, with approval when configured.
 */
export class AddSubscriptionDialog extends ComponentDialog {
  constructor(private readonly deps: AddSubscriptionDialogDeps) {
    super(DIALOG_IDS.addSubscription);
    this.addDialog(new CardFormDialog(DIALOG_IDS.pickCustomerForm, new PickCustomerForm(deps.store)));
    this.addDialog(
      new CardFormDialog(
        DIALOG_IDS.addSubscriptionsForm,
        new SubscriptionsForm<AddSubscriptionDraft>(deps.offers),
      ),
    );
    this.addDialog(
      new CardFormDialog(
        DIALOG_IDS.subscriptionReviewForm,
        new SubscriptionReviewForm(deps.store, deps.offers, deps.submitter, deps.now),
      ),
    );
    this.addDialog(
      new WaterfallDialog<AddSubscriptionOptions>(DIALOG_IDS.addSubscriptionSteps, [
        (step) => this.pickCustomerStep(step as Steps),
        (step) => this.askSubscriptionsStep(step as Steps),
        (step) => this.reviewStep(step as Steps),
        (step) => this.finishStep(step as Steps),
      ]),
    );
    this.initialDialogId = DIALOG_IDS.addSubscriptionSteps;
  }

  private async pickCustomerStep(step: Steps): Promise<DialogTurnResult> {
    step.values.draft = step.options.draft;
    if (step.options.startAt !== 'customer') return step.next();
    return step.beginDialog(DIALOG_IDS.pickCustomerForm, step.values.draft);
  }

  private async askSubscriptionsStep(step: Steps): Promise<DialogTurnResult> {
    const result = step.result as Result;
    if (result) {
      step.values.draft = result.draft;
      if (result.verb === CARD_VERBS.pickCustomerCancel) return this.cancel(step);
    }
    return step.beginDialog(DIALOG_IDS.addSubscriptionsForm, step.values.draft);
  }

  private async reviewStep(step: Steps): Promise<DialogTurnResult> {
    const result = step.result as Result;
    if (result) {
      step.values.draft = result.draft;
      if (result.verb === CARD_VERBS.subscriptionsBack) {
        return this.restartAt(step, 'customer', { ...result.draft, returnToReview: false });
      }
    }
    return step.beginDialog(DIALOG_IDS.subscriptionReviewForm, {
      ...step.values.draft,
      returnToReview: true,
    });
  }

  private async finishStep(step: Steps): Promise<DialogTurnResult> {
    const { draft, verb } = step.result as FormResult<AddSubscriptionDraft>;
    step.values.draft = draft;
    if (verb === CARD_VERBS.reviewUpdateSubscriptions) return this.restartAt(step, 'subscriptions', draft);
    if (verb !== CARD_VERBS.reviewSubmit) return this.cancel(step);
    const at = this.deps.now().toISOString();
    const state: ReviewCardData['state'] =
      draft.submission === 'pendingApproval' ? { kind: 'pending', at } : { kind: 'submitted', at };
    await showFlowCard(
      step.context,
      draft,
      SubscriptionReviewForm.card(step.context, draft, this.deps.offers, state),
    );
    return step.endDialog();
  }

  private restartAt(step: Steps, startAt: AddSubscriptionOptions['startAt'], draft: AddSubscriptionDraft) {
    const options: AddSubscriptionOptions = { draft, startAt };
    return step.replaceDialog(DIALOG_IDS.addSubscriptionSteps, options);
  }

  private async cancel(step: Steps): Promise<DialogTurnResult> {
    const t = translator(pickLocale(step.context.activity.locale));
    await replaceFlowCardWithText(step.context, step.values.draft, t('flow.cancelled'));
    return step.endDialog();
  }
}
