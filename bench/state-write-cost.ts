import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * `npx tsx bench/state-write-cost.ts`: CPU (all threads, `process.cpuUsage`) and wall time of one
 * dialog-state write, a 3 KB file written to a temporary name and renamed into place, through the
 * thread pool (`fs/promises`) and synchronously, alternately, 3 000 of each per round. Behind the choice
 * of synchronous writes in `store/file-storage.ts`.
 */
const folder = mkdtempSync(path.join(os.tmpdir(), 'state-write-cost-'));
const text = JSON.stringify({ key: 'conversation/user', item: { state: 'x'.repeat(3_000) } });
const WRITES = 3_000;

async function measure(name: string, write: () => Promise<void> | void) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < WRITES; i++) await write();
  const used = process.cpuUsage(cpu);
  const wallUs = ((performance.now() - started) * 1000) / WRITES;
  const cpuUs = (used.user + used.system) / WRITES;
  process.stdout.write(`${name}: ${cpuUs.toFixed(0)} µs CPU, ${wallUs.toFixed(0)} µs wall per write\n`);
}

const file = (name: string) => path.join(folder, name);
for (let round = 1; round <= 2; round++) {
  await measure('thread pool', async () => {
    await writeFile(file('a.tmp'), text);
    await rename(file('a.tmp'), file('a.json'));
  });
  await measure('synchronous', () => {
    writeFileSync(file('s.tmp'), text);
    renameSync(file('s.tmp'), file('s.json'));
  });
}
rmSync(folder, { recursive: true, force: true });
