import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';

const CHILD = fileURLToPath(new URL('./write-customers.ts', import.meta.url));

/** How many kills, how many at once, and how long after the store opened a child may live. */
export type CrashTestOptions = {
  runs: number;
  lanes?: number;
  maxKillDelayMs?: number;
  random?: () => number;
};

/** What the crash test found; `lost`, `duplicated` and `unreadable` must stay empty. */
export type CrashTestReport = {
  runs: number;
  acknowledged: number;
  /** Customers in the stores at the end, acknowledged or not (a killed write may have landed unacknowledged). */
  stored: number;
  lost: string[];
  duplicated: string[];
  unreadable: string[];
  elapsedMs: number;
};

/**
 * Kills a child process writing customers through the real `LowdbCustomerStore` with SIGKILL at random
 * moments, `runs` times; `lanes` children run side by side, each lane on its own data folder, every
 * child of a lane on the folder the previous one was killed over. After each kill the folder is opened
 * as a fresh store, the way the bot opens it: it must open, and every customer a child acknowledged
 * must be there exactly once. The child is bundled once with esbuild (the store's own code, compiled)
 * so that each start takes a fifth of a second rather than a second under tsx.
 */
export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestReport> {
  const started = Date.now();
  const lanes = Math.max(1, Math.min(options.lanes ?? 2, options.runs));
  const report: CrashTestReport = {
    runs: 0,
    acknowledged: 0,
    stored: 0,
    lost: [],
    duplicated: [],
    unreadable: [],
    elapsedMs: 0,
  };
  let remaining = options.runs;
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-crash-child-'));
  const child = path.join(bundleDir, 'write-customers.mjs');
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'warning',
  });
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-crash-'));
      const acknowledged = new Set<string>();
      let stored = 0;
      try {
        while (remaining > 0) {
          remaining -= 1;
          for (const id of await killOneWriter(child, dataDir, options)) acknowledged.add(id);
          report.runs += 1;
          stored = await check(dataDir, acknowledged, report);
        }
      } finally {
        report.acknowledged += acknowledged.size;
        report.stored += stored;
        await rm(dataDir, { recursive: true, force: true });
        await rm(`${dataDir}.acks`, { force: true });
      }
    }),
  );
  await rm(bundleDir, { recursive: true, force: true });
  report.elapsedMs = Date.now() - started;
  return report;
}

async function killOneWriter(bundle: string, dataDir: string, options: CrashTestOptions): Promise<string[]> {
  const ackFile = `${dataDir}.acks`;
  await rm(ackFile, { force: true });
  const child = spawn(process.execPath, [bundle, dataDir, ackFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = once(child, 'close');
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', () => {
      if (output.startsWith('ready\n')) resolve();
    });
  });
  const outcome = await Promise.race([
    ready.then(() => 'ready'),
    exited.then(() => 'exited'),
    sleep(20_000, 'timed out', { ref: false }),
  ]);
  if (outcome !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`the writer did not open the store (${outcome}): ${errors}`);
  }
  const random = options.random ?? Math.random;
  await sleep(Math.floor(random() * (options.maxKillDelayMs ?? 150)));
  child.kill('SIGKILL');
  await exited;
  const acks = await readFile(ackFile, 'utf8').catch(() => '');
  await rm(ackFile, { force: true });
  // only whole lines: a kill mid-append could leave the last one cut short
  return acks
    .split('\n')
    .slice(0, -1)
    .flatMap((line) => /^ack (\S+)$/.exec(line)?.[1] ?? []);
}

/** Opens the folder as a fresh store and records what is missing or doubled; returns how many customers it holds. */
async function check(dataDir: string, acknowledged: Set<string>, report: CrashTestReport): Promise<number> {
  let store: LowdbCustomerStore;
  try {
    store = await LowdbCustomerStore.open(dataDir);
  } catch (error) {
    report.unreadable.push(`run ${report.runs}: ${(error as Error).message}`);
    return 0;
  }
  const counts = new Map<string, number>();
  const { customers } = await store.searchCustomers({ offset: 0, limit: Number.POSITIVE_INFINITY });
  for (const customer of customers) counts.set(customer.id, (counts.get(customer.id) ?? 0) + 1);
  for (const id of acknowledged) {
    if (!counts.has(id) && !report.lost.includes(id)) report.lost.push(id);
  }
  for (const [id, count] of counts) {
    if (count > 1 && !report.duplicated.includes(id)) report.duplicated.push(id);
  }
  return customers.length;
}
