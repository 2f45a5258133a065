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
 * every dialog-state write), and an outbox delivery (the entry put, put again with its attempt counted,
 * then deleted), as the outbox compacts now (the delete cuts the file to nothing) and as it first did
 * (compacted as soon as the entry was put again: a temporary file renamed over the log).
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
  for (const [name, afterReplace] of [
    ['as now: put, put again, delete (cut to nothing)', false],
    ['compacted when put again (a rename), then delete', true],
  ] as const) {
    const policy = { deadBytesOver: afterReplace ? 0 : Number.MAX_SAFE_INTEGER, deadShareOver: 0 };
    const { log } = RecordLog.open(file(`outbox-${round}-${afterReplace}`), {
      compaction: { ...policy, afterEveryDelete: true },
    });
    await measure(`RecordLog, one outbox delivery ${name}`, (i) => {
      log.put(`request-${i}`, text);
      log.put(`request-${i}`, text.replace('"state"', '"State"'));
      log.delete(`request-${i}`);
    });
    log.close();
  }
}
rmSync(folder, { recursive: true, force: true });
