import type { TurnContext } from 'botbuilder';
import { type CustomerMatch, renderAccountInfoCard } from '../../cards/account-info.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderResellerRelationshipCard } from '../../cards/reseller-relationship.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type {
  AccountInfo,
  AccountInfoField,
  createAccountInfoSchema,
  FieldError,
} from '../../store/customers/account-info-schema.js';
import { parseAccountInfo, pickAccountInfoInput } from '../../store/customers/parse-account-info.js';
import { pickLocale } from '../../store/i18n/translate.js';
import type { AddCustomerDraft, FlowSubmit } from './add-customer-draft.js';
import type { CardForm, FormOutcome } from './card-form-dialog.js';

type Outcome = FormOutcome<AddCustomerDraft>;
type Errors = Partial<Record<AccountInfoField, FieldError>>;

/**
 * Step 1: company details and primary contact, validated on the server, the domain checked for
 * availability. When the company looks like an existing customer, the card says so and offers Add
 * subscription, a reseller relationship request, or to continue with a different company.
 */
export class AccountInfoForm implements CardForm<AddCustomerDraft> {
  readonly verbs = [
    CARD_VERBS.accountNext,
    CARD_VERBS.accountCancel,
    CARD_VERBS.accountContinue,
    CARD_VERBS.accountAddSubscription,
    CARD_VERBS.accountReseller,
  ];

  constructor(
    private readonly schema: ReturnType<typeof createAccountInfoSchema>,
    private readonly store: CustomerStore,
    private readonly resellerInviteUrl: string | undefined,
  ) {}

  render(context: TurnContext, draft: AddCustomerDraft, errors: Errors = {}) {
    return renderAccountInfoCard({
      locale: pickLocale(context.activity.locale),
      flowId: draft.flowId,
      owner: draft.owner,
      values: draft.accountInput,
      errors,
      returnToReview: draft.returnToReview,
      matches: draft.matches,
    });
  }

  async handle(context: TurnContext, draft: AddCustomerDraft, submit: FlowSubmit): Promise<Outcome> {
    switch (submit.verb) {
      case CARD_VERBS.accountAddSubscription: {
        const customerId = submit.values.customerId;
        const match = draft.matches?.find((candidate) => candidate.customerId === customerId);
        if (!match) return { kind: 'stay', draft, card: this.render(context, draft) };
        return { kind: 'end', draft: { ...draft, switchToCustomerId: match.customerId }, verb: submit.verb };
      }
      case CARD_VERBS.accountReseller: {
        const card = renderResellerRelationshipCard({
          locale: pickLocale(context.activity.locale),
          companyName: draft.accountInput.companyName ?? '',
          inviteUrl: this.resellerInviteUrl,
        });
        await context.sendActivity({ attachments: [card] });
        return { kind: 'stay', draft, card: this.render(context, draft) };
      }
      case CARD_VERBS.accountNext:
      case CARD_VERBS.accountContinue:
        return this.check(context, draft, submit);
      default:
        return { kind: 'end', draft, verb: submit.verb };
    }
  }

  private async check(context: TurnContext, draft: AddCustomerDraft, submit: FlowSubmit): Promise<Outcome> {
    const dismissed =
      submit.verb === CARD_VERBS.accountContinue
        ? [...(draft.dismissedMatchIds ?? []), ...(draft.matches ?? []).map((match) => match.customerId)]
        : (draft.dismissedMatchIds ?? []);
    const typed: AddCustomerDraft = {
      ...draft,
      accountInput: pickAccountInfoInput(submit.values),
      matches: undefined,
      dismissedMatchIds: dismissed,
    };
    const parsed = parseAccountInfo(this.schema, typed.accountInput);
    if (!parsed.ok) return { kind: 'stay', draft: typed, card: this.render(context, typed, parsed.errors) };
    const account = parsed.value;
    const keepsOwnDomain = draft.account?.domainPrefix === account.domainPrefix;
    const domainTaken = !keepsOwnDomain && (await this.store.isDomainTaken(account.domainPrefix));
    const matches = (await this.findMatches(account)).filter(
      (match) => !dismissed.includes(match.customerId),
    );
    if (domainTaken || matches.length > 0) {
      const withMatches = { ...typed, matches };
      const errors: Errors = domainTaken ? { domainPrefix: { key: 'error.domainPrefix.taken' } } : {};
      return { kind: 'stay', draft: withMatches, card: this.render(context, withMatches, errors) };
    }
    return { kind: 'end', draft: { ...typed, account }, verb: CARD_VERBS.accountNext };
  }

  private async findMatches(account: AccountInfo): Promise<CustomerMatch[]> {
    const customers = await this.store.findMatchingCustomers({
      domainPrefix: account.domainPrefix,
      companyName: account.companyName,
      contactEmail: account.contactEmail,
    });
    return customers.map((customer) => ({
      customerId: customer.id,
      companyName: customer.companyName,
      domain: customer.domain,
      createdBy: customer.createdBy.name,
    }));
  }
}
