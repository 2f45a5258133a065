import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { type AccountInfoCardData, renderAccountInfoCard } from '../../cards/account-info.js';
import {
  type ApprovalCardData,
  type ApprovalView,
  type RequestProgress,
  renderApprovalCard,
} from '../../cards/approval.js';
import { renderCredentialsCard, renderCredentialsDoneCard } from '../../cards/credentials.js';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import { renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import { renderHelpCard } from '../../cards/help.js';
import { type PickCustomerCardData, renderPickCustomerCard } from '../../cards/pick-customer.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { renderResellerRelationshipCard } from '../../cards/reseller-relationship.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { renderSubscriptionsCard, type SubscriptionsCardData } from '../../cards/subscriptions.js';
import { renderSubscriptionsAddedCard } from '../../cards/subscriptions-added.js';
import type { ApprovalRequest, BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import {
  ACCOUNT_INFO_FIELDS,
  type AccountInfoField,
  type AccountInfoInput,
  type FieldError,
} from '../../store/customers/account-info-schema.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import type { SubscriptionLine } from '../../store/customers/parse-subscriptions.js';
import type { Locale } from '../../store/i18n/translate.js';
import { parsedAccount, sampleCustomer } from '../fixtures/customers.js';
import { describeCardContract, hasCardContract } from '../helpers/describe-card-contract.js';
import { FLOW_ID, OFFERS } from './sample-card-data.js';

const CARDS_DIR = new URL('../../cards/', import.meta.url);
const RENDER_EXPORT = /^render\w+Card$/;

function fill(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

const AT = '2026-11-24T16:27:40.260Z';
const LONG_PERSON = 'Alexandra Konstantinopoulou-Wilberforce (Partner Sales, Greater China) 欧阳娜娜';
const OWNER = {
  id: `29:1${fill('hA3sXlfmCtCAKmqo6sK-eROgfCP0UAcDNyDBTrAuDwsM_6J0E0CoZlCXcbE6b9PLDT4cg', 86)}`,
  name: LONG_PERSON,
};
const COMPANY_ZH = fill('北京星河云端数字科技发展有限公司上海分公司暨华东区域运营中心', 255);
const COMPANY_EN = fill(
  'Fabrikam International Digital Technology Development (Shanghai) Co., Ltd. ',
  255,
).trim();
const DOMAIN_PREFIX = 'fabrikamintldigitaltechdev1';
const LONG_TEXT_ZH = fill(
  '由于客户提供的营业执照名称与申请中填写的公司名称不一致，且联系人邮箱无法验证，请核实后重新提交。',
  500,
);

/** The shipped catalog and enough longer-named offers for an operator's full Microsoft 365 catalog. */
const MANY_OFFERS: Offer[] = [
  ...OFFERS,
  ...Array.from({ length: 18 }, (_, index) => ({
    id: `m365-e5-no-teams-audio-conferencing-phone-system-${index + 1}`,
    name: {
      'en-US': `Microsoft 365 E5 (no Teams) with Audio Conferencing and Phone System, plan ${index + 1}`,
      'zh-CN': `Microsoft 365 E5（不含 Teams）含音频会议和电话系统，第 ${index + 1} 号方案`,
    },
    minimumQuantity: 1,
    maximumQuantity: 1_000_000,
  })),
];
const ALL_LINES: SubscriptionLine[] = MANY_OFFERS.map((offer, index) => ({
  offerId: offer.id,
  quantity: 999_000 + index,
}));

const TYPED: AccountInfoInput = {
  companyName: COMPANY_ZH,
  domainPrefix: DOMAIN_PREFIX,
  addressLine1: fill('上海市浦东新区张江高科技园区碧波路 690 号 ', 200),
  addressLine2: fill('张江微电子港 3 号楼 12 层 1201-1208 室 ', 200),
  city: fill('上海市浦东新区', 100),
  province: 'SH',
  postalCode: '201203',
  companyPhone: '021 5080 8888',
  contactFirstName: fill('Konstantinos-Alexandros', 40),
  contactLastName: fill('欧阳慕容司马上官诸葛', 40),
  contactEmail: `${fill('konstantinos.alexandros.ouyang', 60)}@${fill('procurement.', 180)}example.cn`,
  contactPhone: '138 0013 8000',
  language: 'zh-CN',
};
const ACCOUNT = parsedAccount(TYPED);
const TOO_LONG: FieldError = { key: 'error.tooLong', params: { max: 200 } };
const ERRORS: Partial<Record<AccountInfoField, FieldError>> = Object.fromEntries(
  ACCOUNT_INFO_FIELDS.map((field) => [field, TOO_LONG]),
);

function worstCustomer(index = 0): BotCustomer {
  const customer = sampleCustomer(TYPED);
  return {
    ...customer,
    id: `cus-${String(index).padStart(8, '0')}`,
    companyName: index % 2 ? COMPANY_EN : COMPANY_ZH,
    subscriptions: ALL_LINES,
    createdBy: { ...customer.createdBy, name: LONG_PERSON },
  };
}

function customerRequest(kind: CustomerRequest['kind']): CustomerRequest {
  return {
    requestId: 'req-5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    kind,
    ...(kind === 'addSubscriptions' ? { customerId: 'cus-00000000' } : {}),
    locale: 'zh-CN',
    account: ACCOUNT,
    subscriptions: ALL_LINES,
    requester: { userId: OWNER.id, aadObjectId: '6f1e2d3c-0000-4000-8000-000000000abc', name: LONG_PERSON },
    origin: sampleCustomer().origin,
    requestedAt: AT,
  };
}

function approvalRequest(status: ApprovalRequest['status'], kind: CustomerRequest['kind']): ApprovalRequest {
  return {
    id: 'req-5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    status,
    request: customerRequest(kind),
    ...(status === 'pending'
      ? {}
      : { decision: { status, by: { userId: OWNER.id, name: LONG_PERSON }, at: AT, reason: LONG_TEXT_ZH } }),
    cards: [],
  };
}

const REFRESH_USER_IDS = Array.from({ length: 60 }, (_, index) => `${OWNER.id.slice(0, -2)}${index}`);

function approvalData(
  locale: Locale,
  view: ApprovalView,
  status: ApprovalRequest['status'],
  kind: CustomerRequest['kind'] = 'newCustomer',
): ApprovalCardData {
  return {
    locale,
    request: approvalRequest(status, kind),
    offers: MANY_OFFERS,
    view,
    refreshUserIds: REFRESH_USER_IDS,
    reasonMissing: view === 'approver' && status === 'pending',
    inSharedConversation: true,
  };
}

function accountInfoData(locale: Locale): AccountInfoCardData {
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    values: TYPED,
    errors: ERRORS,
    returnToReview: true,
    matches: Array.from({ length: 10 }, (_, index) => ({
      customerId: `cus-${index}`,
      companyName: index % 2 ? COMPANY_EN : COMPANY_ZH,
      domain: `${DOMAIN_PREFIX.slice(0, 25)}${index}.partner.onmschina.cn`,
      createdBy: LONG_PERSON,
    })),
  };
}

function subscriptionsData(locale: Locale, existing: boolean): SubscriptionsCardData {
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    offers: MANY_OFFERS,
    values: Object.fromEntries(MANY_OFFERS.map((offer) => [offer.id, '1000001'])),
    errors: Object.fromEntries(
      MANY_OFFERS.map((offer) => [
        offer.id,
        { key: 'error.offers.total', params: { current: 999_999, max: 1 } },
      ]),
    ),
    formError: { key: 'error.offers.limit' },
    returnToReview: true,
    ...(existing ? { existing: ALL_LINES, customerName: COMPANY_ZH } : {}),
  };
}

function reviewData(locale: Locale, state: ReviewCardData['state'], existing = false): ReviewCardData {
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    account: existing ? undefined : ACCOUNT,
    subscriptions: ALL_LINES,
    offers: MANY_OFFERS,
    formError: { key: 'error.domainPrefix.taken' },
    state,
    maskContact: false,
    ...(existing
      ? {
          existingCustomer: {
            companyName: COMPANY_ZH,
            domain: `${DOMAIN_PREFIX}.partner.onmschina.cn`,
            subscriptions: ALL_LINES,
          },
        }
      : {}),
  };
}

function pickCustomerData(locale: Locale, found: boolean): PickCustomerCardData {
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    query: COMPANY_ZH.slice(0, 100),
    choices: found
      ? Array.from({ length: 10 }, (_, index) => ({
          customerId: `cus-${index}`,
          companyName: index % 2 ? COMPANY_EN : COMPANY_ZH,
          domain: `${DOMAIN_PREFIX.slice(0, 25)}${index}.partner.onmschina.cn`,
        }))
      : [],
    ...(found ? { chosenId: 'cus-3' } : {}),
    chooseError: true,
  };
}

describe('card contracts with worst-case data', () => {
  describeCardContract(renderAccountInfoCard, 'account-info worst case', accountInfoData);
  describeCardContract(
    renderAccountInfoCard,
    'account-info with a suggested address worst case',
    (locale) => ({
      ...accountInfoData(locale),
      suggestedAddress: {
        addressLine1: 'A'.repeat(200),
        addressLine2: 'B'.repeat(200),
        city: 'C'.repeat(100),
        province: 'GD',
        postalCode: '518000',
      },
    }),
  );

  for (const view of ['base', 'requester', 'approver', 'approverRequester'] as const) {
    for (const status of ['pending', 'approved', 'rejected', 'withdrawn'] as const) {
      describeCardContract(renderApprovalCard, `approval ${view} ${status} worst case`, (locale) =>
        approvalData(locale, view, status),
      );
    }
  }
  const progresses: RequestProgress[] = [
    { kind: 'creating', at: AT, partnerCenter: true },
    { kind: 'created', at: AT, partnerCenter: true, customerId: '0c1d2e3f-4a5b-4c6d-8e7f-901234567890' },
    { kind: 'failed', at: AT, reason: 'failure.ADDRESS_REFUSED_BY_PARTNER_CENTER' },
  ];
  for (const progress of progresses) {
    for (const view of ['base', 'requester'] as const) {
      describeCardContract(renderApprovalCard, `approval ${view} ${progress.kind} worst case`, (locale) => ({
        ...approvalData(locale, view, 'approved'),
        progress,
      }));
    }
  }
  describeCardContract(
    renderApprovalCard,
    'approval approver pending add-subscriptions worst case',
    (locale) => approvalData(locale, 'approver', 'pending', 'addSubscriptions'),
  );

  describeCardContract(renderCredentialsCard, 'credentials worst case', (locale) => ({
    locale,
    customerId: 'cus-0a1b2c3d',
    companyName: COMPANY_ZH,
    adminAccount: `admin@${DOMAIN_PREFIX}.partner.onmschina.cn`,
    temporaryPassword: 'Kp7!mZq@2wRx$4Tn',
  }));
  describeCardContract(renderCredentialsDoneCard, 'credentials-done worst case', (locale) => ({
    locale,
    companyName: COMPANY_ZH,
    adminAccount: `admin@${DOMAIN_PREFIX}.partner.onmschina.cn`,
  }));

  describeCardContract(renderCustomerListCard, 'customer-list worst case', (locale) => ({
    locale,
    query: COMPANY_ZH.slice(0, 100),
    customers: Array.from({ length: 5 }, (_, index) => worstCustomer(index)),
    total: 1_000_000,
    offset: 500_000,
    pageSize: 5,
    offers: MANY_OFFERS,
  }));
  describeCardContract(renderCustomerListCard, 'customer-list nothing found', (locale) => ({
    locale,
    query: COMPANY_ZH.slice(0, 100),
    customers: [],
    total: 0,
    offset: 0,
    pageSize: 5,
    offers: MANY_OFFERS,
  }));

  for (const credentialsDelivered of [true, false]) {
    describeCardContract(
      renderCustomerSummaryCard,
      `customer-summary ${credentialsDelivered ? 'delivered' : 'not delivered'} worst case`,
      (locale) => ({ locale, customer: worstCustomer(), offers: MANY_OFFERS, credentialsDelivered }),
    );
  }

  describeCardContract(renderHelpCard, 'help worst case', (locale) => ({ locale }));

  describeCardContract(renderPickCustomerCard, 'pick-customer worst case', (locale) =>
    pickCustomerData(locale, true),
  );
  describeCardContract(renderPickCustomerCard, 'pick-customer nothing found', (locale) =>
    pickCustomerData(locale, false),
  );

  describeCardContract(renderRejectionNoticeCard, 'rejection-notice worst case', (locale) => ({
    locale,
    requestId: 'req-5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    companyName: COMPANY_ZH,
    approverName: LONG_PERSON,
    reason: LONG_TEXT_ZH,
  }));

  describeCardContract(
    renderResellerRelationshipCard,
    'reseller-relationship with link worst case',
    (locale) => ({
      locale,
      companyName: COMPANY_ZH,
      inviteUrl: `https://admin.partner.microsoftonline.cn/partner/reseller?partnerId=${fill('0a1b2c3d-', 36)}&msppId=0&indirectCSPId=${fill('4e5f6a7b-', 36)}`,
    }),
  );
  describeCardContract(
    renderResellerRelationshipCard,
    'reseller-relationship without link worst case',
    (locale) => ({
      locale,
      companyName: COMPANY_ZH,
    }),
  );

  const states: [string, ReviewCardData['state']][] = [
    ['editing', { kind: 'editing' }],
    ['submitted', { kind: 'submitted', at: AT }],
    ['cancelled', { kind: 'cancelled' }],
    ['creating', { kind: 'creating', at: AT, partnerCenter: true }],
    [
      'created',
      { kind: 'created', at: AT, partnerCenter: true, customerId: '0c1d2e3f-4a5b-4c6d-8e7f-901234567890' },
    ],
    ['failed', { kind: 'failed', at: AT, reason: 'failure.DOMAIN_TAKEN_IN_PARTNER_CENTER' }],
  ];
  for (const [name, state] of states) {
    describeCardContract(renderReviewCard, `review ${name} worst case`, (locale) =>
      reviewData(locale, state),
    );
    describeCardContract(renderReviewCard, `review ${name} existing customer worst case`, (locale) =>
      reviewData(locale, state, true),
    );
  }

  describeCardContract(renderSubscriptionsCard, 'subscriptions worst case', (locale) =>
    subscriptionsData(locale, false),
  );
  describeCardContract(renderSubscriptionsCard, 'subscriptions existing customer worst case', (locale) =>
    subscriptionsData(locale, true),
  );

  describeCardContract(renderSubscriptionsAddedCard, 'subscriptions-added worst case', (locale) => ({
    locale,
    customer: worstCustomer(),
    added: ALL_LINES,
    addedBy: { userId: OWNER.id, name: LONG_PERSON },
    addedAt: AT,
    offers: MANY_OFFERS,
  }));
});

describe('card contracts', () => {
  it('should cover every render…Card function exported from cards/', async () => {
    const files = (await readdir(CARDS_DIR)).filter((file) => file.endsWith('.ts'));
    const renderers: [string, unknown][] = [];
    for (const file of files) {
      const module = (await import(new URL(file, CARDS_DIR).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (RENDER_EXPORT.test(name)) renderers.push([`${file}: ${name}`, value]);
      }
    }

    const uncovered = renderers.filter(([, render]) => !hasCardContract(render)).map(([name]) => name);

    assert.ok(renderers.length >= 13, `only ${renderers.length} render functions found in cards/`);
    assert.deepEqual(uncovered, [], 'call describeCardContract for each of these');
  });
});
