import {
  closeSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecordLog } from '../store/record-log.js';

/**
 * `npx tsx bench/state-write-cost.ts`: CPU (all threads, `process.cpuUsage`) and wall time of one
 * write of a 3 KB dialog-state record, or one removal, several ways, alternately, 3 000 of each per
 * round: a temporary file renamed into place through the thread pool (`fs/promises`) and synchronously
 * (what `FileStorage` did before the fourth round, and the outbox and pending notices until the fifth);
 * a file rewritten in place with `writeFileSync` (which truncates it); a new file created and written (a
 * key's first two writes created its two slot files until the fifth round); a file unlinked (each
 * credentials delivery deleted its outbox file); one line appended to a file kept open (the customer
 * store's journal); and what the fifth round does: `RecordLog.put` of the record (`store/record-log.ts`,
 * every dialog-state write), and a put followed by the delete of the log's only key, which cuts the
 * file to nothing (an outbox entry written, then delivered).
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
const noCompaction = { compaction: { deadBytesOver: Number.MAX_SAFE_INTEGER, deadShareOver: 1 } };
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
  await measure('synchronous, a new file created and written', (i) => {
    const fd = openSync(file(`new-${round}-${i}.json`), 'wx');
    writeSync(fd, text);
    closeSync(fd);
  });
  await measure('synchronous, a file unlinked (written before)', (i) => {
    unlinkSync(file(`new-${round}-${i}.json`));
  });
  const journal = openSync(file(`journal-${round}.jsonl`), 'a');
  await measure('synchronous, one line appended to an open file (the customer store journal)', () => {
    writeSync(journal, `${text}\n`);
  });
  closeSync(journal);
  const { log: stateLog } = RecordLog.open(file(`state-${round}`), noCompaction);
  await measure('RecordLog.put of the record, 100 keys in turn (dialog state)', (i) => {
    stateLog.put(`conversation/user-${i % 100}`, text);
  });
  stateLog.close();
  const { log: outboxLog } = RecordLog.open(file(`outbox-${round}`), noCompaction);
  await measure('RecordLog.put, then delete of its only key: the file cut to nothing (outbox)', (i) => {
    outboxLog.put(`request-${i}`, text);
    outboxLog.delete(`request-${i}`);
  });
  outboxLog.close();
}
rmSync(folder, { recursive: true, force: true });
