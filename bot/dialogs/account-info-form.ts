import type { TurnContext } from 'botbuilder';
import { renderAccountInfoCard } from '../../cards/account-info.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type {
  AccountInfoField,
  createAccountInfoSchema,
  FieldError,
} from '../customers/account-info-schema.js';
import { parseAccountInfo, pickAccountInfoInput } from '../customers/parse-account-info.js';
import { pickLocale } from '../i18n/translate.js';
import type { AddCustomerDraft, FlowSubmit } from './add-customer-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';

/** Step 1: company details and primary contact, validated on the server, domain checked for availability. */
export class AccountInfoForm implements CardForm {
  readonly verbs = [CARD_VERBS.accountNext, CARD_VERBS.accountCancel];

  constructor(
    private readonly schema: ReturnType<typeof createAccountInfoSchema>,
    private readonly store: CustomerStore,
  ) {}

  render(
    context: TurnContext,
    draft: AddCustomerDraft,
    errors: Partial<Record<AccountInfoField, FieldError>> = {},
  ) {
    return renderAccountInfoCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      values: draft.accountInput,
      errors,
      returnToReview: draft.returnToReview,
    });
  }

  async handle(context: TurnContext, draft: AddCustomerDraft, submit: FlowSubmit): Promise<FormOutcome> {
    if (submit.verb === CARD_VERBS.accountCancel) return { kind: 'end', draft, verb: submit.verb };
    const typed = { ...draft, accountInput: pickAccountInfoInput(submit.values) };
    const parsed = parseAccountInfo(this.schema, typed.accountInput);
    if (!parsed.ok) return { kind: 'stay', draft: typed, card: this.render(context, typed, parsed.errors) };
    const keepsOwnDomain = draft.account?.domainPrefix === parsed.value.domainPrefix;
    if (!keepsOwnDomain && (await this.store.isDomainTaken(parsed.value.domainPrefix))) {
      const errors = { domainPrefix: { key: 'error.domainPrefix.taken' } } as const;
      return { kind: 'stay', draft: typed, card: this.render(context, typed, errors) };
    }
    return { kind: 'end', draft: { ...typed, account: parsed.value }, verb: submit.verb };
  }
}
