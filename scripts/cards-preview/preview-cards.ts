import type { Attachment } from 'botbuilder';
import { renderAccountInfoCard } from '../../cards/account-info.js';
import { renderApprovalCard } from '../../cards/approval.js';
import { renderCredentialsCard, renderCredentialsDoneCard } from '../../cards/credentials.js';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import { renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import { renderHelpCard } from '../../cards/help.js';
import { renderResellerRelationshipCard } from '../../cards/reseller-relationship.js';
import { renderReviewCard } from '../../cards/review.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { AccountInfoInput } from '../../store/customers/account-info-schema.js';
import { createAccountInfoSchema } from '../../store/customers/account-info-schema.js';
import { parseAccountInfo } from '../../store/customers/parse-account-info.js';
import type { Locale } from '../../store/i18n/translate.js';
import { FLOW_ID, OFFERS, OWNER } from '../../test/cards/sample-card-data.js';
import {
  ACCOUNT_INPUT,
  approvalRequest,
  customerRequest,
  parsedAccount,
  SUBSCRIPTIONS,
  sampleCustomer,
} from '../../test/fixtures/customers.js';

/** A card to picture in `docs/cards/<name>.<locale>.png`, rendered from deterministic sample data. */
export type PreviewCard = { name: string; render: (locale: Locale) => Attachment };

/** Account info as typed, with one mistake: a five-digit postal code. */
const TYPED_ACCOUNT: AccountInfoInput = { ...ACCOUNT_INPUT, contactFirstName: 'Fang', postalCode: '51800' };

/** Looks like a generated temporary password (16 characters of every class) but says it is not one. */
const SAMPLE_PASSWORD = 'FakeTemp@Pass987';

/** The customer the bot would have created from the sample account. */
const CUSTOMER = sampleCustomer();

/** A pending request for the sample customer, as an approver sees it. */
const REQUEST: ApprovalRequest = approvalRequest(
  customerRequest({ requestId: FLOW_ID, account: parsedAccount({ contactFirstName: 'Fang' }) }),
);

function accountErrors(values: AccountInfoInput) {
  const result = parseAccountInfo(createAccountInfoSchema({ partnerEmailDomains: [] }), values);
  const errors = result.ok ? {} : result.errors;
  if (Object.keys(errors).length !== 1) {
    throw new Error(`The account-info preview should show one error, not ${JSON.stringify(errors)}`);
  }
  return errors;
}

/** Every card the preview pictures, in both languages. Add a card here to get its pictures. */
export const PREVIEW_CARDS: readonly PreviewCard[] = [
  {
    name: 'account-info',
    render: (locale) =>
      renderAccountInfoCard({
        locale,
        flowId: FLOW_ID,
        owner: OWNER,
        values: TYPED_ACCOUNT,
        errors: accountErrors(TYPED_ACCOUNT),
        returnToReview: false,
      }),
  },
  {
    name: 'subscriptions',
    render: (locale) =>
      renderSubscriptionsCard({
        locale,
        flowId: FLOW_ID,
        owner: OWNER,
        offers: OFFERS,
        values: Object.fromEntries(SUBSCRIPTIONS.map((line) => [line.offerId, String(line.quantity)])),
        errors: {},
        returnToReview: false,
      }),
  },
  {
    name: 'review',
    render: (locale) =>
      renderReviewCard({
        locale,
        flowId: FLOW_ID,
        owner: OWNER,
        account: parsedAccount({ contactFirstName: 'Fang' }),
        subscriptions: SUBSCRIPTIONS,
        offers: OFFERS,
        state: { kind: 'editing' },
        maskContact: false,
      }),
  },
  {
    name: 'approval',
    render: (locale) =>
      renderApprovalCard({
        locale,
        request: REQUEST,
        offers: OFFERS,
        view: 'approver',
        refreshUserIds: [],
        inSharedConversation: true,
      }),
  },
  {
    name: 'approval-approved',
    render: (locale) =>
      renderApprovalCard({
        locale,
        request: {
          ...REQUEST,
          status: 'approved',
          decision: {
            status: 'approved',
            by: { userId: '29:approver', name: 'Zhang Wei' },
            at: CUSTOMER.createdAt,
          },
        },
        offers: OFFERS,
        view: 'base',
        refreshUserIds: [],
        inSharedConversation: true,
      }),
  },
  { name: 'help', render: (locale) => renderHelpCard({ locale }) },
  {
    name: 'customer-list',
    render: (locale) =>
      renderCustomerListCard({
        locale,
        query: '',
        customers: [CUSTOMER],
        total: 12,
        offset: 5,
        pageSize: 5,
        offers: OFFERS,
      }),
  },
  {
    name: 'reseller-relationship',
    render: (locale) =>
      renderResellerRelationshipCard({
        locale,
        companyName: CUSTOMER.companyName,
        inviteUrl: 'https://partner.partnercenter.microsoftonline.cn/relationship-request-example',
      }),
  },
  {
    name: 'customer-summary',
    render: (locale) =>
      renderCustomerSummaryCard({ locale, customer: CUSTOMER, offers: OFFERS, credentialsDelivered: true }),
  },
  {
    name: 'credentials',
    render: (locale) =>
      renderCredentialsCard({
        locale,
        customerId: CUSTOMER.id,
        companyName: CUSTOMER.companyName,
        adminAccount: CUSTOMER.adminAccount,
        temporaryPassword: SAMPLE_PASSWORD,
      }),
  },
  {
    name: 'credentials-done',
    render: (locale) =>
      renderCredentialsDoneCard({
        locale,
        companyName: CUSTOMER.companyName,
        adminAccount: CUSTOMER.adminAccount,
      }),
  },
];
