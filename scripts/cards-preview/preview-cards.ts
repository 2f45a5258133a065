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

/**
 * The sample contact and address per language: a Chinese company, name and address for the zh-CN
 * pictures (李娜, 北京市朝阳区…), the Latin-written sample for en-US.
 */
const SAMPLE_ACCOUNT: Record<Locale, AccountInfoInput> = {
  'en-US': { contactFirstName: 'Fang' },
  'zh-CN': {
    companyName: '北京星辰数据服务有限公司',
    domainPrefix: 'xingchendata',
    addressLine1: '朝阳区建国路88号',
    addressLine2: 'SOHO现代城B座12层',
    city: '北京',
    province: 'BJ',
    postalCode: '100022',
    companyPhone: '010-65001234',
    contactFirstName: '娜',
    contactLastName: '李',
    contactEmail: 'li.na@xingchendata.cn',
    contactPhone: '13800138000',
  },
};

/** Account info as typed, with one mistake: a five-digit postal code. */
const typedAccount = (locale: Locale): AccountInfoInput => ({
  ...ACCOUNT_INPUT,
  ...SAMPLE_ACCOUNT[locale],
  postalCode: '51800',
});

/** Looks like a generated temporary password (16 characters of every class) but says it is not one. */
const SAMPLE_PASSWORD = 'FakeTemp@Pass987';

/** The customer the bot would have created from the sample account. */
const customer = (locale: Locale) => sampleCustomer(SAMPLE_ACCOUNT[locale]);

/** A pending request for the sample customer, as an approver sees it. */
const request = (locale: Locale): ApprovalRequest =>
  approvalRequest(customerRequest({ requestId: FLOW_ID, account: parsedAccount(SAMPLE_ACCOUNT[locale]) }));

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
        values: typedAccount(locale),
        errors: accountErrors(typedAccount(locale)),
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
        account: parsedAccount(SAMPLE_ACCOUNT[locale]),
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
        request: request(locale),
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
        request: approvedRequest(locale),
        offers: OFFERS,
        view: 'base',
        refreshUserIds: [],
        inSharedConversation: true,
      }),
  },
  ...(['creating', 'created', 'failed'] as const).map((stage) => ({
    name: `request-${stage}`,
    render: (locale: Locale) => requestStage(locale, stage),
  })),
  {
    name: 'approval-channel',
    render: (locale) =>
      renderApprovalCard({
        locale,
        request: request(locale),
        offers: OFFERS,
        view: 'base',
        refreshUserIds: [],
        inSharedConversation: true,
      }),
  },
  {
    name: 'add-subscription',
    render: (locale) =>
      renderSubscriptionsCard({
        locale,
        flowId: FLOW_ID,
        owner: OWNER,
        offers: OFFERS,
        values: {},
        errors: {},
        returnToReview: false,
        existing: [
          { offerId: 'm365-business-basic', quantity: 300 },
          { offerId: 'm365-business-standard', quantity: 50 },
        ],
        customerName: customer(locale).companyName,
      }),
  },
  { name: 'help', render: (locale) => renderHelpCard({ locale }) },
  {
    name: 'customer-list',
    render: (locale) =>
      renderCustomerListCard({
        locale,
        query: '',
        customers: [customer(locale)],
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
        companyName: customer(locale).companyName,
        inviteUrl: 'https://partner.partnercenter.microsoftonline.cn/relationship-request-example',
      }),
  },
  {
    name: 'customer-summary',
    render: (locale) =>
      renderCustomerSummaryCard({
        locale,
        customer: customer(locale),
        offers: OFFERS,
        credentialsDelivered: true,
      }),
  },
  {
    name: 'credentials',
    render: (locale) =>
      renderCredentialsCard({
        locale,
        customerId: customer(locale).id,
        companyName: customer(locale).companyName,
        adminAccount: customer(locale).adminAccount,
        temporaryPassword: SAMPLE_PASSWORD,
      }),
  },
  {
    name: 'credentials-done',
    render: (locale) =>
      renderCredentialsDoneCard({
        locale,
        companyName: customer(locale).companyName,
        adminAccount: customer(locale).adminAccount,
      }),
  },
];

/** The sample request, approved by Zhang Wei. */
function approvedRequest(locale: Locale): ApprovalRequest {
  const at = customer(locale).createdAt;
  return {
    ...request(locale),
    status: 'approved',
    decision: { status: 'approved', by: { userId: '29:approver', name: 'Zhang Wei' }, at },
  };
}

/** The request card at one stage after approval, as the requester sees it in a channel. */
function requestStage(locale: Locale, stage: 'creating' | 'created' | 'failed'): Attachment {
  const at = customer(locale).createdAt;
  const progress = {
    creating: { kind: 'creating' as const, at, partnerCenter: true },
    created: {
      kind: 'created' as const,
      at,
      partnerCenter: true,
      customerId: '6f1e2d3c-4b5a-4678-9abc-def012345678',
    },
    failed: { kind: 'failed' as const, at, reason: 'failure.NO_ANSWER_FROM_PARTNER_CENTER' as const },
  }[stage];
  return renderApprovalCard({
    locale,
    request: approvedRequest(locale),
    offers: OFFERS,
    view: 'requester',
    refreshUserIds: [],
    inSharedConversation: true,
    progress,
  });
}
