import type { Attachment, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CardVerb } from '../../cards/card-verbs.js';
import { type AddCustomerDraft, type FlowSubmit, readFlowSubmit } from './add-customer-draft.js';
import { showFlowCard } from './show-flow-card.js';

/** What a form does with a submit: show its card again (with errors) and wait, or finish. */
export type FormOutcome =
  | { kind: 'stay'; draft: AddCustomerDraft; card: Attachment }
  | { kind: 'end'; draft: AddCustomerDraft; verb: CardVerb };

/** The result a form dialog ends with. */
export type FormResult = { draft: AddCustomerDraft; verb: CardVerb };

/** One card of the add-customer dialog: how to show it and what to do with its buttons. */
export interface CardForm {
  /** The verbs of this card's buttons; submits with other verbs (stale cards, duplicates) are ignored. */
  readonly verbs: readonly CardVerb[];
  render(context: TurnContext, draft: AddCustomerDraft): Attachment;
  handle(context: TurnContext, draft: AddCustomerDraft, submit: FlowSubmit): Promise<FormOutcome>;
}

type FormState = { draft: AddCustomerDraft };

/**
 * A dialog that shows one card and waits for one of its buttons. An invalid submit shows the card again
 * with the user's values and the errors; a repeated or stale submit (double click, Teams retry, an older
 * card) changes nothing.
 */
export class CardFormDialog extends Dialog<AddCustomerDraft> {
  constructor(
    dialogId: string,
    private readonly form: CardForm,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, draft?: AddCustomerDraft): Promise<DialogTurnResult> {
    if (!draft) throw new Error(`${this.id} needs the add-customer draft as its options`);
    await showFlowCard(dc.context, draft, this.form.render(dc.context, draft));
    const state: FormState = { draft };
    Object.assign(dc.activeDialog?.state ?? {}, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as FormState;
    const submit = readFlowSubmit(dc.context.activity.value);
    if (!submit || submit.flowId !== state.draft.flowId || !this.form.verbs.includes(submit.verb)) {
      return Dialog.EndOfTurn;
    }
    const outcome = await this.form.handle(dc.context, state.draft, submit);
    state.draft = outcome.draft;
    if (outcome.kind === 'stay') {
      await showFlowCard(dc.context, outcome.draft, outcome.card);
      return Dialog.EndOfTurn;
    }
    const result: FormResult = { draft: outcome.draft, verb: outcome.verb };
    return dc.endDialog(result);
  }
}
