import assert from 'node:assert/strict';
import { type ApprovalView, type RequestProgress, renderApprovalCard } from '../../cards/approval.js';
import { renderRejectionNoticeCard } from '../../cards/rejection-notice.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { TEAMS_HOST_CONFIG } from '../../scripts/cards-preview/teams-host-config.js';
import type { ApprovalRequest } from '../../store/customer-schema.js';
import type { Locale } from '../../store/i18n/translate.js';
import {
  approvalRequest,
  parsedAccount,
  REQUESTED_AT,
  REQUESTER,
  SUBSCRIPTIONS,
} from '../fixtures/customers.js';
import { FLOW_ID, OFFERS, OWNER } from './sample-card-data.js';

/** WCAG 2 relative luminance of a `#rrggbb` colour (an `#aarrggbb` one is taken as opaque). */
function luminance(hex: string): number {
  const rgb = hex.replace('#', '').slice(-6);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = Number.parseInt(rgb.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, from 1 to 21. */
function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

type ContainerStyle = keyof typeof TEAMS_HOST_CONFIG.containerStyles;
type ColorName = keyof (typeof TEAMS_HOST_CONFIG.containerStyles)['default']['foregroundColors'];

/** Every TextBlock of a card with the colour Teams' light theme paints it in and the background behind it. */
function textColours(card: unknown): { text: string; foreground: string; background: string }[] {
  const found: { text: string; foreground: string; background: string }[] = [];
  const walk = (node: unknown, style: ContainerStyle) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, style);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    const inner = (
      typeof element.style === 'string' && element.type === 'Container' ? element.style.toLowerCase() : style
    ) as ContainerStyle;
    const palette = TEAMS_HOST_CONFIG.containerStyles[inner];
    if (element.type === 'TextBlock') {
      const color = String(element.color ?? 'default').toLowerCase() as ColorName;
      const shade = element.isSubtle ? 'subtle' : 'default';
      found.push({
        text: String(element.text),
        foreground: palette.foregroundColors[color][shade],
        background: palette.backgroundColor,
      });
    }
    for (const value of Object.values(element)) walk(value, inner);
  };
  walk(card, 'default');
  return found;
}

const STATUSES: ApprovalRequest['status'][] = ['pending', 'approved', 'rejected', 'withdrawn'];
const VIEWS: ApprovalView[] = ['base', 'approver', 'requester'];
const REVIEW_STATES: ReviewCardData['state'][] = [
  { kind: 'editing' },
  { kind: 'submitted', at: REQUESTED_AT },
  { kind: 'cancelled' },
  { kind: 'creating', at: REQUESTED_AT, partnerCenter: true },
  { kind: 'created', at: REQUESTED_AT, partnerCenter: true, customerId: 'cus-1' },
  { kind: 'failed', at: REQUESTED_AT, reason: 'failure.INTERNAL' },
];

function statusCards(locale: Locale): { name: string; card: unknown }[] {
  const decision = (status: ApprovalRequest['status']) =>
    status === 'pending' ? {} : { decision: { status, by: REQUESTER, at: REQUESTED_AT, reason: 'x' } };
  return [
    ...STATUSES.flatMap((status) =>
      VIEWS.map((view) => ({
        name: `approval ${status} (${view})`,
        card: renderApprovalCard({
          locale,
          request: approvalRequest(undefined, { status, ...decision(status) } as Partial<ApprovalRequest>),
          offers: OFFERS,
          view,
          refreshUserIds: [],
          reasonMissing: true,
          inSharedConversation: true,
        }).content,
      })),
    ),
    ...REVIEW_STATES.filter((state) => ['creating', 'created', 'failed'].includes(state.kind)).map(
      (state) => ({
        name: `approval approved, ${state.kind}`,
        card: renderApprovalCard({
          locale,
          request: approvalRequest(undefined, {
            status: 'approved',
            ...decision('approved'),
          } as Partial<ApprovalRequest>),
          offers: OFFERS,
          view: 'requester',
          refreshUserIds: [],
          inSharedConversation: true,
          progress: state as RequestProgress,
        }).content,
      }),
    ),
    ...REVIEW_STATES.map((state) => ({
      name: `review ${state.kind}`,
      card: renderReviewCard({
        locale,
        flowId: FLOW_ID,
        owner: OWNER,
        account: parsedAccount(),
        subscriptions: SUBSCRIPTIONS,
        offers: OFFERS,
        formError: { key: 'error.domainPrefix.taken' },
        state,
        maskContact: true,
      }).content,
    })),
    {
      name: 'rejection notice',
      card: renderRejectionNoticeCard({
        locale,
        requestId: 'req-1',
        companyName: 'Contoso',
        approverName: 'Megan Bowen',
        reason: 'x',
      }).content,
    },
  ];
}

describe('status colours of the request cards', () => {
  it('should give every text of the approval, Review and rejection cards at least WCAG AA contrast (4.5:1) in Teams’ light theme', () => {
    const tooFaint = (['en-US', 'zh-CN'] as const).flatMap((locale) =>
      statusCards(locale).flatMap(({ name, card }) =>
        textColours(card)
          .map((text) => ({ ...text, ratio: contrast(text.foreground, text.background) }))
          .filter((text) => text.ratio < 4.5)
          .map(
            (text) =>
              `${name}: "${text.text}" ${text.foreground} on ${text.background} is ${text.ratio.toFixed(1)}:1`,
          ),
      ),
    );

    assert.deepEqual(tooFaint, []);
  });

  it('should measure Teams’ green status text at 2.1:1, the failure this guards against', () => {
    const { backgroundColor, foregroundColors } = TEAMS_HOST_CONFIG.containerStyles.default;

    assert.equal(contrast(foregroundColors.good.default, backgroundColor).toFixed(1), '2.1');
    assert.ok(contrast(foregroundColors.attention.default, backgroundColor) >= 4.5);
    assert.ok(contrast(foregroundColors.accent.default, backgroundColor) >= 4.5);
  });
});
