import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { CustomerStore } from '../../store/customer-store.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { FakeBotConnector } from '../../test/helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../../test/helpers/teams-user.js';
import { type BenchContext, httpEndpoint } from '../bench-context.js';
import { benchDomainPrefix, newRunTag } from '../bench-inputs.js';
import { BotChild } from '../bot-child.js';
import type { MemorySample } from '../children/child-messages.js';
import { type Summary, summarise } from '../stats.js';
import { DeliveryWatch, STEPS, type StepName, timedWalk } from '../timed-walk.js';

/** Many users walking at once: throughput, tail latency, errors and the store afterwards. */
export type ConcurrencyResult = {
  users: number;
  threads: number;
  seconds: number;
  completed: number;
  dialogsPerSecond: number;
  steps: Record<StepName, Summary>;
  failedWalks: number;
  botErrorLines: number;
  botWarnLines: number;
  firstErrors: string[];
  /** Customers in the store afterwards: the users' and the two warm-up walks'. */
  customersStored: number;
  customersExactlyOnce: boolean;
  memoryAfter: MemorySample;
};

const WARM_UP_WALKS = 2;

/** Variations of the concurrency run: the bot on another store, read back afterwards by `openStore`. */
export type ConcurrencyOptions = {
  /** More environment for the bot (such as `STORE=azure` and its connection string). */
  env?: Record<string, string>;
  /** Opens the store the bot wrote, to count its customers; the JSON files of its data folder by default. */
  openStore?: (dataDir: string) => Promise<Pick<CustomerStore, 'searchCustomers'>>;
};

/**
 * After two warm-up walks (not counted), starts every user's walk at once, `users / threads` users per
 * channel thread with the approver in each thread, then reopens the store from disk and checks that every
 * customer (the warm-up ones included) is there exactly once.
 */
export async function measureConcurrency(
  context: BenchContext,
  options: ConcurrencyOptions = {},
): Promise<ConcurrencyResult> {
  const { users, threads } = context.plan.concurrency;
  const connector = new FakeBotConnector();
  await connector.start();
  const deliveries = new DeliveryWatch(connector);
  const dataDir = await mkdtemp(path.join(context.scratch, 'concurrency-'));
  const bot = await BotChild.start(context.compiled, 'bot', {
    DATA_DIR: dataDir,
    APPROVER_IDS: context.approverAadId,
    ...options.env,
  });
  let memoryAfter: MemorySample;
  const runTag = newRunTag();
  const failures: string[] = [];
  const samples = Object.fromEntries(STEPS.map((step) => [step, [] as number[]])) as Record<
    StepName,
    number[]
  >;
  let seconds: number;
  try {
    const endpoint = httpEndpoint(bot.url);
    for (let n = users; n < users + WARM_UP_WALKS; n += 1) {
      const thread = channelThread(`warm${n}`);
      const user = new TeamsUser(endpoint, connector, `Agent ${n}`, thread);
      const approver = new TeamsUser(endpoint, connector, 'Approver', thread, 'en-US', context.approverAadId);
      await timedWalk({ user, approver, connector, deliveries, runTag }, n);
    }
    const conversations = Array.from({ length: threads }, (_, t) => channelThread(`busy${t}`));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, async (_, n) => {
        const thread = conversations[n % threads] as (typeof conversations)[number];
        const user = new TeamsUser(endpoint, connector, `Agent ${n}`, thread);
        const approver = new TeamsUser(
          endpoint,
          connector,
          'Approver',
          thread,
          'en-US',
          context.approverAadId,
        );
        try {
          const times = await timedWalk({ user, approver, connector, deliveries, runTag }, n);
          for (const step of STEPS) samples[step].push(times[step]);
        } catch (error) {
          failures.push(`user ${n}: ${(error as Error).message}`);
        }
      }),
    );
    seconds = (performance.now() - started) / 1000;
    memoryAfter = await bot.memory();
  } finally {
    await bot.stop();
    await connector.stop();
  }
  const store = await (options.openStore ?? ((dir) => LowdbCustomerStore.open(dir)))(dataDir);
  const { customers } = await store.searchCustomers({ offset: 0, limit: Number.POSITIVE_INFINITY });
  const counts = new Map<string, number>();
  for (const customer of customers)
    counts.set(customer.domainPrefix, (counts.get(customer.domainPrefix) ?? 0) + 1);
  const expected = users + WARM_UP_WALKS;
  const exactlyOnce =
    customers.length === expected &&
    Array.from({ length: expected }, (_, n) => counts.get(benchDomainPrefix(runTag, n)) === 1).every(Boolean);
  const completed = samples.credentials.length;
  return {
    users,
    threads,
    seconds,
    completed,
    dialogsPerSecond: completed / seconds,
    steps: Object.fromEntries(
      STEPS.map((step) => [step, summarise(samples[step])]),
    ) as ConcurrencyResult['steps'],
    failedWalks: failures.length,
    botErrorLines: bot.errorLines,
    botWarnLines: bot.warnLines,
    firstErrors: [...failures.slice(0, 3), ...bot.lastErrors.slice(0, 3), ...bot.firstWarnings.slice(0, 3)],
    customersStored: customers.length,
    customersExactlyOnce: exactlyOnce,
    memoryAfter,
  };
}
