import { CARD_VERBS } from '../cards/card-verbs.js';
import type { HttpAnswer } from '../test/helpers/bot-under-test.js';
import { actionData, type CardJson, cardOf, cardText } from '../test/helpers/card-queries.js';
import type { FakeBotConnector, SentActivity } from '../test/helpers/fake-bot-connector.js';
import { pressExecute, type TeamsUser } from '../test/helpers/teams-user.js';
import { BENCH_LICENSES, benchAccountInputs, benchDomainPrefix } from './bench-inputs.js';

/** The steps of the add-customer walk that are timed, in order. */
export const STEPS = ['start', 'account', 'offers', 'review', 'approval', 'credentials'] as const;
/**
 * The steps that are turns a user makes, answered in their HTTP response; `credentials` is work after the
 * approval turn (a message to another conversation), timed but not a turn.
 */
export const TURN_STEPS = ['start', 'account', 'offers', 'review', 'approval'] as const;
/** One timed step of the walk. */
export type StepName = (typeof STEPS)[number];
/** Milliseconds per step of one walk. */
export type WalkTimes = Record<StepName, number>;

const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * Watches what the bot sends to the fake connector: a walk asks for the next card in a conversation
 * (the credentials in the requester's 1:1 chat) and gets the moment it arrived.
 */
export class DeliveryWatch {
  private readonly waiting = new Map<string, (at: number) => void>();

  constructor(connector: FakeBotConnector) {
    connector.onSent = (entry) => this.arrived(entry);
  }

  /** Resolves with `performance.now()` when the next card reaches `conversationId`. */
  next(conversationId: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no card reached ${conversationId} within ${DELIVERY_TIMEOUT_MS} ms`)),
        DELIVERY_TIMEOUT_MS,
      );
      this.waiting.set(conversationId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  private arrived(entry: SentActivity): void {
    const resolve = this.waiting.get(entry.conversationId);
    if (!resolve || !entry.activity.attachments?.length) return;
    this.waiting.delete(entry.conversationId);
    resolve(performance.now());
  }
}

/** Who walks, who approves, and where the bot's messages are read. */
export type WalkParty = {
  user: TeamsUser;
  approver: TeamsUser;
  connector: FakeBotConnector;
  deliveries: DeliveryWatch;
  runTag: string;
};

/**
 * One user's add-customer walk over HTTP, each step timed from sending the activity to the bot's HTTP
 * answer: start, Account info submit, Subscriptions submit, Review submit, the approver's Approve
 * (`adaptiveCard/action` invoke) and the credentials (from the Approve press until the 1:1 card reached
 * the connector). `between` runs before each step, untimed (the echo turn that interleaves the baseline).
 * Throws, naming the step, when the bot's answer is not what a user would see.
 */
export async function timedWalk(
  party: WalkParty,
  n: number,
  between: () => Promise<void> = async () => undefined,
): Promise<WalkTimes> {
  const { user, approver, connector } = party;
  const times: Partial<WalkTimes> = {};
  const timed = async (step: StepName, send: () => Promise<HttpAnswer>) => {
    await between();
    const started = performance.now();
    const answer = await send();
    times[step] = performance.now() - started;
    if (answer.status !== 200) throw new Error(`${step}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  };

  await timed('start', () => user.say('add customer'));
  const cardId = lastCardTo(connector, user)?.activityId;
  if (!cardId) throw new Error('start: the bot sent no card');
  const card = () => cardOf(connector.latest(cardId));
  const press = (verb: string, inputs: Record<string, string> = {}) =>
    user.press(cardId, actionOf(card(), verb), inputs);
  await timed('account', () => press(CARD_VERBS.accountNext, benchAccountInputs(party.runTag, n)));
  await timed('offers', () => press(CARD_VERBS.subscriptionsNext, BENCH_LICENSES));
  await timed('review', () => press(CARD_VERBS.reviewSubmit));
  const approval = await approvalCardFor(connector, user, benchDomainPrefix(party.runTag, n));

  const delivered = party.deliveries.next(`a:personal-${user.id}`);
  await between();
  const started = performance.now();
  const answer = await pressExecute(approver, approval.activityId, CARD_VERBS.approvalApprove, {
    requestId: approval.requestId,
  });
  times.approval = performance.now() - started;
  if (answer.status !== 200 || !/Approved/.test(cardText(answer.value))) {
    throw new Error(`approval: HTTP ${answer.status} ${JSON.stringify(answer.value).slice(0, 200)}`);
  }
  times.credentials = (await delivered) - started;
  return times as WalkTimes;
}

function actionOf(card: CardJson | undefined, verb: string): Record<string, unknown> {
  try {
    return actionData(card, verb);
  } catch {
    throw new Error(`the card shows no ${verb} button; it says: ${cardText(card).slice(0, 300)}`);
  }
}

function lastCardTo(connector: FakeBotConnector, user: TeamsUser): SentActivity | undefined {
  const sent = connector.sentTo(user.conversation.id);
  for (let i = sent.length - 1; i >= 0; i -= 1) {
    const entry = sent[i] as SentActivity;
    const recipient = entry.activity.recipient as { id?: string } | undefined;
    if (recipient?.id === user.id && cardOf(entry)) return entry;
  }
  return undefined;
}

/**
 * The approval card for `domainPrefix` (since "one card per request", the Review card updated in place),
 * waiting for it: under a heavy load the Review turn can
 * pass the deadline by which Teams gets its answer (`TURN_ANSWER_MS`) and post the card after answering.
 */
async function approvalCardFor(connector: FakeBotConnector, user: TeamsUser, domainPrefix: string) {
  const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    for (const entry of connector.shownIn(user.conversation.id)) {
      const card = cardOf(entry) as {
        refresh?: { action?: { verb?: string; data?: { requestId?: string } } };
      };
      const requestId = card?.refresh?.action?.data?.requestId;
      if (card?.refresh?.action?.verb !== CARD_VERBS.approvalRefresh || !requestId) continue;
      if (cardText(card).includes(domainPrefix)) return { activityId: entry.activityId, requestId };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`review: no approval card for ${domainPrefix} was posted`);
}
