import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { CustomerStore } from '../../store/customer-store.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { FakeBotConnector } from '../../test/helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../../test/helpers/teams-user.js';
import { type BenchContext, httpEndpoint, pooledHttpEndpoint } from '../bench-context.js';
import { benchDomainPrefix, newRunTag } from '../bench-inputs.js';
import { BotChild } from '../bot-child.js';
import type { MemorySample } from '../children/child-messages.js';
import { type Summary, summarise } from '../stats.js';
import { DeliveryWatch, STEPS, type StepName, timedWalk } from '../timed-walk.js';

/** Many users walking at once: throughput, tail latency, errors and the store afterwards. */
export type ConcurrencyResult = {
  users: number;
  threads: number;
  /**
   * How the users' activities reach the bot: over a pool of that many kept-alive connections, queued in
   * order beyond it, as a service posting for many users does (Teams users never connect to a bot; the
   * Bot Connector service posts their activities), or `newPerUser`: each user opens a connection of their
   * own at the same moment, the worst case for the first turn.
   */
  connections: ConnectionModel;
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
  /**
   * CPU seconds used during the run by the bot, and by the bench's own process (the 200 simulated users
   * and the fake Bot Connector), which shares the same cores: what the cores had to give.
   */
  cpu: { botSeconds: number; benchSeconds: number };
  /**
   * The echo bot under the same load, right after: the same users in the same threads, each posting the
   * walk's five turns one after another (each answered with one message): what this stack, machine and
   * bench give when a turn does nothing but answer. Left out for the bot on Azurite.
   */
  echo?: EchoUnderLoad;
  /** When profiled: the bot's clock (µs) when every user started, where its profile should be read from. */
  profileFromUs?: number;
};

/** A pool of kept-alive connections of that size, or a new connection per user (`ConcurrencyResult`). */
export type ConnectionModel = number | 'newPerUser';

/** Where the users post: through one pool for the whole run, or with `fetch`, a connection per user. */
function endpointFor(url: string, connections: ConnectionModel) {
  return connections === 'newPerUser' ? httpEndpoint(url) : pooledHttpEndpoint(url, connections);
}

/** The echo bot's run of `ConcurrencyResult.echo`. */
export type EchoUnderLoad = {
  seconds: number;
  walksPerSecond: number;
  firstAnswer: Summary;
  everyAnswer: Summary;
  cpu: { echoSeconds: number; benchSeconds: number };
  failedWalks: number;
};

const WARM_UP_WALKS = 2;

/** Variations of the concurrency run: the bot on another store, read back afterwards by `openStore`. */
export type ConcurrencyOptions = {
  /** More environment for the bot (such as `STORE=azure` and its connection string). */
  env?: Record<string, string>;
  /** Opens the store the bot wrote, to count its customers; the JSON files of its data folder by default. */
  openStore?: (dataDir: string) => Promise<Pick<CustomerStore, 'searchCustomers'>>;
  /** Whether to run the echo bot under the same load afterwards (see `ConcurrencyResult.echo`); yes by default. */
  echoBaseline?: boolean;
  /** How the users reach the bot; by default the plan's pool (`BenchPlan.concurrency.connections`). */
  connections?: ConnectionModel;
  /** Runs the bot under `node --cpu-prof`, writing `concurrency.cpuprofile` to this folder. */
  profileDir?: string;
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
  const connections = options.connections ?? context.plan.concurrency.connections;
  const connector = new FakeBotConnector();
  await connector.start();
  const deliveries = new DeliveryWatch(connector);
  const dataDir = await mkdtemp(path.join(context.scratch, 'concurrency-'));
  const bot = await BotChild.start(
    context.compiled,
    'bot',
    {
      DATA_DIR: dataDir,
      APPROVER_IDS: context.approverAadId,
      ...options.env,
    },
    options.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-name=concurrency.cpuprofile']
      : [],
  );
  let memoryAfter: MemorySample;
  let cpu: ConcurrencyResult['cpu'];
  let profileFromUs: number | undefined;
  const runTag = newRunTag();
  const failures: string[] = [];
  const samples = Object.fromEntries(STEPS.map((step) => [step, [] as number[]])) as Record<
    StepName,
    number[]
  >;
  let seconds: number;
  try {
    const endpoint = endpointFor(bot.url, connections);
    for (let n = users; n < users + WARM_UP_WALKS; n += 1) {
      const thread = channelThread(`warm${n}`);
      const user = new TeamsUser(endpoint, connector, `Agent ${n}`, thread);
      const approver = new TeamsUser(endpoint, connector, 'Approver', thread, 'en-US', context.approverAadId);
      await timedWalk({ user, approver, connector, deliveries, runTag }, n);
    }
    const conversations = Array.from({ length: threads }, (_, t) => channelThread(`busy${t}`));
    if (options.profileDir) profileFromUs = await bot.clock();
    const run = await allAtOnce(bot, users, async (n) => {
      const thread = conversations[n % threads] as (typeof conversations)[number];
      const user = new TeamsUser(endpoint, connector, `Agent ${n}`, thread);
      const approver = new TeamsUser(endpoint, connector, 'Approver', thread, 'en-US', context.approverAadId);
      try {
        const times = await timedWalk({ user, approver, connector, deliveries, runTag }, n);
        for (const step of STEPS) samples[step].push(times[step]);
      } catch (error) {
        failures.push(`user ${n}: ${(error as Error).message}`);
      }
    });
    seconds = run.seconds;
    cpu = { botSeconds: run.childCpuSeconds, benchSeconds: run.benchCpuSeconds };
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
    connections,
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
    cpu,
    echo: options.echoBaseline === false ? undefined : await measureEchoUnderLoad(context, connections),
    profileFromUs,
  };
}

/** The walk's turns that are messages or presses a user makes, posted to the echo bot as messages. */
const ECHO_TURNS_PER_WALK = 5;

/** The echo bot with every user at once, as `measureConcurrency` runs the bot (see `ConcurrencyResult.echo`). */
async function measureEchoUnderLoad(
  context: BenchContext,
  connections: ConnectionModel,
): Promise<EchoUnderLoad> {
  const { users, threads } = context.plan.concurrency;
  const connector = new FakeBotConnector();
  await connector.start();
  const echo = await BotChild.start(context.compiled, 'echo', {
    DATA_DIR: await mkdtemp(path.join(context.scratch, 'echo-load-')),
  });
  const first: number[] = [];
  const every: number[] = [];
  let failedWalks = 0;
  try {
    const endpoint = endpointFor(echo.url, connections);
    const say = async (user: TeamsUser) => {
      const started = performance.now();
      const answer = await user.say('hello');
      if (answer.status !== 200) throw new Error(`echo: HTTP ${answer.status}`);
      return performance.now() - started;
    };
    const warmUp = new TeamsUser(endpoint, connector, 'Warm-up', channelThread('echo-warm'));
    for (let turn = 0; turn < WARM_UP_WALKS * ECHO_TURNS_PER_WALK; turn += 1) await say(warmUp);
    const conversations = Array.from({ length: threads }, (_, t) => channelThread(`echo-busy${t}`));
    const run = await allAtOnce(echo, users, async (n) => {
      const thread = conversations[n % threads] as (typeof conversations)[number];
      const user = new TeamsUser(endpoint, connector, `Agent ${n}`, thread);
      try {
        for (let turn = 0; turn < ECHO_TURNS_PER_WALK; turn += 1) {
          const ms = await say(user);
          if (turn === 0) first.push(ms);
          every.push(ms);
        }
      } catch {
        failedWalks += 1;
      }
    });
    return {
      seconds: run.seconds,
      walksPerSecond: (users - failedWalks) / run.seconds,
      firstAnswer: summarise(first),
      everyAnswer: summarise(every),
      cpu: { echoSeconds: run.childCpuSeconds, benchSeconds: run.benchCpuSeconds },
      failedWalks,
    };
  } finally {
    await echo.stop();
    await connector.stop();
  }
}

/**
 * Runs `walk` for every user at once against `child`: the wall time, and the CPU seconds used meanwhile
 * by the child and by the bench's own process (the users and the fake Bot Connector).
 */
async function allAtOnce(child: BotChild, users: number, walk: (n: number) => Promise<void>) {
  const childCpuBefore = await child.cpuMs();
  const benchCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: users }, (_, n) => walk(n)));
  const seconds = (performance.now() - started) / 1000;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  return {
    seconds,
    childCpuSeconds: ((await child.cpuMs()) - childCpuBefore) / 1000,
    benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
  };
}
