import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../../cards/card-verbs.js';
import { pickLocale } from '../../../store/i18n/translate.js';
import { validAccountInputs } from '../../fixtures/customers.js';
import { AddCustomerWalk } from '../../helpers/add-customer-walk.js';
import type { BotUnderTest, HttpAnswer } from '../../helpers/bot-under-test.js';
import { actionData, type CardJson, cardOf, inputById } from '../../helpers/card-queries.js';
import type { FakeBotConnector, SentActivity } from '../../helpers/fake-bot-connector.js';
import { findCardObjects } from '../../helpers/find-card-objects.js';
import { channelThread, groupChat, personalChat, TeamsUser } from '../../helpers/teams-user.js';
import { errorLogLines, problemsWithReplies } from './check-replies.js';
import { type FlowStep, type FuzzCase, MISSING, OWN, STEP_VERBS } from './fuzz-cases.js';

/** What became of one hostile press, for the counts. */
export type FuzzOutcome =
  | 'refused as malformed (HTTP 400)'
  | 'refused as too large (HTTP 413)'
  | 'error card, same step'
  | 'card changed'
  | 'localised text'
  | 'ignored'
  | 'invoke answered'
  | 'invoke refused (4xx)';

/** The running bot a fuzz run presses on. */
export type FuzzTarget = { bot: BotUnderTest; connector: FakeBotConnector; approverId: string };

const SUBSCRIPTIONS = { 'qty_o365-e1': '10' };

/** Thrown when the bot mishandled a case; the message says how. */
export class FuzzFailure extends Error {}

/**
 * Sends one hostile case as a fresh user in a fresh conversation (for presses on the dialog's cards,
 * after walking to that step with valid values) and checks what must hold: no 5xx, no error logged,
 * replies that are the bot's own localised texts or valid cards in the user's language, typed values
 * shown back literally, and a dialog that still works afterwards.
 */
export async function runFuzzCase(target: FuzzTarget, fuzzCase: FuzzCase): Promise<FuzzOutcome> {
  const { bot, connector } = target;
  const conversation = { channel: () => channelThread(), groupChat, personal: personalChat }[
    fuzzCase.conversationType
  ]();
  const asApprover = fuzzCase.kind === 'invoke' && fuzzCase.asApprover;
  const user = new TeamsUser(
    bot,
    connector,
    'Fuzz User',
    conversation,
    fuzzCase.locale,
    asApprover ? target.approverId : undefined,
  );
  const walk = new AddCustomerWalk(user, connector);
  let value: unknown;
  if (fuzzCase.kind === 'flowSubmit') {
    await walkTo(walk, fuzzCase.step);
    value = submitValue(walk.card(), fuzzCase);
  }
  const mark = {
    sent: connector.sent.length,
    updates: connector.updates.length,
    logs: bot.logs.lines.length,
  };

  let answer: HttpAnswer;
  if (fuzzCase.kind === 'envelope') {
    const activity = user.activity({ text: 'help' });
    if (fuzzCase.value === MISSING) delete activity[fuzzCase.field];
    else activity[fuzzCase.field] = fuzzCase.value;
    answer = await bot.post(activity);
  } else if (fuzzCase.kind === 'invoke') {
    answer = await user.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: randomUUID(),
      value: fuzzCase.value,
    });
  } else {
    answer = await user.post({
      replyToId: walk.cardId || undefined,
      value: fuzzCase.kind === 'rawValue' ? fuzzCase.value : value,
    });
  }

  const replies = [...connector.sent.slice(mark.sent), ...connector.updates.slice(mark.updates)].filter(
    (entry) => entry.conversationId === conversation.id,
  );
  const problems = [
    ...httpProblems(answer),
    ...errorLogLines(bot.logs.lines.slice(mark.logs)).map(
      (line) => `an error was logged: ${line.slice(0, 300)}`,
    ),
    ...problemsWithReplies(replies, pickLocale(localeSent(fuzzCase))),
  ];
  if (fuzzCase.kind === 'flowSubmit' && replies.some((reply) => reply.activityId === walk.cardId)) {
    problems.push(...echoProblems(walk, fuzzCase, value));
  }
  if (problems.length > 0) throw new FuzzFailure(problems.join('\n'));
  const result = outcome(fuzzCase, answer, replies, walk);
  if (fuzzCase.kind === 'flowSubmit') await expectFlowStillWorks(walk);
  return result;
}

/** The locale the activity carried: the case's, unless an envelope case replaced or removed it. */
function localeSent(fuzzCase: FuzzCase): string | undefined {
  if (fuzzCase.kind !== 'envelope' || fuzzCase.field !== 'locale') return fuzzCase.locale;
  return typeof fuzzCase.value === 'string' ? fuzzCase.value : undefined;
}

async function walkTo(walk: AddCustomerWalk, step: FlowStep): Promise<void> {
  await walk.start();
  if (step === 'account') return;
  await walk.press(CARD_VERBS.accountNext, freshAccountInputs());
  if (step === 'review') await walk.press(CARD_VERBS.subscriptionsNext, SUBSCRIPTIONS);
}

/**
 * Valid account info no customer has yet (domain, company name and contact email all new), so that no
 * "looks like a customer you already have" step gets in the way.
 */
export function freshAccountInputs(): Record<string, string> {
  const unique = randomUUID().replaceAll('-', '').slice(0, 20);
  return {
    ...validAccountInputs(`fuzz${unique}`),
    companyName: `Fabrikam ${unique} Trading Co., Ltd.`,
    contactEmail: `lei.wang@fuzz${unique}.com.cn`,
  };
}

/** What Teams would send for the case's press: the button's data (verb, flow id, owner) merged with the inputs. */
function submitValue(
  card: CardJson,
  fuzzCase: Extract<FuzzCase, { kind: 'flowSubmit' }>,
): Record<string, unknown> {
  const own = actionData(card, STEP_VERBS[fuzzCase.step][0] as string);
  const data: Record<string, unknown> = { verb: fuzzCase.verb };
  if (fuzzCase.flowId !== MISSING) data.flowId = fuzzCase.flowId === OWN ? own.flowId : fuzzCase.flowId;
  if (fuzzCase.ownerId !== MISSING) data.ownerId = fuzzCase.ownerId === OWN ? own.ownerId : fuzzCase.ownerId;
  const valid = { account: freshAccountInputs(), subscriptions: SUBSCRIPTIONS, review: {} }[fuzzCase.step];
  return { ...data, ...(fuzzCase.startFromValid ? valid : {}), ...fuzzCase.inputs };
}

function httpProblems(answer: HttpAnswer): string[] {
  if (![200, 400, 413].includes(answer.status))
    return [`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`];
  const body = answer.body ? (JSON.parse(answer.body) as { statusCode?: number }) : {};
  return (body.statusCode ?? 0) >= 500 ? [`an invoke answered ${answer.body.slice(0, 300)}`] : [];
}

/** On the card shown again at the same step, every typed string or number must be the input's value, literally. */
function echoProblems(
  walk: AddCustomerWalk,
  fuzzCase: Extract<FuzzCase, { kind: 'flowSubmit' }>,
  value: unknown,
): string[] {
  const card = currentCard(walk);
  const submitted = value as Record<string, unknown>;
  const validating = STEP_VERBS[fuzzCase.step][0] as string;
  if (fuzzCase.step === 'review' || fuzzCase.verb !== validating || !hasButton(card, validating)) return [];
  const problems: string[] = [];
  for (const [id, typed] of Object.entries(submitted)) {
    const input = inputById(card, id);
    if (!input || (typeof typed !== 'string' && typeof typed !== 'number')) continue;
    if (!showsLiterally(input, String(typed))) {
      const shown = JSON.stringify(input.value ?? '').slice(0, 80);
      problems.push(`input ${id} shows ${shown} for ${JSON.stringify(String(typed)).slice(0, 80)}`);
    }
  }
  return problems;
}

/**
 * Whether an input shows what was typed: the same text (a long one cut, never changed), the same number
 * in an `Input.Number` (which can show nothing else), or nothing for a value a choice set cannot hold.
 */
function showsLiterally(input: Record<string, unknown>, typed: string): boolean {
  const shown = input.value;
  if (input.type === 'Input.Number') {
    return /^\d{1,9}$/.test(typed) ? shown === Number(typed) : shown === undefined;
  }
  if (shown === undefined || shown === '') return typed.trim() === '' || input.type === 'Input.ChoiceSet';
  return typeof shown === 'string' && typed.startsWith(shown);
}

/** The dialog's card as it is now; empty when the dialog replaced it with a text (cancel). */
function currentCard(walk: AddCustomerWalk): CardJson {
  return cardOf(walk.connector.latest(walk.cardId)) ?? {};
}

function hasButton(card: CardJson, verb: string): boolean {
  return (card.actions ?? []).some((action) => action.data?.verb === verb || action.verb === verb);
}

/** If the dialog's card still offers the step's buttons, a valid press on it must move on. */
async function expectFlowStillWorks(walk: AddCustomerWalk): Promise<void> {
  const card = currentCard(walk);
  const next: [string, Record<string, string>, string[]][] = [
    [CARD_VERBS.accountNext, freshAccountInputs(), [CARD_VERBS.subscriptionsNext, CARD_VERBS.reviewSubmit]],
    [CARD_VERBS.subscriptionsNext, SUBSCRIPTIONS, [CARD_VERBS.reviewSubmit]],
    [CARD_VERBS.reviewUpdateSubscriptions, {}, [CARD_VERBS.subscriptionsNext]],
  ];
  const step = next.find(([verb]) => hasButton(card, verb));
  if (!step) return;
  const [verb, inputs, leadsTo] = step;
  const after = await walk.press(verb, inputs);
  if (!leadsTo.some((expected) => hasButton(after, expected))) {
    throw new FuzzFailure(
      `after the case, pressing ${verb} with valid values did not lead on to ${leadsTo.join(' or ')}`,
    );
  }
}

function outcome(
  fuzzCase: FuzzCase,
  answer: HttpAnswer,
  replies: SentActivity[],
  walk: AddCustomerWalk,
): FuzzOutcome {
  if (answer.status === 413) return 'refused as too large (HTTP 413)';
  if (fuzzCase.kind === 'invoke') {
    const body = answer.body ? (JSON.parse(answer.body) as { statusCode?: number }) : {};
    return (body.statusCode ?? answer.status) >= 400 ? 'invoke refused (4xx)' : 'invoke answered';
  }
  if (answer.status !== 200) return 'refused as malformed (HTTP 400)';
  if (replies.length === 0) return 'ignored';
  if (fuzzCase.kind === 'flowSubmit' && replies.some((reply) => reply.activityId === walk.cardId)) {
    const card = currentCard(walk);
    const sameStep = hasButton(card, STEP_VERBS[fuzzCase.step][0] as string);
    const flagged = findCardObjects(card, (node) => node.type === 'TextBlock' && node.color === 'Attention');
    return sameStep && flagged.length > 0 ? 'error card, same step' : 'card changed';
  }
  return 'localised text';
}
