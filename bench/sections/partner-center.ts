import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { actionData, cardOf } from '../../test/helpers/card-queries.js';
import { FakeBotConnector } from '../../test/helpers/fake-bot-connector.js';
import { FakePartnerCenter } from '../../test/helpers/fake-partner-center.js';
import { channelThread, TeamsUser } from '../../test/helpers/teams-user.js';
import { type BenchContext, httpEndpoint } from '../bench-context.js';
import { BENCH_LICENSES, benchAccountInputs, newRunTag } from '../bench-inputs.js';
import { BotChild } from '../bot-child.js';
import { type Summary, summarise } from '../stats.js';
import { DeliveryWatch } from '../timed-walk.js';

const TEST_CA = fileURLToPath(new URL('../../test/fixtures/tls/test-ca.pem', import.meta.url));

/** Creating customers in a Partner Center that takes `latencyMs` to answer every call. */
export type PartnerCenterResult = {
  latencyMs: number;
  walks: number;
  /** From pressing Submit to the bot's HTTP answer: what the user waits for before the card changes. */
  submitAnswer: Summary;
  /** From pressing Submit to the credentials card in the requester's 1:1 chat. */
  submitToCredentials: Summary;
  /** Calls the bot made to Partner Center per created customer (token, domain and address checks, create, order). */
  callsPerCustomer: number;
};

/**
 * Walks the add-customer flow against the fake Partner Center with a fixed latency on every `/v1` call
 * (no approvers, so Submit starts the creation): the Submit turn must answer without waiting on Partner
 * Center, and the credentials follow once the customer and its order are created.
 */
export async function measurePartnerCenter(context: BenchContext): Promise<PartnerCenterResult> {
  const { walks, latencyMs } = context.plan.partnerCenter;
  const fake = await FakePartnerCenter.start({ latencyMs });
  const connector = new FakeBotConnector();
  await connector.start();
  const deliveries = new DeliveryWatch(connector);
  const bot = await BotChild.start(context.compiled, 'bot', {
    DATA_DIR: await mkdtemp(path.join(context.scratch, 'partner-center-')),
    NODE_EXTRA_CA_CERTS: TEST_CA,
    PARTNER_CENTER_TENANT_ID: fake.tenantId,
    PARTNER_CENTER_CLIENT_ID: fake.clientId,
    PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
    PARTNER_CENTER_ENDPOINT: fake.url,
    PARTNER_CENTER_AUTHORITY: fake.authority,
  });
  const endpoint = httpEndpoint(bot.url);
  const runTag = newRunTag();
  const answers: number[] = [];
  const credentials: number[] = [];
  try {
    for (let n = 0; n < walks; n++) {
      const user = new TeamsUser(endpoint, connector, `Bench user ${n}`, channelThread(`pc-${runTag}-${n}`));
      await user.say('add customer');
      const cardId = connector.sentTo(user.conversation.id).at(-1)?.activityId ?? '';
      const press = (verb: string, inputs: Record<string, string> = {}) =>
        user.press(cardId, actionData(cardOf(connector.latest(cardId)), verb), inputs);
      await press(CARD_VERBS.accountNext, benchAccountInputs(runTag, n));
      await press(CARD_VERBS.subscriptionsNext, BENCH_LICENSES);
      const delivered = deliveries.next(`a:personal-${user.id}`);
      const started = performance.now();
      const answer = await press(CARD_VERBS.reviewSubmit);
      answers.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`Submit: HTTP ${answer.status}`);
      credentials.push((await delivered) - started);
    }
  } finally {
    await bot.stop();
    await connector.stop();
    await fake.stop();
  }
  if (bot.errorLines > 0)
    throw new Error(`the bot logged ${bot.errorLines} errors: ${bot.lastErrors.join('\n')}`);
  const v1Calls = fake.requests.filter((request) => request.path.startsWith('/v1/')).length;
  return {
    latencyMs,
    walks,
    submitAnswer: summarise(answers),
    submitToCredentials: summarise(credentials),
    callsPerCustomer: v1Calls / walks,
  };
}
