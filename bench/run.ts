import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchContext, benchPlan, createScratch, newApproverId } from './bench-context.js';
import { type BenchResults, SECTIONS, type Section } from './bench-results.js';
import { compileForBench } from './compile-for-bench.js';
import { formatTables } from './format-tables.js';
import { describeMachine } from './machine.js';
import { profileConcurrency, profileTurns } from './profile-turns.js';
import { measureAzureStore } from './sections/azure-store.js';
import { measureConcurrency } from './sections/concurrency.js';
import { measureLatencyWithStore } from './sections/latency-with-store.js';
import { measurePartnerCenter } from './sections/partner-center.js';
import { measureStoreGrowth } from './sections/store-growth.js';
import { measureTurnLatency } from './sections/turn-latency.js';
import { checkTargets } from './targets.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npm run bench [-- --quick] [-- --profile] [-- --only section,…] [-- --out file]`: measures the bot against an echo baseline on 127.0.0.1
 * (turn latency, concurrency, store growth, memory, and the bot on Azurite), prints Markdown tables and writes the results as
 * JSON (`bench/results.json`, or `bench/results-quick.json` for a quick run); `--profile` instead profiles
 * the turns (see `profileTurns`), or with `--only concurrency` the concurrency run (`profileConcurrency`); `--only latency,concurrency` runs just those sections (see `SECTIONS`).
 * Exits non-zero when a
 * section fails, never because a number missed its target.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const sections = chosenSections(values.only, quick);
  const out = path.resolve(
    values.out ?? path.join(ROOT, 'bench', quick ? 'results-quick.json' : 'results.json'),
  );
  const started = performance.now();
  const progress = (line: string) =>
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  progress(`${quick ? 'quick' : 'full'} run of ${sections.join(', ')}; compiling the bot`);
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
      const profiles = path.join(ROOT, 'bench', 'profiles');
      const concurrency = values.only?.trim() === 'concurrency';
      progress(`${concurrency ? 'concurrency' : 'turn latency'} under --cpu-prof`);
      const summary = concurrency
        ? await profileConcurrency(context, profiles)
        : await profileTurns(context, profiles);
      process.stdout.write(`${summary}\n`);
      return;
    }
    const results = await measureSections(context, sections);
    const complete: BenchResults = {
      ...results,
      quick,
      machine: describeMachine(),
      seconds: (performance.now() - started) / 1000,
    };
    const targets = checkTargets(complete);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(`${out}.tmp`, `${JSON.stringify({ ...complete, targets }, null, 2)}\n`, 'utf8');
    await rename(`${out}.tmp`, out);
    process.stdout.write(
      `${formatTables(complete, targets)}\n\nResults written to ${path.relative(ROOT, out)}\n`,
    );
  } finally {
    await scratch.dispose();
    await compiled.remove();
  }
}

/**
 * The sections `--only a,b` names; when absent, all of them, except that a quick run (CI) leaves out
 * `azure`, whose Azurite start and storage round trips would add half a minute. An unknown name stops
 * the run before it starts.
 */
function chosenSections(only: string | undefined, quick: boolean): Section[] {
  if (only === undefined) return SECTIONS.filter((section) => !quick || section !== 'azure');
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`--only: unknown section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  }
  return SECTIONS.filter((section) => names.includes(section));
}

/** Runs the chosen sections in order; the memory summary needs the store-growth section. */
async function measureSections(
  context: BenchContext,
  sections: Section[],
): Promise<Omit<BenchResults, 'quick' | 'machine' | 'seconds'>> {
  const runs = (section: Section) => sections.includes(section);
  const { progress } = context;
  if (runs('latency')) progress('turn latency');
  const latency = runs('latency') ? await measureTurnLatency(context) : undefined;
  const latencyWithStore = runs('latencyWithStore') ? await measureLatencyWithStore(context) : undefined;
  if (runs('concurrency')) progress('concurrency');
  const concurrency = runs('concurrency') ? await measureConcurrency(context) : undefined;
  const concurrencyNewConnections =
    runs('concurrency') && context.plan.concurrency.alsoNewConnections
      ? await measureConcurrency(context, { connections: 'newPerUser' })
      : undefined;
  if (runs('partnerCenter')) progress('Partner Center');
  const partnerCenter = runs('partnerCenter') ? await measurePartnerCenter(context) : undefined;
  if (runs('storeGrowth')) progress('store growth');
  const storeGrowth = runs('storeGrowth') ? await measureStoreGrowth(context) : undefined;
  const azure = runs('azure') ? await measureAzureStore(context) : undefined;
  const { memorySize } = context.plan.store;
  const withStore = (layout: string) =>
    storeGrowth?.points.find((point) => point.layout === layout && point.customers === memorySize);
  const memory = storeGrowth && {
    echoAfterStart: storeGrowth.baseline.echo.memory.rss,
    botAfterStart: storeGrowth.baseline.bot.memory.rss,
    botWithStore: {
      customers: memorySize,
      rss: withStore('segmented')?.coldStart?.memory.rss ?? Number.NaN,
      singleFileRss: withStore('singleFile')?.coldStart?.memory.rss,
      leanRss: storeGrowth.tuned?.coldStart.memory.rss,
    },
    botAfterConcurrency: concurrency?.memoryAfter.rss,
  };
  return {
    sections,
    latency,
    latencyWithStore,
    concurrency,
    concurrencyNewConnections,
    partnerCenter,
    storeGrowth,
    azure,
    memory,
  };
}

await main();
