import { closeSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { encodeStateSlot, writeSlotFile } from '../store/state-slot.js';

/**
 * `npx tsx bench/state-write-cost.ts`: CPU (all threads, `process.cpuUsage`) and wall time of one
 * dialog-state write of a 3 KB record, five ways, alternately, 3 000 of each per round: a temporary file
 * renamed into place through the thread pool (`fs/promises`) and synchronously (what `FileStorage` did
 * before), the file rewritten in place with `writeFileSync` (which truncates it), and what
 * `store/file-storage.ts` does now: the record with its slot header written at offset 0 of the older of
 * two slot files, without truncating (`store/state-slot.ts`); and that same write to a slot file that
 * does not exist yet, as a key's first two writes do (each creates one of its two slots). Behind the
 * choice of synchronous writes in place. Last, the same record appended as a line to a file kept open,
 * as `store/segment-journal.ts` appends a change to the customer store.
 */
const folder = mkdtempSync(path.join(os.tmpdir(), 'state-write-cost-'));
const text = JSON.stringify({ key: 'conversation/user', item: { state: 'x'.repeat(3_000) } });
const WRITES = 3_000;

async function measure(name: string, write: (i: number) => Promise<void> | void) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < WRITES; i++) await write(i);
  const used = process.cpuUsage(cpu);
  const wallUs = ((performance.now() - started) * 1000) / WRITES;
  const cpuUs = (used.user + used.system) / WRITES;
  process.stdout.write(`${name}: ${cpuUs.toFixed(0)} µs CPU, ${wallUs.toFixed(0)} µs wall per write\n`);
}

const file = (name: string) => path.join(folder, name);
let sequence = 0;
for (let round = 1; round <= 2; round++) {
  await measure('thread pool, temporary file and rename', async () => {
    await writeFile(file('a.tmp'), text);
    await rename(file('a.tmp'), file('a.json'));
  });
  await measure('synchronous, temporary file and rename', () => {
    writeFileSync(file('s.tmp'), text);
    renameSync(file('s.tmp'), file('s.json'));
  });
  await measure('synchronous, in place, truncating', () => {
    writeFileSync(file('t.json'), text);
  });
  await measure('synchronous, slot in place, not truncating', (i) => {
    sequence += 1;
    writeSlotFile(file(i % 2 === 0 ? 'slot.json' : 'slot.b.json'), encodeStateSlot(sequence, text));
  });
  await measure("synchronous, new slot file (a key's first and second write)", (i) => {
    writeSlotFile(file(`new-${round}-${i}.json`), encodeStateSlot(1, text));
  });
  const journal = openSync(file(`journal-${round}.jsonl`), 'a');
  await measure('synchronous, one line appended to an open file (the customer store journal)', () => {
    writeSync(journal, `${text}\n`);
  });
  closeSync(journal);
}
rmSync(folder, { recursive: true, force: true });
