import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { FakeBotConnector } from '../../test/helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../../test/helpers/teams-user.js';
import { type BenchContext, httpEndpoint } from '../bench-context.js';
import { newRunTag } from '../bench-inputs.js';
import { BotChild } from '../bot-child.js';
import { seedStore } from '../seed-store.js';
import { type Summary, summarise } from '../stats.js';
import { DeliveryWatch, STEPS, type StepName, timedWalk } from '../timed-walk.js';

/** Turn latency of each step against the echo turn measured in the same run, interleaved. */
export type LatencyResult = {
  walks: number;
  echo: Summary;
  /** Ratios: p50 and p99 to the echo p50, and p99 to the echo p99. */
  steps: Record<StepName, Summary & { p50Ratio: number; p99Ratio: number; p99RatioToEchoP99: number }>;
  /**
   * CPU time per timed walk of the bot (its five turns and the credentials) and per echo turn: less moved
   * by other work on the machine than the times, so the measure to compare changes by.
   */
  cpu: { botMsPerWalk: number; echoMsPerTurn: number };
  /** When profiling: each child's clock (µs) at the end of the warm-up, where its profile should be read from. */
  profileFromUs?: { bot: number; echo: number };
};

/** Variations of the latency run: profiled, or on a store that already holds customers. */
export type LatencyOptions = {
  profileDir?: string;
  /** Start the bot on a store of this many approved walks, split into files of `segmentSize` records. */
  stored?: { customers: number; segmentSize: number };
  walks?: number;
  warmupWalks?: number;
  /** More environment for the bot (such as `STORE=azure` and its connection string). */
  env?: Record<string, string>;
};

/**
 * Walks the add-customer flow one user at a time (a new channel thread each), with an echo turn before
 * every step, so that both bots see the same machine noise. Warm-up walks are not counted.
 */
export async function measureTurnLatency(
  context: BenchContext,
  options: LatencyOptions = {},
): Promise<LatencyResult> {
  const walks = options.walks ?? context.plan.latency.walks;
  const warmupWalks = options.warmupWalks ?? context.plan.latency.warmupWalks;
  const dataDir = await mkdtemp(path.join(context.scratch, 'latency-'));
  if (options.stored) {
    await seedStore(dataDir, options.stored.customers, options.stored.segmentSize, newRunTag());
  }
  const connector = new FakeBotConnector();
  await connector.start();
  const deliveries = new DeliveryWatch(connector);
  const profile = (name: string) =>
    options.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
      : [];
  const bot = await BotChild.start(
    context.compiled,
    'bot',
    { DATA_DIR: dataDir, APPROVER_IDS: context.approverAadId, ...options.env },
    profile('bot'),
    options.stored?.segmentSize,
  );
  const echo = await BotChild.start(
    context.compiled,
    'echo',
    { DATA_DIR: await mkdtemp(path.join(context.scratch, 'echo-')) },
    profile('echo'),
  );
  try {
    const botEndpoint = httpEndpoint(bot.url);
    const echoUser = new TeamsUser(httpEndpoint(echo.url), connector, 'Echo User', channelThread('echo'));
    const runTag = newRunTag();
    let echoSamples: number[] = [];
    let profileFromUs: LatencyResult['profileFromUs'];
    let cpuFrom = { bot: 0, echo: 0 };
    const echoTurn = async () => {
      const started = performance.now();
      const answer = await echoUser.say('hello');
      echoSamples.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`echo: HTTP ${answer.status}`);
    };
    const samples = Object.fromEntries(STEPS.map((step) => [step, [] as number[]])) as Record<
      StepName,
      number[]
    >;
    for (let n = 0; n < warmupWalks + walks; n += 1) {
      if (n === warmupWalks) {
        echoSamples = [];
        cpuFrom = { bot: await bot.cpuMs(), echo: await echo.cpuMs() };
        if (options.profileDir) profileFromUs = { bot: await bot.clock(), echo: await echo.clock() };
      }
      const thread = channelThread(`latency${n}`);
      const user = new TeamsUser(botEndpoint, connector, `Agent ${n}`, thread);
      const approver = new TeamsUser(
        botEndpoint,
        connector,
        'Approver',
        thread,
        'en-US',
        context.approverAadId,
      );
      const times = await timedWalk({ user, approver, connector, deliveries, runTag }, n, echoTurn);
      if (n >= warmupWalks) for (const step of STEPS) samples[step].push(times[step]);
      if ((n + 1) % 50 === 0) context.progress(`latency: ${n + 1}/${warmupWalks + walks} walks`);
      if (n === warmupWalks - 1 && options.stored)
        context.progress(`latency: warmed up on ${options.stored.customers} customers`);
    }
    const cpu = {
      botMsPerWalk: ((await bot.cpuMs()) - cpuFrom.bot) / walks,
      echoMsPerTurn: ((await echo.cpuMs()) - cpuFrom.echo) / echoSamples.length,
    };
    if (bot.errorLines > 0) throw new Error(`the bot logged errors: ${bot.lastErrors.join('\n')}`);
    const echoSummary = summarise(echoSamples);
    const steps = Object.fromEntries(
      STEPS.map((step) => {
        const summary = summarise(samples[step]);
        return [
          step,
          {
            ...summary,
            p50Ratio: summary.p50 / echoSummary.p50,
            p99Ratio: summary.p99 / echoSummary.p50,
            p99RatioToEchoP99: summary.p99 / echoSummary.p99,
          },
        ];
      }),
    ) as LatencyResult['steps'];
    return { walks, echo: echoSummary, steps, cpu, profileFromUs };
  } finally {
    await Promise.all([bot.stop(), echo.stop()]);
    await connector.stop();
  }
}
