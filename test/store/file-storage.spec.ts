import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { corruptFileName, ETagConflictError, FileStorage } from '../../store/file-storage.js';
import { RECORD_LOG_FILE } from '../../store/record-log.js';
import { encodeStateSlot } from '../helpers/encode-state-slot.js';
import { readRecordLog } from '../helpers/read-record-log.js';

describe('FileStorage', () => {
  let folder: string;
  let storage: FileStorage;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'file-storage-'));
    storage = new FileStorage(path.join(folder, 'state'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const readOne = async (key: string, from = storage): Promise<StoreItem | undefined> =>
    (await from.read([key]))[key];

  it('should read back what another instance on the same folder wrote, as after a restart', async () => {
    const dialogState = { dialogStack: [{ id: 'addCustomer', state: { step: 2 } }], locale: 'zh-CN' };
    await storage.write({ 'conversation/user': dialogState });

    const item = await readOne('conversation/user', new FileStorage(path.join(folder, 'state')));

    const { eTag, ...rest } = item ?? {};
    assert.deepEqual(rest, dialogState);
    assert.equal(typeof eTag, 'string');
  });

  it('should leave keys that were never written out of the result', async () => {
    await storage.write({ present: { n: 1 } });

    const items = await storage.read(['present', 'missing']);

    assert.deepEqual(Object.keys(items), ['present']);
    assert.ok(!Object.hasOwn(items, 'missing'));
  });

  it('should read nothing from a folder that does not exist yet', async () => {
    const items = await storage.read(['anything']);

    assert.deepEqual(items, {});
  });

  it('should give each write a new eTag', async () => {
    await storage.write({ k: { n: 1 } });
    const first = await readOne('k');
    await storage.write({ k: { n: 2, eTag: first?.eTag } });

    const second = await readOne('k');

    assert.equal(second?.n, 2);
    assert.notEqual(second?.eTag, first?.eTag);
  });

  it('should refuse a write with a stale eTag and keep the stored item', async () => {
    await storage.write({ k: { n: 1 } });
    const stale = (await readOne('k'))?.eTag;
    await storage.write({ k: { n: 2, eTag: stale } });

    const error = await storage.write({ k: { n: 3, eTag: stale } }).then(
      () => assert.fail('write should have thrown'),
      (thrown: unknown) => thrown,
    );

    assert.ok(error instanceof ETagConflictError);
    assert.equal(error.code, 'ETAG_CONFLICT');
    assert.equal(error.key, 'k');
    assert.equal((await readOne('k'))?.n, 2);
  });

  it('should overwrite whatever is stored when the eTag is "*" or absent', async () => {
    await storage.write({ k: { n: 1 } });

    await storage.write({ k: { n: 2, eTag: '*' } });
    const afterStar = await readOne('k');
    await storage.write({ k: { n: 3 } });

    assert.equal(afterStar?.n, 2);
    assert.equal((await readOne('k'))?.n, 3);
  });

  it('should let exactly one of several concurrent writes with the same eTag succeed', async () => {
    await storage.write({ k: { n: 0 } });
    const eTag = (await readOne('k'))?.eTag;

    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => storage.write({ k: { n, eTag } })));

    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 4);
    assert.ok(rejected.every((reason) => reason instanceof ETagConflictError));
    assert.equal((await readOne('k'))?.n, 1);
  });

  it('should delete items, and accept deleting a key that is not there', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 } });

    await storage.delete(['a', 'never-written']);

    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
    assert.deepEqual(await new FileStorage(path.join(folder, 'state')).read(['a']), {});
  });

  it('should have each write on disk, without a temporary file, once it resolves', async () => {
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: (await readOne('k'))?.eTag } });

    const files = await readdir(path.join(folder, 'state'));
    const afterRestart = await readOne('k', new FileStorage(path.join(folder, 'state')));

    assert.equal(afterRestart?.n, 2);
    assert.equal(afterRestart?.eTag, (await readOne('k'))?.eTag);
    assert.deepEqual(
      files.filter((file) => file.endsWith('.tmp')),
      [],
    );
  });

  it('should hand out a copy that the reader may change without changing what is stored', async () => {
    await storage.write({ k: { list: [1] } });
    const first = await readOne('k');
    assert.ok(first);
    (first.list as number[]).push(2);

    const second = await readOne('k');

    assert.deepEqual(second?.list, [1]);
  });

  it('should keep long keys with ":", ";", "@" and "/" apart and intact', async () => {
    const conversation = 'msteams/conversations/19:general@thread.tacv2;messageid=1710408413589';
    const userA = `${conversation}/users/29:1${'a'.repeat(300)}@tenant`;
    const userB = `${conversation}/users/29:1${'a'.repeat(300)}@tenant/`;

    await storage.write({ [userA]: { who: 'a' }, [userB]: { who: 'b' } });
    const items = await new FileStorage(path.join(folder, 'state')).read([userA, userB]);

    assert.equal(items[userA]?.who, 'a');
    assert.equal(items[userB]?.who, 'b');
  });

  describe('in its record log', () => {
    const KEY = 'msteams/conversations/19:general@thread.tacv2/users/29:1alex';
    const logFile = () => path.join(folder, 'state', RECORD_LOG_FILE);
    const restarted = (options = {}) => new FileStorage(path.join(folder, 'state'), options);

    /** Writes `values` in turn to KEY, each with the eTag of the one before, through `into`. */
    const writeInTurn = async (values: object[], into = storage) => {
      for (const value of values) {
        await into.write({ [KEY]: { ...value, eTag: (await readOne(KEY, into))?.eTag } });
      }
    };

    it('should keep every key in the one log file of the folder, and read the newest after a restart', async () => {
      await writeInTurn([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await storage.write({ other: { n: 1 } });

      const afterRestart = await readOne(KEY, restarted());

      assert.equal(afterRestart?.n, 3);
      assert.equal(afterRestart?.eTag, (await readOne(KEY))?.eTag);
      assert.deepEqual(await readdir(path.join(folder, 'state')), [RECORD_LOG_FILE]);
      assert.deepEqual([...(await readRecordLog(path.join(folder, 'state'))).records.keys()], [KEY, 'other']);
    });

    it('should read the version before a write torn by a kill, without a reset, and carry on after it', async () => {
      // Arrange: version 3's line was cut short by a kill, so never answered
      await writeInTurn([{ n: 1 }, { n: 2 }]);
      await appendFile(
        logFile(),
        `01234567 {"k":${JSON.stringify(KEY)},"v":{"n":3,"text":"${'c'.repeat(5_000)}`,
      );
      const reported: object[] = [];
      const afterKill = restarted({ onCorruptFile: (moved: object) => reported.push(moved) });

      // Act
      const item = await readOne(KEY, afterKill);
      await writeInTurn([{ n: 4 }], afterKill);

      // Assert
      assert.equal(item?.n, 2);
      assert.equal(afterKill.takeReset(KEY), false);
      assert.deepEqual(reported, []);
      assert.equal((await readOne(KEY, restarted()))?.n, 4);
    });

    it('should read the version before a damaged line, report it, and not reset the user', async () => {
      const reported: { file: string; reason: string }[] = [];
      await writeInTurn([{ n: 1 }, { n: 2, step: 'second' }]);
      await writeFile(logFile(), (await readFile(logFile(), 'utf8')).replace('second', 'sec0nd'));
      const afterRestart = restarted({ onCorruptFile: (moved: never) => reported.push(moved) });

      const item = await readOne(KEY, afterRestart);

      assert.equal(item?.n, 1);
      assert.equal(afterRestart.takeReset(KEY), false);
      assert.deepEqual(
        reported.map(({ file, reason }) => [file, reason]),
        [[RECORD_LOG_FILE, 'line 2: checksum mismatch']],
      );
    });

    it('should keep a damaged only line aside, report it without its content and tell its user once', async () => {
      // Arrange
      const at = new Date('2025-03-14T10:00:00.000Z');
      const reported: object[] = [];
      await storage.write({ [KEY]: { step: 'half a secret' } });
      await writeFile(logFile(), (await readFile(logFile(), 'utf8')).replace('half', 'HALF'));
      const watched = restarted({ now: () => at, onCorruptFile: (moved: object) => reported.push(moved) });

      // Act
      const items = await watched.read([KEY]);
      await watched.write({ [KEY]: { step: 1 } });

      // Assert
      assert.deepEqual(items, {});
      assert.equal(watched.takeReset(KEY), true);
      assert.equal(watched.takeReset(KEY), false);
      const kept = corruptFileName(RECORD_LOG_FILE, at);
      assert.deepEqual(reported, [
        { file: RECORD_LOG_FILE, movedTo: kept, reason: 'line 1: checksum mismatch' },
      ]);
      assert.doesNotMatch(JSON.stringify(reported), /secret/i);
      assert.match(await readFile(path.join(folder, 'state', kept), 'utf8'), /HALF a secret/);
      assert.equal((await readOne(KEY, restarted()))?.step, 1);
    });

    it('should refuse a stale eTag after a restart', async () => {
      await writeInTurn([{ n: 1 }]);
      const stale = (await readOne(KEY))?.eTag;
      await writeInTurn([{ n: 2 }]);

      const error = await restarted()
        .write({ [KEY]: { n: 3, eTag: stale } })
        .catch((thrown: unknown) => thrown);

      assert.ok(error instanceof ETagConflictError);
      assert.equal((await readOne(KEY, restarted()))?.n, 2);
    });
  });

  describe('with the state files of an earlier version', () => {
    const KEY = 'msteams/conversations/19:general@thread.tacv2/users/29:1alex';
    const hashed = createHash('sha256').update(KEY).digest('hex');
    const stateFolder = () => path.join(folder, 'state');
    const slotFile = (slot: 'a' | 'b') =>
      path.join(stateFolder(), `${hashed}${slot === 'a' ? '' : '.b'}.json`);
    const slotOf = (sequence: number, item: object) =>
      encodeStateSlot(sequence, JSON.stringify({ key: KEY, item }));
    const restarted = (options = {}) => new FileStorage(stateFolder(), options);

    beforeEach(async () => {
      await mkdir(stateFolder());
    });

    it('should import the newest slot of each key into the log, keep its eTag and remove the files', async () => {
      // Arrange: slot a holds version 3, slot b version 2; another key in a plain JSON file of before slots
      await writeFile(slotFile('a'), slotOf(3, { n: 3, eTag: 'etag-3' }));
      await writeFile(slotFile('b'), slotOf(2, { n: 2, eTag: 'etag-2', text: 'x'.repeat(9_000) }));
      const plainKey = 'msteams/users/entra-1';
      const plainName = `${createHash('sha256').update(plainKey).digest('hex')}.json`;
      await writeFile(
        path.join(stateFolder(), plainName),
        JSON.stringify({ key: plainKey, item: { id: '29:1', eTag: 'p' } }),
      );

      // Act
      const items = await storage.read([KEY, plainKey]);
      const stale = await storage
        .write({ [KEY]: { n: 4, eTag: 'etag-2' } })
        .catch((thrown: unknown) => thrown);
      await storage.write({ [KEY]: { n: 4, eTag: 'etag-3' } });

      // Assert
      assert.deepEqual(items, { [KEY]: { n: 3, eTag: 'etag-3' }, [plainKey]: { id: '29:1', eTag: 'p' } });
      assert.ok(stale instanceof ETagConflictError);
      assert.deepEqual(await readdir(stateFolder()), [RECORD_LOG_FILE]);
      assert.deepEqual(await restarted().read([KEY, plainKey]), {
        [KEY]: await readOne(KEY),
        [plainKey]: { id: '29:1', eTag: 'p' },
      });
    });

    it('should import the whole slot beside one torn by a kill, without a reset', async () => {
      const slotB = slotOf(2, { n: 2, text: 'b'.repeat(9_000) });
      await writeFile(slotFile('a'), slotOf(1, { n: 1 }));
      await writeFile(slotFile('b'), slotB.subarray(0, 5_000));

      const item = await readOne(KEY);

      assert.equal(item?.n, 1);
      assert.equal(storage.takeReset(KEY), false);
      assert.deepEqual(await readdir(stateFolder()), [RECORD_LOG_FILE]);
    });

    it("should move slots none of which can be read aside, report them, and tell the key's user once", async () => {
      // Arrange
      const at = new Date('2025-03-14T10:00:00.000Z');
      const reported: { file: string; movedTo: string; reason: string }[] = [];
      const slotA = slotOf(2, { n: 2 });
      slotA[slotA.length - 2] ^= 1;
      await writeFile(slotFile('a'), slotA);
      await writeFile(slotFile('b'), '{"key": "half a secret');
      const watched = restarted({ now: () => at, onCorruptFile: (moved: never) => reported.push(moved) });

      // Act
      const item = await readOne(KEY, watched);

      // Assert
      assert.equal(item, undefined);
      assert.equal(watched.takeReset(KEY), true);
      assert.equal(watched.takeReset(KEY), false);
      const kept = [slotFile('a'), slotFile('b')].map((file) => path.basename(corruptFileName(file, at)));
      assert.deepEqual((await readdir(stateFolder())).sort(), kept.sort());
      assert.deepEqual(reported.map(({ file, reason }) => [file, reason]).sort(), [
        [`${hashed}.b.json`, 'not valid JSON'],
        [`${hashed}.json`, 'checksum mismatch'],
      ]);
      assert.doesNotMatch(JSON.stringify(reported), /secret/);
    });

    it("should keep the log's record of a key whose old files an interrupted import left behind", async () => {
      await storage.write({ [KEY]: { n: 5 } });
      await writeFile(slotFile('a'), slotOf(9, { n: 1 }));

      const item = await readOne(KEY, restarted());

      assert.equal(item?.n, 5);
      assert.deepEqual(await readdir(stateFolder()), [RECORD_LOG_FILE]);
    });
  });
});
