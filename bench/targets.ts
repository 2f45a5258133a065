import type { BenchResults } from './bench-results.js';
import { TURN_STEPS } from './timed-walk.js';

/** One target of issue 17 and whether this run met it. */
export type TargetCheck = { target: string; measured: string; met: boolean | 'not judged' };

const MB = 1024 * 1024;

/** The targets of issue 17 ("Speed and footprint: close the gap to an echo bot"), as numbers. */
export const TARGETS = {
  p50ToEchoP50: 1.5,
  p99ToEchoP99: 3,
  dialogsPerSecond: 50,
  firstCardP99Ms: 1_500,
  coldStartMs: { 10000: 1_500, 100000: 3_000 },
  rssMB: { 10000: 140, 100000: 200 },
} as const;

const notJudged = (target: string, why: string): TargetCheck => ({
  target,
  measured: why,
  met: 'not judged',
});

/**
 * Judges every target against this run's numbers. A section that was not run (`--only`), or a size a quick
 * run lacks, is "not judged". The credentials step is not a turn the user makes (it is sent after the
 * approval turn, to another conversation) and is reported, not judged.
 */
export function checkTargets(results: BenchResults): TargetCheck[] {
  return [
    ...latencyChecks(results),
    ...concurrencyChecks(results),
    ...newConnectionsReport(results),
    ...storeChecks(results),
    ...azureChecks(results),
  ];
}

/**
 * The concurrency run with a new connection per user, reported beside the targets but not judged: the
 * targets are judged over a pool of connections, the way the Bot Connector service posts to a bot (no
 * Teams user connects to it), and this run shows what a burst of new connections adds, which an echo bot
 * under the same burst shows too (docs/BENCHMARKS.md, "How many connections").
 */
function newConnectionsReport({ concurrencyNewConnections: run }: BenchResults): TargetCheck[] {
  if (!run) return [];
  const echo = run.echo
    ? `; echo bot: first answer p99 ${(run.echo.firstAnswer.p99 / 1000).toFixed(2)} s`
    : '';
  return [
    {
      target: `${run.users} users, each on a new connection: throughput and p99 to the first card`,
      measured: `${run.dialogsPerSecond.toFixed(1)} dialogs/s, p99 ${(run.steps.start.p99 / 1000).toFixed(2)} s${echo}`,
      met: 'not judged',
    },
  ];
}

/** The same latency and concurrency targets for the bot with `STORE=azure` on Azurite. */
function azureChecks(results: BenchResults): TargetCheck[] {
  const { azure } = results;
  if (!azure) return [notJudged('Azure on Azurite: latency and concurrency', 'section not run')];
  const onAzure = (check: TargetCheck) => ({ ...check, target: `Azure on Azurite: ${check.target}` });
  return [
    ...latencyChecks({ ...results, latency: azure.latency }),
    ...concurrencyChecks({ ...results, concurrency: azure.concurrency, partnerCenter: undefined }),
  ].map(onAzure);
}

function latencyChecks({ latency }: BenchResults): TargetCheck[] {
  if (!latency) return [notJudged('turn latency', 'section not run')];
  return TURN_STEPS.flatMap((step) => {
    const s = latency.steps[step];
    return [
      {
        target: `${step}: p50 ≤ ${TARGETS.p50ToEchoP50}× echo p50`,
        measured: `${s.p50.toFixed(2)} ms = ${s.p50Ratio.toFixed(2)}×`,
        met: s.p50Ratio <= TARGETS.p50ToEchoP50,
      },
      {
        target: `${step}: p99 ≤ ${TARGETS.p99ToEchoP99}× echo p99`,
        measured: `${s.p99.toFixed(2)} ms = ${s.p99RatioToEchoP99.toFixed(2)}× (${s.p99Ratio.toFixed(2)}× echo p50)`,
        met: s.p99RatioToEchoP99 <= TARGETS.p99ToEchoP99,
      },
    ];
  });
}

function concurrencyChecks({ concurrency, partnerCenter, machine }: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (!concurrency) checks.push(notJudged('concurrency', 'section not run'));
  else {
    const { users, threads } = concurrency;
    const judged = users >= 200;
    const over =
      concurrency.connections === 'newPerUser'
        ? 'a new connection each'
        : `${concurrency.connections} connections`;
    const tag = `${users} users in ${threads} threads over ${over}`;
    checks.push({
      target: `${tag}: ≥ ${TARGETS.dialogsPerSecond} dialogs/s (${machine.cpus} CPUs)`,
      measured: `${concurrency.dialogsPerSecond.toFixed(1)} dialogs/s`,
      met: judged ? concurrency.dialogsPerSecond >= TARGETS.dialogsPerSecond : 'not judged',
    });
    checks.push({
      target: `${tag}: p99 to the first card ≤ ${TARGETS.firstCardP99Ms / 1000} s`,
      measured: `${(concurrency.steps.start.p99 / 1000).toFixed(2)} s`,
      met: judged ? concurrency.steps.start.p99 <= TARGETS.firstCardP99Ms : 'not judged',
    });
    checks.push({
      target: `${tag}: 0 errors, every customer exactly once`,
      measured: `${concurrency.failedWalks} failed walks, ${concurrency.botErrorLines} error logs, ${
        concurrency.customersExactlyOnce ? 'all exactly once' : `${concurrency.customersStored} stored`
      }`,
      met:
        concurrency.failedWalks === 0 && concurrency.botErrorLines === 0 && concurrency.customersExactlyOnce,
    });
  }
  if (partnerCenter) {
    checks.push({
      target: `Submit answers without waiting on Partner Center (p99 < its ${partnerCenter.latencyMs} ms latency)`,
      measured: `${partnerCenter.submitAnswer.p99.toFixed(2)} ms; credentials after ${partnerCenter.submitToCredentials.p50.toFixed(0)} ms (p50)`,
      met: partnerCenter.submitAnswer.p99 < partnerCenter.latencyMs,
    });
  }
  return checks;
}

function storeChecks({ storeGrowth }: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const point = (customers: number) =>
    storeGrowth?.points.find((p) => p.layout === 'segmented' && p.customers === customers);
  const at100 = point(100);
  const at10k = point(10_000);
  checks.push(
    at100 && at10k
      ? {
          target: 'save at 10 000 ≤ 2× save at 100 (mean)',
          measured: `${at10k.save.mean.toFixed(2)} ms vs ${at100.save.mean.toFixed(2)} ms = ${(at10k.save.mean / at100.save.mean).toFixed(2)}×`,
          met: at10k.save.mean <= 2 * at100.save.mean,
        }
      : notJudged('save at 10 000 ≤ 2× save at 100', 'no 10 000 point'),
  );
  for (const customers of [10_000, 100_000] as const) {
    const coldStart = point(customers)?.coldStart;
    const label = customers.toLocaleString('en-US').replace(',', ' ');
    const limitMs = TARGETS.coldStartMs[customers];
    const limitMB = TARGETS.rssMB[customers];
    if (!coldStart) {
      checks.push(notJudged(`cold start ≤ ${limitMs / 1000} s at ${label}`, `no ${label} point`));
      checks.push(notJudged(`RSS ≤ ${limitMB} MB at ${label} customers`, `no ${label} point`));
      continue;
    }
    checks.push({
      target: `cold start ≤ ${limitMs / 1000} s at ${label}`,
      measured: `${(coldStart.ms / 1000).toFixed(2)} s (imports ${(coldStart.importMs / 1000).toFixed(2)} s, createApp ${(coldStart.createAppMs / 1000).toFixed(2)} s)`,
      met: coldStart.ms <= limitMs,
    });
    checks.push({
      target: `RSS ≤ ${limitMB} MB at ${label} customers`,
      measured: `${(coldStart.memory.rss / MB).toFixed(0)} MB`,
      met: coldStart.memory.rss <= limitMB * MB,
    });
  }
  return checks;
}
