import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEGMENT_SIZE } from '../store/lowdb-customer-store.js';
import { createScratch, newApproverId } from './bench-context.js';
import { newRunTag } from './bench-inputs.js';
import { BotChild } from './bot-child.js';
import { compileForBench } from './compile-for-bench.js';
import { seedStore } from './seed-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npx tsx bench/profile-cold-start.ts [--customers 100000] [--runs 3] [--out bench/profiles]`: seeds a
 * store as the store-growth section does (approved walks, segments of the default size, their index
 * files), starts the compiled bot on it `runs` times (printing each start: fork to listening, imports,
 * createApp, RSS and heap after a full GC), then once more under `node --cpu-prof`, writing
 * `cold-start.cpuprofile` to `out` for `bench/print-cpu-profile.ts`.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'profiles') },
  },
});
const customers = Number(values.customers);
const compiled = await compileForBench(ROOT);
const scratch = await createScratch();
try {
  const dataDir = path.join(scratch.dir, 'store');
  await seedStore(dataDir, customers, DEFAULT_SEGMENT_SIZE, newRunTag());
  const env = { DATA_DIR: dataDir, APPROVER_IDS: newApproverId() };
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  for (let run = 0; run < Number(values.runs); run += 1) {
    const bot = await BotChild.start(compiled, 'bot', env);
    const memory = await bot.memory();
    process.stdout.write(
      `${customers} customers: cold start ${bot.startMs.toFixed(0)} ms (imports ${bot.ready.importMs.toFixed(0)} ms, createApp ${bot.ready.createAppMs.toFixed(0)} ms), RSS ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB\n`,
    );
    await bot.stop();
  }
  await rm(path.join(values.out, 'cold-start.cpuprofile'), { force: true });
  const profiled = await BotChild.start(compiled, 'bot', env, [
    '--cpu-prof',
    `--cpu-prof-dir=${values.out}`,
    '--cpu-prof-name=cold-start.cpuprofile',
  ]);
  await profiled.stop();
  process.stdout.write(`profile: ${path.relative(ROOT, path.join(values.out, 'cold-start.cpuprofile'))}\n`);
} finally {
  await scratch.dispose();
  await compiled.remove();
}
