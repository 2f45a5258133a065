import fc from 'fast-check';
import { CARD_VERBS, FLOW_VERBS } from '../../../cards/card-verbs.js';
import { ACCOUNT_INFO_FIELDS } from '../../../store/customers/account-info-schema.js';
import type { TeamsConversation } from '../../helpers/teams-user.js';
import { hostileRecord, hostileValue } from './hostile-values.js';

/** A step of the add-customer dialog a fuzz case presses a button on. */
export type FlowStep = 'account' | 'subscriptions' | 'review';

/** Stands for "the right value" (the dialog's own flow id, the presser's own id) in a generated case. */
export const OWN = Symbol('own');
/** Stands for "leave the property out". */
export const MISSING = Symbol('missing');

type Where = { locale: string; conversationType: TeamsConversation['conversationType'] };

/** One hostile thing a client sends the bot. */
export type FuzzCase = Where &
  (
    | {
        kind: 'flowSubmit';
        step: FlowStep;
        verb: unknown;
        flowId: unknown;
        ownerId: unknown;
        startFromValid: boolean;
        inputs: Record<string, unknown>;
      }
    | { kind: 'rawValue'; value: unknown }
    | { kind: 'invoke'; asApprover: boolean; value: unknown }
    | { kind: 'envelope'; field: string; value: unknown }
  );

/** The verbs whose button each step's card shows. */
export const STEP_VERBS: Record<FlowStep, readonly string[]> = {
  account: [CARD_VERBS.accountNext, CARD_VERBS.accountCancel],
  subscriptions: [CARD_VERBS.subscriptionsNext, CARD_VERBS.subscriptionsBack],
  review: [CARD_VERBS.reviewSubmit, CARD_VERBS.reviewUpdateAccount, CARD_VERBS.reviewUpdateSubscriptions],
};

const locale = fc.constantFrom('en-US', 'zh-CN', 'zh-cn', 'fr-FR', '');
const conversationType = fc.constantFrom<Where['conversationType']>('channel', 'groupChat', 'personal');
const APPROVAL_VERBS = [
  CARD_VERBS.approvalRefresh,
  CARD_VERBS.approvalApprove,
  CARD_VERBS.approvalReject,
  CARD_VERBS.approvalWithdraw,
];

/**
 * Presses on the dialog's cards: a verb of that step, another flow verb or junk; the dialog's own flow id
 * and owner or wrong, missing or junk ones; the card's inputs (from valid values or from nothing) with
 * hostile values, extra keys and `__proto__`.
 */
export function flowSubmitCase(inputIds: Record<FlowStep, readonly string[]>): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom<FlowStep>('account', 'subscriptions', 'review').chain((step) =>
    fc.record({
      kind: fc.constant('flowSubmit' as const),
      step: fc.constant(step),
      verb: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...STEP_VERBS[step]) },
        { weight: 1, arbitrary: fc.constantFrom(...FLOW_VERBS) },
        { weight: 1, arbitrary: hostileValue() },
      ),
      flowId: fc.oneof({ weight: 12, arbitrary: fc.constant(OWN) }, fc.constant(MISSING), hostileValue()),
      ownerId: fc.oneof({ weight: 12, arbitrary: fc.constant(OWN) }, fc.constant(MISSING), hostileValue()),
      startFromValid: fc.boolean(),
      inputs: hostileRecord([...inputIds[step], ...(step === 'review' ? ACCOUNT_INFO_FIELDS : [])]),
      locale,
      conversationType,
    }),
  );
}

/** A message whose `value` is anything at all, or almost one of the bot's own submits. */
export function rawValueCase(plausible: readonly string[]): fc.Arbitrary<FuzzCase> {
  const keys = ['verb', 'flowId', 'ownerId', 'customerId', 'requestId'];
  return fc.record({
    kind: fc.constant('rawValue' as const),
    value: fc.oneof(hostileValue(plausible), hostileRecord(keys, hostileValue(plausible))),
    locale,
    conversationType,
  });
}

/** An `adaptiveCard/action` invoke whose value is junk, half an action, or an approval action with junk data. */
export function invokeCase(requestIds: readonly string[]): fc.Arbitrary<FuzzCase> {
  const strings = [...requestIds, ...APPROVAL_VERBS, 'Action.Execute'];
  const action = fc.record(
    {
      type: fc.oneof({ weight: 5, arbitrary: fc.constant('Action.Execute') }, hostileValue()),
      verb: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...APPROVAL_VERBS) }, hostileValue(strings)),
      data: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            requestId: fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...requestIds) },
              hostileValue(strings),
            ),
            rejectReason: hostileValue(),
          }),
        },
        { weight: 1, arbitrary: hostileRecord(['requestId', 'rejectReason'], hostileValue(strings)) },
        { weight: 1, arbitrary: hostileValue(strings) },
      ),
    },
    { requiredKeys: [] },
  );
  return fc.record({
    kind: fc.constant('invoke' as const),
    asApprover: fc.boolean(),
    value: fc.oneof(
      { weight: 1, arbitrary: hostileValue(strings) },
      { weight: 1, arbitrary: hostileRecord(['action', 'trigger', 'state'], hostileValue(strings)) },
      {
        weight: 6,
        arbitrary: fc.record({ action, trigger: fc.constant('manual') }, { requiredKeys: ['action'] }),
      },
    ),
    locale,
    conversationType,
  });
}

/** The fields of an activity an envelope case replaces or leaves out. */
const ENVELOPE_FIELDS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'from',
  'recipient',
  'conversation',
  'text',
  'locale',
  'replyToId',
  'entities',
  'attachments',
  'membersAdded',
  'channelData',
  'value',
];

/** A `help` message from a real user with one field of the activity itself replaced by junk, or left out. */
export function envelopeCase(): fc.Arbitrary<FuzzCase> {
  return fc.record({
    kind: fc.constant('envelope' as const),
    field: fc.constantFrom(...ENVELOPE_FIELDS),
    value: fc.oneof(
      { weight: 1, arbitrary: fc.constant(MISSING) },
      { weight: 4, arbitrary: hostileValue() },
      { weight: 2, arbitrary: hostileRecord(['id', 'name', 'aadObjectId', 'conversationType', 'type']) },
      { weight: 1, arbitrary: fc.array(hostileRecord(['id', 'name', 'type']), { maxLength: 2 }) },
    ),
    locale,
    conversationType,
  });
}
