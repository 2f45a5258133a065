import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type { createAccountInfoSchema } from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import type { RequestSubmitter } from '../provisioning/request-submitter.js';
import { AccountInfoForm } from './account-info-form.js';
import type { AddCustomerDraft, AddCustomerOptions } from './add-customer-draft.js';
import { CardFormDialog, type FormResult } from './card-form-dialog.js';
import { DIALOG_IDS } from './dialog-ids.js';
import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from './dialogs-sdk.js';
import { ReviewForm } from './review-form.js';
import { replaceFlowCardWithText, showFlowCard } from './show-flow-card.js';
import { SubscriptionsForm } from './subscriptions-form.js';

/** What the add-customer dialog needs from the rest of the bot. */
export type AddCustomerDialogDeps = {
  accountInfoSchema: ReturnType<typeof createAccountInfoSchema>;
  store: CustomerStore;
  offers: readonly Offer[];
  submitter: RequestSubmitter;
  now: () => Date;
  resellerInviteUrl?: string;
};

/** What the dialog ends with when the user chose to add subscriptions to an existing customer instead. */
export type SwitchToAddSubscription = { switchToCustomerId: string; cardActivityId?: string };

type Steps = WaterfallStepContext<AddCustomerOptions> & { values: { draft: AddCustomerDraft } };

/**
 * The add-customer conversation: Account info → Subscriptions → Review → Submit, one card updated in
 * place. Update on Review goes to that card with its values and comes straight back to Review.
 */
export class AddCustomerDialog extends ComponentDialog {
  constructor(private readonly deps: AddCustomerDialogDeps) {
    super(DIALOG_IDS.addCustomer);
    this.addDialog(
      new CardFormDialog(
        DIALOG_IDS.accountInfoForm,
        new AccountInfoForm(deps.accountInfoSchema, deps.store, deps.resellerInviteUrl),
      ),
    );
    this.addDialog(new CardFormDialog(DIALOG_IDS.subscriptionsForm, new SubscriptionsForm(deps.offers)));
    this.addDialog(
      new CardFormDialog(DIALOG_IDS.reviewForm, new ReviewForm(deps.offers, deps.submitter, deps.now)),
    );
    this.addDialog(
      new WaterfallDialog<AddCustomerOptions>(DIALOG_IDS.addCustomerSteps, [
        (step) => this.askAccountInfoStep(step as Steps),
        (step) => this.askSubscriptionsStep(step as Steps),
        (step) => this.reviewStep(step as Steps),
        (step) => this.finishStep(step as Steps),
      ]),
    );
    this.initialDialogId = DIALOG_IDS.addCustomerSteps;
  }

  private async askAccountInfoStep(step: Steps): Promise<DialogTurnResult> {
    step.values.draft = step.options.draft;
    if (step.options.startAt !== 'account') return step.next();
    return step.beginDialog(DIALOG_IDS.accountInfoForm, step.values.draft);
  }

  private async askSubscriptionsStep(step: Steps): Promise<DialogTurnResult> {
    const result = step.result as FormResult<AddCustomerDraft> | undefined;
    if (result) {
      step.values.draft = result.draft;
      if (result.verb === CARD_VERBS.accountCancel) return this.cancel(step);
      if (result.verb === CARD_VERBS.accountAddSubscription) {
        const handOver: SwitchToAddSubscription = {
          switchToCustomerId: result.draft.switchToCustomerId ?? '',
          cardActivityId: result.draft.cardActivityId,
        };
        return step.endDialog(handOver);
      }
    }
    const { startAt } = step.options;
    if (startAt === 'review' || (startAt === 'account' && step.values.draft.returnToReview))
      return step.next();
    return step.beginDialog(DIALOG_IDS.subscriptionsForm, step.values.draft);
  }

  private async reviewStep(step: Steps): Promise<DialogTurnResult> {
    const result = step.result as FormResult<AddCustomerDraft> | undefined;
    if (result) {
      step.values.draft = result.draft;
      if (result.verb === CARD_VERBS.subscriptionsBack) return this.restartAt(step, 'account');
    }
    const draft = { ...step.values.draft, returnToReview: true };
    return step.beginDialog(DIALOG_IDS.reviewForm, draft);
  }

  private async finishStep(step: Steps): Promise<DialogTurnResult> {
    const { draft, verb } = step.result as FormResult<AddCustomerDraft>;
    step.values.draft = draft;
    switch (verb) {
      case CARD_VERBS.reviewUpdateAccount:
        return this.restartAt(step, 'account');
      case CARD_VERBS.reviewUpdateSubscriptions:
        return this.restartAt(step, 'subscriptions');
      case CARD_VERBS.reviewSubmit:
        await this.showReviewAs(step, {
          kind: draft.submission === 'pendingApproval' ? 'pending' : 'submitted',
          at: this.deps.now().toISOString(),
        });
        return step.endDialog();
      default:
        return this.cancel(step);
    }
  }

  private restartAt(step: Steps, startAt: AddCustomerOptions['startAt']): Promise<DialogTurnResult> {
    const options: AddCustomerOptions = { draft: step.values.draft, startAt };
    return step.replaceDialog(DIALOG_IDS.addCustomerSteps, options);
  }

  private async cancel(step: Steps): Promise<DialogTurnResult> {
    const { draft } = step.values;
    const t = translator(pickLocale(step.context.activity.locale));
    if (draft.account && draft.subscriptions) {
      await this.showReviewAs(step, { kind: 'cancelled' });
    } else {
      await replaceFlowCardWithText(step.context, draft, t('flow.cancelled'));
    }
    return step.endDialog();
  }

  private async showReviewAs(step: Steps, state: ReviewCardData['state']) {
    const { draft } = step.values;
    if (!draft.account || !draft.subscriptions) return;
    const card = renderReviewCard({
      locale: pickLocale(step.context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      account: draft.account,
      subscriptions: draft.subscriptions,
      offers: this.deps.offers,
      state,
    });
    await showFlowCard(step.context, draft, card);
  }
}
