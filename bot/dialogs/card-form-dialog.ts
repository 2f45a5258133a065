import type { Attachment, TurnContext } from 'botbuilder';
import type { CardVerb } from '../../cards/card-verbs.js';
import { type FlowDraft, type FlowSubmit, readFlowSubmit } from './add-customer-draft.js';
import { Dialog, type DialogContext, type DialogTurnResult } from './dialogs-sdk.js';
import { showFlowCard } from './show-flow-card.js';

/** What a form does with a submit: show its card again (with errors) and wait, or finish. */
export type FormOutcome<D extends FlowDraft> =
  | { kind: 'stay'; draft: D; card: Attachment }
  | { kind: 'end'; draft: D; verb: CardVerb };

/** The result a form dialog ends with. */
export type FormResult<D extends FlowDraft> = { draft: D; verb: CardVerb };

/** One card of a dialog: how to show it and what to do with its buttons. */
export interface CardForm<D extends FlowDraft> {
  /** The verbs of this card's buttons; submits with other verbs (stale cards, duplicates) are ignored. */
  readonly verbs: readonly CardVerb[];
  render(context: TurnContext, draft: D): Attachment;
  handle(context: TurnContext, draft: D, submit: FlowSubmit): Promise<FormOutcome<D>>;
}

type FormState<D> = { draft: D };

/**
 * A dialog that shows one card and waits for one of its buttons. An invalid submit shows the card again
 * with the user's values and the errors; a repeated or stale submit (double click, Teams retry, an older
 * card) changes nothing.
 */
export class CardFormDialog<D extends FlowDraft> extends Dialog<D> {
  constructor(
    dialogId: string,
    private readonly form: CardForm<D>,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, draft?: D): Promise<DialogTurnResult> {
    if (!draft) throw new Error(`${this.id} needs the add-customer draft as its options`);
    await showFlowCard(dc.context, draft, this.form.render(dc.context, draft));
    const state: FormState<D> = { draft };
    Object.assign(dc.activeDialog?.state ?? {}, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as FormState<D>;
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
    const result: FormResult<D> = { draft: outcome.draft, verb: outcome.verb };
    return dc.endDialog(result);
  }
}
