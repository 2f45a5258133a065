import type { Attachment } from 'botbuilder';
import { renderAccountInfoCard } from '../../cards/account-info.js';
import { type ApprovalView, renderApprovalCard } from '../../cards/approval.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { renderSubscriptionsCard } from '../../cards/subscriptions.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { AccountInfoInput } from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import type { Locale } from '../../store/i18n/translate.js';
import {
  ACCOUNT_INPUT,
  approvalRequest,
  customerRequest,
  parsedAccount,
  REQUESTED_AT,
  SUBSCRIPTIONS,
} from '../fixtures/customers.js';
import { OTHER_CARD_CASES, USER_TEXT } from './card-render-cases-others.js';
import { FLOW_ID, OFFERS, OWNER } from './sample-card-data.js';

/**
 * One way of rendering a card: its name, and for a locale the card's data built once and a call that
 * renders it (so that a benchmark times the rendering alone).
 */
export type CardRenderCase = { name: string; prepare: (locale: Locale) => () => Attachment };

/** The `prepare` of a case: `prepared(render)(data)` builds `data(locale)`, then renders it with `render`. */
export function prepared<D>(render: (data: D) => Attachment) {
  return (data: (locale: Locale) => D) => (locale: Locale) => {
    const built = data(locale);
    return () => render(built);
  };
}

/** An offer that may be left at 0 licenses, which the Subscriptions card shows with a placeholder. */
const OPTIONAL_OFFER: Offer = {
  id: 'teams-phone',
  name: { 'en-US': 'Teams Phone *Standard*', 'zh-CN': 'Teams 电话标准版' },
  minimumQuantity: 0,
  maximumQuantity: 50,
};

const ACCOUNT_TYPED_BADLY: AccountInfoInput = {
  ...ACCOUNT_INPUT,
  companyName: USER_TEXT,
  domainPrefix: 'contoso-sz',
  postalCode: '51800',
  contactFirstName: '{{TIME(2025-01-01T00:00:00Z)}}',
};

const MATCHES = [
  {
    customerId: 'cus-1',
    companyName: USER_TEXT,
    domain: 'contoso.partner.onmschina.cn',
    createdBy: 'Han Meimei',
  },
  { customerId: 'cus-2', companyName: '北京示例科技有限公司', domain: 'beijingexample.partner.onmschina.cn' },
  {
    customerId: 'cus-3',
    companyName: 'Fabrikam',
    domain: 'fabrikam.partner.onmschina.cn',
    createdBy: USER_TEXT,
  },
  {
    customerId: 'cus-4',
    companyName: 'Northwind',
    domain: 'northwind.partner.onmschina.cn',
    createdBy: 'Li Lei',
  },
];

const ACCOUNT_INFO_CASES: CardRenderCase[] = [
  {
    name: 'account-info-empty',
    prepare: prepared(renderAccountInfoCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      values: {},
      errors: {},
      returnToReview: false,
    })),
  },
  {
    name: 'account-info-errors',
    prepare: prepared(renderAccountInfoCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: { ...OWNER, name: USER_TEXT },
      values: ACCOUNT_TYPED_BADLY,
      errors: {
        companyName: { key: 'error.companyName.noLetters' },
        domainPrefix: { key: 'error.domainPrefix.format' },
        postalCode: { key: 'error.postalCode.format' },
        contactFirstName: { key: 'error.name.placeholder' },
        language: { key: 'error.language.invalid' },
        addressLine2: { key: 'error.tooLong', params: { max: 200 } },
      },
      returnToReview: false,
    })),
  },
  {
    name: 'account-info-matches-from-review',
    prepare: prepared(renderAccountInfoCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      values: { ...ACCOUNT_INPUT, language: 'en-US' },
      errors: {},
      returnToReview: true,
      matches: MATCHES,
    })),
  },
  {
    name: 'account-info-suggested-address',
    prepare: prepared(renderAccountInfoCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      values: ACCOUNT_INPUT,
      errors: { addressLine1: { key: 'error.address.partnerCenter' } },
      returnToReview: false,
      matches: MATCHES.slice(1, 2),
      suggestedAddress: { addressLine1: USER_TEXT, city: '深圳市', province: 'GD', postalCode: '518057' },
    })),
  },
];

const REJECTED_DECISION = {
  status: 'rejected',
  by: { userId: 'u2', name: USER_TEXT },
  at: REQUESTED_AT,
  reason: USER_TEXT,
};

function requestIn(
  status: ApprovalRequest['status'],
  kind: 'newCustomer' | 'addSubscriptions',
): ApprovalRequest {
  const request = customerRequest({
    requester: { userId: OWNER.id, aadObjectId: 'aad-1', name: USER_TEXT },
    account: parsedAccount({ companyName: USER_TEXT, contactFirstName: 'Fang' }),
    ...(kind === 'addSubscriptions' ? { kind, customerId: 'cus-1' } : {}),
  } as Parameters<typeof customerRequest>[0]);
  const decision =
    status === 'pending'
      ? {}
      : {
          decision: { ...REJECTED_DECISION, status, ...(status === 'rejected' ? {} : { reason: undefined }) },
        };
  return approvalRequest(request, { status, ...decision } as Partial<ApprovalRequest>);
}

const VIEWS: ApprovalView[] = ['base', 'approver', 'requester', 'approverRequester'];
const APPROVAL_CASES: CardRenderCase[] = [
  ...VIEWS.flatMap((view) =>
    (['pending', 'approved', 'rejected', 'withdrawn'] as const).map((status) => ({
      name: `approval-${view}-${status}`,
      prepare: prepared(renderApprovalCard)((locale) => ({
        locale,
        request: requestIn(status, 'newCustomer'),
        offers: OFFERS,
        view,
        refreshUserIds: ['29:1approver', OWNER.id],
        reasonMissing: view === 'approver',
        inSharedConversation: view !== 'requester',
      })),
    })),
  ),
  ...[
    { kind: 'creating', at: REQUESTED_AT, partnerCenter: false },
    { kind: 'creating', at: REQUESTED_AT, partnerCenter: true },
    { kind: 'created', at: REQUESTED_AT, partnerCenter: true, customerId: 'pc-0c1d' },
    { kind: 'created', at: REQUESTED_AT, partnerCenter: false, customerId: 'cus-9' },
    { kind: 'failed', at: REQUESTED_AT, reason: 'failure.DOMAIN_TAKEN_IN_PARTNER_CENTER' },
  ].flatMap((progress, index) =>
    (['base', 'requester'] as const).map((view) => ({
      name: `approval-${view}-progress-${index}-${progress.kind}`,
      prepare: prepared(renderApprovalCard)((locale) => ({
        locale,
        request: requestIn('approved', 'newCustomer'),
        offers: OFFERS,
        view,
        refreshUserIds: index === 4 ? Array.from({ length: 70 }, (_, i) => `29:1user-${i}`) : [],
        inSharedConversation: true,
        progress: progress as ApprovalRequestProgress,
      })),
    })),
  ),
  {
    name: 'approval-approver-add-subscriptions',
    prepare: prepared(renderApprovalCard)((locale) => ({
      locale,
      request: requestIn('pending', 'addSubscriptions'),
      offers: OFFERS,
      view: 'approverRequester',
      refreshUserIds: [],
      inSharedConversation: false,
    })),
  },
];
type ApprovalRequestProgress = NonNullable<Parameters<typeof renderApprovalCard>[0]['progress']>;

const REVIEW_STATES: ReviewCardData['state'][] = [
  { kind: 'editing' },
  { kind: 'submitted', at: REQUESTED_AT },
  { kind: 'cancelled' },
  { kind: 'creating', at: REQUESTED_AT, partnerCenter: true },
  { kind: 'created', at: REQUESTED_AT, partnerCenter: false, customerId: 'cus-1' },
  { kind: 'failed', at: REQUESTED_AT, reason: 'failure.INTERNAL' },
];
const REVIEW_CASES: CardRenderCase[] = REVIEW_STATES.flatMap((state) =>
  [false, true].map((existing) => ({
    name: `review-${state.kind}${existing ? '-existing-customer' : ''}`,
    prepare: prepared(renderReviewCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: { ...OWNER, name: USER_TEXT },
      account: existing ? undefined : parsedAccount({ companyName: USER_TEXT, companyPhone: undefined }),
      subscriptions: [...SUBSCRIPTIONS, { offerId: 'retired-offer', quantity: 3 }],
      offers: OFFERS,
      ...(state.kind === 'editing' ? { formError: { key: 'error.offers.none' } } : {}),
      state,
      maskContact: state.kind === 'submitted',
      ...(existing
        ? {
            existingCustomer: {
              companyName: USER_TEXT,
              domain: 'contoso.partner.onmschina.cn',
              subscriptions: SUBSCRIPTIONS,
            },
          }
        : {}),
    })),
  })),
);

const SUBSCRIPTIONS_CASES: CardRenderCase[] = [
  {
    name: 'subscriptions-empty',
    prepare: prepared(renderSubscriptionsCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      offers: OFFERS,
      values: {},
      errors: {},
      returnToReview: false,
    })),
  },
  {
    name: 'subscriptions-errors-existing-customer',
    prepare: prepared(renderSubscriptionsCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: { ...OWNER, name: USER_TEXT },
      offers: [...OFFERS, OPTIONAL_OFFER],
      values: { 'o365-e3': '12', 'm365-business-basic': 'abc', 'teams-phone': '1234567890' },
      errors: { 'm365-business-basic': { key: 'error.offers.quantity', params: { min: 1, max: 300 } } },
      returnToReview: true,
      existing: [
        { offerId: 'm365-business-basic', quantity: 300 },
        { offerId: 'o365-e3', quantity: 10 },
      ],
      customerName: USER_TEXT,
    })),
  },
  {
    name: 'subscriptions-form-error',
    prepare: prepared(renderSubscriptionsCard)((locale) => ({
      locale,
      flowId: FLOW_ID,
      owner: OWNER,
      offers: OFFERS,
      values: { 'o365-e3': '0' },
      errors: {},
      formError: { key: 'error.offers.none' },
      returnToReview: true,
    })),
  },
];

/**
 * Every card of `cards/` rendered many ways (errors, matches, suggestions, long lists, empty optional
 * fields, user text with Markdown, `{{DATE(` and `${`), for the test that their output does not change
 * (`rendered-cards.spec.ts`) and the rendering micro-benchmark.
 */
export const CARD_RENDER_CASES: readonly CardRenderCase[] = [
  ...ACCOUNT_INFO_CASES,
  ...APPROVAL_CASES,
  ...REVIEW_CASES,
  ...SUBSCRIPTIONS_CASES,
  ...OTHER_CARD_CASES,
];
