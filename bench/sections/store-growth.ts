import path from 'node:path';
import { DEFAULT_SEGMENT_SIZE } from '../../store/lowdb-customer-store.js';
import type { BenchContext } from '../bench-context.js';
import { newRunTag } from '../bench-inputs.js';
import { BotChild } from '../bot-child.js';
import type { MemorySample } from '../children/child-messages.js';
import type { StoreMeasurement } from '../children/store-process.js';
import { runStoreJob } from '../run-store-job.js';
import { seedStore, storeFilesSize } from '../seed-store.js';
import { median, type Summary, summarise } from '../stats.js';

/** The two layouts compared: the store as shipped, and everything in one `customers.json` as before. */
export const LAYOUTS = {
  segmented: DEFAULT_SEGMENT_SIZE,
  singleFile: Number.MAX_SAFE_INTEGER,
} as const;
/** A store layout under measurement. */
export type Layout = keyof typeof LAYOUTS;

/** One layout at one size: store timings, files and the bot's cold start on it. */
export type StorePoint = {
  layout: Layout;
  customers: number;
  files: number;
  bytes: number;
  largestFileBytes: number;
  openMs: number;
  storeHeapUsed: number;
  save: Summary;
  walkStoreWork: Summary;
  domainLookupUs: number;
  matchLookupUs: number;
  /** The bot started on this store (a quick run starts it only on the largest store, as shipped). */
  coldStart?: ColdStart;
};

/** Cold start of a bot on an empty data folder and of the echo baseline. */
export type ColdStartBaseline = { bot: ColdStart; echo: ColdStart };
/** Median time from `fork` to listening, and the memory right after. */
export type ColdStart = { ms: number; importMs: number; createAppMs: number; memory: MemorySample };

/** One segment size tried at a fixed store size: what it costs to open and to write. */
export type SweepPoint = {
  segmentSize: number;
  customers: number;
  files: number;
  openMs: number;
  save: Summary;
  walkStoreWork: Summary;
};

/** Everything the store-growth section measured. */
export type StoreGrowthResult = {
  segmentSize: number;
  baseline: ColdStartBaseline;
  points: StorePoint[];
  skipped: string[];
  sweep: SweepPoint[];
  /** The bot on the `memorySize` store again (full run only), with V8 flags that trade young-generation size for RSS. */
  tuned?: { nodeOptions: string[]; coldStart: ColdStart };
};

/** The V8 flags tried for a smaller resident set (a deployment knob, not a code change). */
export const LEAN_NODE_OPTIONS = ['--max-semi-space-size=1'];

/**
 * For each size, generates a store of that many approved walks in both layouts, starts the bot on it
 * (cold start, memory), then measures the store alone in a child process: open, saves, look-ups.
 */
export async function measureStoreGrowth(context: BenchContext): Promise<StoreGrowthResult> {
  const { store: plan } = context.plan;
  const baseline = {
    bot: await coldStart(context, 'bot', path.join(context.scratch, 'empty-store')),
    echo: await coldStart(context, 'echo', path.join(context.scratch, 'echo-cold')),
  };
  const points: StorePoint[] = [];
  const skipped: string[] = [];
  let tuned: StoreGrowthResult['tuned'];
  for (const customers of plan.sizes) {
    for (const layout of Object.keys(LAYOUTS) as Layout[]) {
      if (layout === 'singleFile' && customers > plan.singleFileMaxSize) {
        skipped.push(`${layout} at ${customers}`);
        continue;
      }
      context.progress(`store: ${layout} with ${customers} customers`);
      const tag = newRunTag();
      const dataDir = path.join(context.scratch, `store-${layout}-${customers}`);
      await seedStore(dataDir, customers, LAYOUTS[layout], tag);
      const size = await storeFilesSize(dataDir);
      const startBot =
        (layout === 'segmented' || plan.singleFileColdStart) &&
        (!context.plan.quick || customers === plan.memorySize);
      const bot = startBot ? await coldStart(context, 'bot', dataDir) : undefined;
      if (layout === 'segmented' && customers === plan.memorySize && !context.plan.quick) {
        tuned = {
          nodeOptions: LEAN_NODE_OPTIONS,
          coldStart: await coldStart(context, 'bot', dataDir, LEAN_NODE_OPTIONS),
        };
      }
      const walks = layout === 'singleFile' ? plan.singleFileWalks(customers) : plan.segmentWalks;
      const measured: StoreMeasurement = await runStoreJob(context.compiled, {
        dataDir,
        segmentSize: LAYOUTS[layout],
        stored: customers,
        tag,
        walks,
        lookups: plan.lookups,
      });
      points.push({
        layout,
        customers,
        files: size.files,
        bytes: size.bytes,
        largestFileBytes: size.largest,
        openMs: measured.openMs,
        storeHeapUsed: measured.memoryAfterOpen.heapUsed,
        save: summarise(measured.saveMs),
        walkStoreWork: summarise(measured.walkMs),
        domainLookupUs: measured.domainLookupUs,
        matchLookupUs: measured.matchLookupUs,
        coldStart: bot,
      });
    }
  }
  const sweep = await sweepSegmentSizes(context);
  return { segmentSize: DEFAULT_SEGMENT_SIZE, baseline, points, skipped, sweep, tuned };
}

/** Opens and writes a store of `sweepCustomers` walks split with each of `sweepSegmentSizes`. */
export async function sweepSegmentSizes(context: BenchContext): Promise<SweepPoint[]> {
  const { sweepCustomers: customers, sweepSegmentSizes: sizes, segmentWalks } = context.plan.store;
  const points: SweepPoint[] = [];
  for (const segmentSize of sizes) {
    context.progress(`store: segments of ${segmentSize} records with ${customers} customers`);
    const tag = newRunTag();
    const dataDir = path.join(context.scratch, `sweep-${segmentSize}`);
    await seedStore(dataDir, customers, segmentSize, tag);
    const { files } = await storeFilesSize(dataDir);
    const measured = await runStoreJob(context.compiled, {
      dataDir,
      segmentSize,
      stored: customers,
      tag,
      walks: segmentWalks,
      lookups: 0,
    });
    points.push({
      segmentSize,
      customers,
      files,
      openMs: measured.openMs,
      save: summarise(measured.saveMs),
      walkStoreWork: summarise(measured.walkMs),
    });
  }
  return points;
}

/**
 * Starts a bot (or the echo baseline) `coldStarts` times on `dataDir` (with `nodeOptions`); the median
 * start and the memory of that run.
 */
export async function coldStart(
  context: BenchContext,
  mode: 'bot' | 'echo',
  dataDir: string,
  nodeOptions: string[] = [],
): Promise<ColdStart> {
  const runs: { ms: number; importMs: number; createAppMs: number; memory: MemorySample }[] = [];
  for (let i = 0; i < context.plan.store.coldStarts; i += 1) {
    const env = { DATA_DIR: dataDir, APPROVER_IDS: context.approverAadId };
    const child = await BotChild.start(context.compiled, mode, env, nodeOptions);
    runs.push({
      ms: child.startMs,
      importMs: child.ready.importMs,
      createAppMs: child.ready.createAppMs,
      memory: await child.memory(),
    });
    await child.stop();
  }
  const ms = median(runs.map((run) => run.ms));
  const chosen = runs.find((run) => run.ms === ms) ?? (runs[0] as (typeof runs)[number]);
  return { ms, importMs: chosen.importMs, createAppMs: chosen.createAppMs, memory: chosen.memory };
}
