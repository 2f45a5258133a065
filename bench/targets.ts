import type { BenchResults } from './bench-results.js';
import { STEPS } from './timed-walk.js';

/** One target of issue 6 and whether this run met it. */
export type TargetCheck = { target: string; measured: string; met: boolean | 'not judged' };

const MB = 1024 * 1024;

/** Judges every target against this run's numbers; a quick run lacks the large sizes and judges fewer. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { latency, concurrency, storeGrowth } = results;
  for (const step of STEPS) {
    const s = latency.steps[step];
    checks.push({
      target: `${step}: p50 ≤ 1.5× echo p50`,
      measured: `${s.p50.toFixed(2)} ms = ${s.p50Ratio.toFixed(2)}×`,
      met: s.p50Ratio <= 1.5,
    });
    checks.push({
      target: `${step}: p99 ≤ 3× echo (p50 / p99)`,
      measured: `${s.p99.toFixed(2)} ms = ${s.p99Ratio.toFixed(2)}× / ${s.p99RatioToEchoP99.toFixed(2)}×`,
      met: s.p99Ratio <= 3,
    });
  }
  checks.push({
    target: `concurrency (${concurrency.users} users): 0 errors, every customer exactly once`,
    measured: `${concurrency.failedWalks} failed walks, ${concurrency.botErrorLines} error logs, ${
      concurrency.customersExactlyOnce ? 'all exactly once' : `${concurrency.customersStored} stored`
    }`,
    met: concurrency.failedWalks === 0 && concurrency.botErrorLines === 0 && concurrency.customersExactlyOnce,
  });
  const { partnerCenter } = results;
  checks.push({
    target: `Submit answers without waiting on Partner Center (p99 < its ${partnerCenter.latencyMs} ms latency)`,
    measured: `${partnerCenter.submitAnswer.p99.toFixed(2)} ms; credentials after ${partnerCenter.submitToCredentials.p50.toFixed(0)} ms (p50)`,
    met: partnerCenter.submitAnswer.p99 < partnerCenter.latencyMs,
  });
  const point = (customers: number) =>
    storeGrowth.points.find((p) => p.layout === 'segmented' && p.customers === customers);
  const at100 = point(100);
  const at10k = point(10_000);
  checks.push(
    at100 && at10k
      ? {
          target: 'save at 10 000 ≤ 2× save at 100 (mean)',
          measured: `${at10k.save.mean.toFixed(2)} ms vs ${at100.save.mean.toFixed(2)} ms = ${(at10k.save.mean / at100.save.mean).toFixed(2)}×`,
          met: at10k.save.mean <= 2 * at100.save.mean,
        }
      : {
          target: 'save at 10 000 ≤ 2× save at 100',
          measured: 'no 10 000 point (quick run)',
          met: 'not judged',
        },
  );
  checks.push(
    at10k?.coldStart
      ? {
          target: 'cold start ≤ 1.5 s at 10 000',
          measured: `${(at10k.coldStart.ms / 1000).toFixed(2)} s (imports ${(at10k.coldStart.importMs / 1000).toFixed(2)} s, createApp ${(at10k.coldStart.createAppMs / 1000).toFixed(2)} s)`,
          met: at10k.coldStart.ms <= 1500,
        }
      : {
          target: 'cold start ≤ 1.5 s at 10 000',
          measured: 'no 10 000 point (quick run)',
          met: 'not judged',
        },
  );
  checks.push(
    at10k?.coldStart
      ? {
          target: 'RSS ≤ 120 MB at 10 000 customers',
          measured: `${(at10k.coldStart.memory.rss / MB).toFixed(0)} MB`,
          met: at10k.coldStart.memory.rss <= 120 * MB,
        }
      : {
          target: 'RSS ≤ 120 MB at 10 000 customers',
          measured: 'no 10 000 point (quick run)',
          met: 'not judged',
        },
  );
  return checks;
}
