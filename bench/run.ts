import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchContext, benchPlan, createScratch, newApproverId } from './bench-context.js';
import type { BenchResults } from './bench-results.js';
import { compileForBench } from './compile-for-bench.js';
import { formatTables } from './format-tables.js';
import { describeMachine } from './machine.js';
import { profileTurns } from './profile-turns.js';
import { measureConcurrency } from './sections/concurrency.js';
import { measureLatencyWithStore } from './sections/latency-with-store.js';
import { measurePartnerCenter } from './sections/partner-center.js';
import { measureStoreGrowth } from './sections/store-growth.js';
import { measureTurnLatency } from './sections/turn-latency.js';
import { checkTargets } from './targets.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npm run bench [-- --quick] [-- --profile] [-- --out file]`: measures the bot against an echo baseline on 127.0.0.1
 * (turn latency, concurrency, store growth, memory), prints Markdown tables and writes the results as
 * JSON (`bench/results.json`, or `bench/results-quick.json` for a quick run); `--profile` instead profiles
 * the turns (see `profileTurns`). Exits non-zero when a
 * section fails, never because a number missed its target.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const out = path.resolve(
    values.out ?? path.join(ROOT, 'bench', quick ? 'results-quick.json' : 'results.json'),
  );
  const started = performance.now();
  const progress = (line: string) =>
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  progress(`${quick ? 'quick' : 'full'} run; compiling the bot`);
  const compiled = await compileForBench(ROOT);
  const scratch = await createScratch();
  try {
    const context: BenchContext = {
      compiled,
      plan: benchPlan(quick),
      scratch: scratch.dir,
      approverAadId: newApproverId(),
      progress,
    };
    if (values.profile) {
      progress('turn latency under --cpu-prof');
      process.stdout.write(`${await profileTurns(context, path.join(ROOT, 'bench', 'profiles'))}\n`);
      return;
    }
    progress('turn latency');
    const latency = await measureTurnLatency(context);
    const latencyWithStore = await measureLatencyWithStore(context);
    progress('concurrency');
    const concurrency = await measureConcurrency(context);
    progress('Partner Center');
    const partnerCenter = await measurePartnerCenter(context);
    progress('store growth');
    const storeGrowth = await measureStoreGrowth(context);
    const { memorySize } = context.plan.store;
    const withStore = (layout: string) =>
      storeGrowth.points.find((point) => point.layout === layout && point.customers === memorySize);
    const results: BenchResults = {
      quick,
      machine: describeMachine(),
      seconds: (performance.now() - started) / 1000,
      latency,
      latencyWithStore,
      concurrency,
      partnerCenter,
      storeGrowth,
      memory: {
        echoAfterStart: storeGrowth.baseline.echo.memory.rss,
        botAfterStart: storeGrowth.baseline.bot.memory.rss,
        botWithStore: {
          customers: memorySize,
          rss: withStore('segmented')?.coldStart?.memory.rss ?? Number.NaN,
          singleFileRss: withStore('singleFile')?.coldStart?.memory.rss,
          leanRss: storeGrowth.tuned?.coldStart.memory.rss,
        },
        botAfterConcurrency: concurrency.memoryAfter.rss,
      },
    };
    const targets = checkTargets(results);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(`${out}.tmp`, `${JSON.stringify({ ...results, targets }, null, 2)}\n`, 'utf8');
    await rename(`${out}.tmp`, out);
    process.stdout.write(
      `${formatTables(results, targets)}\n\nResults written to ${path.relative(ROOT, out)}\n`,
    );
  } finally {
    await scratch.dispose();
    await compiled.remove();
  }
}

await main();
