import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { RECORD_LOG_FILE, RecordLog, type RecordLogDamage } from '../../store/record-log.js';
import { NEVER_COMPACTED } from '../helpers/read-record-log.js';
import { CRASH_TEST_COMPACTION, recordLogOperation } from '../helpers/record-log-operation.js';

const CHILD = fileURLToPath(new URL('../helpers/record-log-crash-child.ts', import.meta.url));
const FULL_DISK_CHILD = fileURLToPath(new URL('../helpers/record-log-full-disk-child.ts', import.meta.url));

describe('RecordLog', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'record-log-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const logFile = () => path.join(folder, RECORD_LOG_FILE);
  const open = (options: Partial<Parameters<typeof RecordLog.open>[1]> = {}) =>
    RecordLog.open(folder, { compaction: NEVER_COMPACTED, ...options });
  const contentOf = (log: RecordLog) => Object.fromEntries(log.keys().map((key) => [key, log.get(key)]));

  it('should read back after a restart what was put and not deleted, keys and values intact', () => {
    const odd = 'users/29:1"quoted"\\back\\slash/李雷';
    const { log } = open();
    log.put('a', '{"n":1}');
    log.put(odd, JSON.stringify({ name: '李雷', text: 'line\nbreak "q"' }));
    log.put('b', '{"n":2}');
    log.put('a', '{"n":3}');
    log.delete('b');
    log.delete('never-put');
    log.close();

    const { log: reopened, damaged } = open();

    assert.deepEqual(damaged, []);
    assert.deepEqual(contentOf(reopened), {
      a: '{"n":3}',
      [odd]: JSON.stringify({ name: '李雷', text: 'line\nbreak "q"' }),
    });
    assert.equal(reopened.has('b'), false);
  });

  it('should start empty on a folder that does not exist, and create it with the first put', async () => {
    const { log } = RecordLog.open(path.join(folder, 'not', 'yet'), { compaction: NEVER_COMPACTED });

    const before = log.keys();
    log.put('k', '{}');

    assert.deepEqual(before, []);
    assert.equal(
      await readFile(path.join(folder, 'not', 'yet', RECORD_LOG_FILE), 'utf8').then(
        (text) => text.length > 0,
      ),
      true,
    );
  });

  it('should cut a line torn by a kill off, so that the next put is read after another restart', async () => {
    // Arrange: a whole line, then the start of a line the kill cut short
    const { log } = open();
    log.put('kept', '{"n":1}');
    log.close();
    const whole = (await stat(logFile())).size;
    await appendFile(logFile(), '0badc0de {"k":"torn","v":{"n":');

    // Act
    const { log: afterKill, damaged } = open();
    afterKill.put('next', '{"n":2}');
    afterKill.close();

    // Assert
    assert.deepEqual(damaged, []);
    assert.deepEqual(contentOf(open().log), { kept: '{"n":1}', next: '{"n":2}' });
    assert.ok((await stat(logFile())).size > whole);
    assert.doesNotMatch(await readFile(logFile(), 'utf8'), /torn/);
  });

  it('should skip a damaged line, report it without its content, keep it aside and read the record before', async () => {
    // Arrange: the second put of `k` has one character changed on disk
    const at = new Date('2026-03-14T10:00:00.000Z');
    const { log } = open();
    log.put('k', '{"secret":"first"}');
    log.put('k', '{"secret":"second"}');
    log.put('other', '{"n":1}');
    log.close();
    await writeFile(logFile(), (await readFile(logFile(), 'utf8')).replace('second', 'sec0nd'));
    const reported: RecordLogDamage[] = [];

    // Act
    const { log: reopened, damaged } = open({ now: () => at, onDamage: (damage) => reported.push(damage) });

    // Assert
    const keptIn = `${RECORD_LOG_FILE}.corrupt-2026-03-14T10-00-00-000Z`;
    assert.deepEqual(reported, [{ line: 2, reason: 'checksum mismatch', key: 'k', latest: true, keptIn }]);
    assert.deepEqual(damaged, reported);
    assert.doesNotMatch(JSON.stringify(reported), /sec/);
    assert.deepEqual(contentOf(reopened), { k: '{"secret":"first"}', other: '{"n":1}' });
    assert.match(
      await readFile(path.join(folder, keptIn), 'utf8'),
      /^[0-9a-f]{8} \{"k":"k","v":\{"secret":"sec0nd"\}\}\n$/,
    );
  });

  it('should skip a line that is not a record at all, and read every whole line around it', async () => {
    const { log } = open();
    log.put('a', '{"n":1}');
    log.close();
    await appendFile(logFile(), 'not a record\n');
    const { log: again } = open();
    again.put('b', '{"n":2}');
    again.close();

    const { log: reopened, damaged } = open();

    assert.deepEqual(
      damaged.map(({ line, reason, key }) => [line, reason, key]),
      [[2, 'not a record line', undefined]],
    );
    assert.deepEqual(contentOf(reopened), { a: '{"n":1}', b: '{"n":2}' });
  });

  it('should empty the file when its last key is deleted, leaving no byte of the records behind', async () => {
    const { log } = open();
    log.put('a', '{"sealed":"abc"}');
    log.put('b', '{"sealed":"def"}');
    log.delete('a');

    log.delete('b');

    assert.equal((await stat(logFile())).size, 0);
    assert.deepEqual(open().log.keys(), []);
  });

  it('should rewrite the log without its dead lines once they pass the policy, and read the same after a restart', async () => {
    const compaction = { deadBytesOver: 2_000, deadShareOver: 0.5 };
    const { log } = open({ compaction });
    log.put('stays', JSON.stringify({ text: 's'.repeat(500) }));
    for (let n = 0; n < 200; n++) log.put(`k${n % 3}`, JSON.stringify({ n, text: 'x'.repeat(100) }));
    log.delete('k0');

    const size = (await stat(logFile())).size;
    const expected = contentOf(log);
    log.put('k1', '{"after":"compaction"}');
    log.close();

    assert.ok(size < 4_000, `the log should have been compacted, it holds ${size} bytes`);
    assert.deepEqual(Object.keys(expected).sort(), ['k1', 'k2', 'stays']);
    assert.deepEqual(contentOf(open({ compaction }).log), { ...expected, k1: '{"after":"compaction"}' });
    assert.deepEqual((await readdir(folder)).sort(), [RECORD_LOG_FILE]);
  });

  it('should compact a log left over its policy when it opens, and remove a temporary file a kill left', async () => {
    const { log } = open();
    for (let n = 0; n < 50; n++) log.put('k', JSON.stringify({ n }));
    log.close();
    await writeFile(`${logFile()}.tmp`, 'a compaction killed before its rename');

    const { log: reopened } = open({ compaction: { deadBytesOver: 100, deadShareOver: 0.5 } });

    assert.deepEqual(contentOf(reopened), { k: '{"n":49}' });
    assert.equal((await readFile(logFile(), 'utf8')).split('\n').length, 2);
    assert.deepEqual(await readdir(folder), [RECORD_LOG_FILE]);
  });

  it('should cut a put the disk refused back to the last whole line, losing no acknowledged put', async () => {
    // Arrange: the child is bundled, so that nothing but the log is written under its file size limit
    const bundle = path.join(folder, 'child.mjs');
    await build({
      entryPoints: [FULL_DISK_CHILD],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
    });
    const logFolder = path.join(folder, 'log');
    const child = spawn(
      'bash',
      ['-c', 'ulimit -f 20 && exec "$@"', 'bash', process.execPath, bundle, logFolder],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );

    // Act
    const [output] = await Promise.all([text(child.stdout), once(child, 'exit')]);
    const { acknowledged, error } = JSON.parse(output) as { acknowledged: number; error: string };
    const onDisk = await readFile(path.join(logFolder, RECORD_LOG_FILE));
    const { log, damaged } = RecordLog.open(logFolder, { compaction: NEVER_COMPACTED });

    // Assert
    assert.match(error, /Cannot append to the record log .*records\.log/);
    assert.ok(acknowledged > 5, `${acknowledged} puts before the limit`);
    assert.equal(onDisk.at(-1), 0x0a, 'the log ends with a whole line');
    assert.deepEqual(damaged, []);
    assert.deepEqual(
      log.keys(),
      Array.from({ length: acknowledged }, (_, n) => `k${n}`),
    );
  });

  it('should keep every acknowledged put and delete across SIGKILLs at random moments, compactions included', async function () {
    this.timeout(60_000);
    let state = new Map<string, string>();
    let next = 0;
    for (const killAfter of [40, 400, 1_500]) {
      // Arrange: a child works on the folder left by the previous one
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder, String(next)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let acknowledged = next - 1;
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        acknowledged = Number(line);
        if (acknowledged - next + 1 >= killAfter) child.kill('SIGKILL');
      });

      // Act: kill it once it has acknowledged `killAfter` operations (the pipe holds any it acknowledged since)
      await Promise.all([once(child, 'exit'), once(lines, 'close')]);
      const { log, damaged } = RecordLog.open(folder, { compaction: CRASH_TEST_COMPACTION });
      const found = new Map(log.keys().map((key) => [key, log.get(key) ?? '']));
      log.close();

      // Assert: the state after every acknowledged operation, and perhaps the one under way
      const acked = apply(state, next, acknowledged);
      const withNext = apply(acked, acknowledged + 1, acknowledged + 1);
      assert.deepEqual(damaged, []);
      assert.ok(
        sameRecords(found, acked) || sameRecords(found, withNext),
        `after operation ${acknowledged}: ${[...found.keys()].sort()} against ${[...acked.keys()].sort()}`,
      );
      state = found;
      next = acknowledged + 2;
    }
  });
});

function apply(state: Map<string, string>, first: number, last: number): Map<string, string> {
  const after = new Map(state);
  for (let n = first; n <= last; n++) {
    const { key, value } = recordLogOperation(n);
    if (value === undefined) after.delete(key);
    else after.set(key, value);
  }
  return after;
}

function sameRecords(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}
