import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { corruptFileName, ETagConflictError, FileStorage } from '../../store/file-storage.js';
import { decodeStateSlot } from '../../store/state-slot.js';

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

  it('should move a corrupt file aside, report it without its content and read it as absent', async () => {
    // Arrange: a file left corrupt by an earlier run, read by the next one
    const at = new Date('2025-03-14T10:00:00.000Z');
    const reported: object[] = [];
    await storage.write({ 'conversation/user': { step: 2 } });
    const [name = ''] = await readdir(path.join(folder, 'state'));
    await writeFile(path.join(folder, 'state', name), '{"key": "conversation/user", "item": {"step"');
    const watched = new FileStorage(path.join(folder, 'state'), {
      now: () => at,
      onCorruptFile: (moved) => reported.push(moved),
    });

    // Act
    const items = await watched.read(['conversation/user']);
    await watched.write({ 'conversation/user': { step: 1 } });

    // Assert
    assert.deepEqual(items, {});
    assert.equal(watched.takeReset('conversation/user'), true);
    assert.equal(watched.takeReset('conversation/user'), false);
    const kept = path.basename(corruptFileName(name, at));
    assert.deepEqual((await readdir(path.join(folder, 'state'))).sort(), [name, kept].sort());
    assert.match(await readFile(path.join(folder, 'state', kept), 'utf8'), /"step"$/);
    assert.deepEqual(reported, [{ file: name, movedTo: kept, reason: 'not valid JSON' }]);
    assert.equal((await readOne('conversation/user', watched))?.step, 1);
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

  describe('in its two slot files', () => {
    const KEY = 'msteams/conversations/19:general@thread.tacv2/users/29:1alex';
    const hashed = createHash('sha256').update(KEY).digest('hex');
    const slotFile = (slot: 'a' | 'b') =>
      path.join(folder, 'state', `${hashed}${slot === 'a' ? '' : '.b'}.json`);
    const sequenceIn = async (slot: 'a' | 'b') => {
      const decoded = decodeStateSlot(await readFile(slotFile(slot)));
      return decoded.valid ? decoded.sequence : decoded.reason;
    };
    const restarted = (options = {}) => new FileStorage(path.join(folder, 'state'), options);

    /** Writes `values` in turn to KEY, each with the eTag of the one before, through `into`. */
    const writeInTurn = async (values: object[], into = storage) => {
      for (const value of values) {
        await into.write({ [KEY]: { ...value, eTag: (await readOne(KEY, into))?.eTag } });
      }
    };

    it('should write in turn to each slot, in place, and read the newest after a restart', async () => {
      await writeInTurn([{ n: 1 }]);
      const firstSlot = await stat(slotFile('a'));
      await writeInTurn([{ n: 2 }, { n: 3 }]);

      const afterRestart = await readOne(KEY, restarted());

      assert.equal(afterRestart?.n, 3);
      assert.equal(afterRestart?.eTag, (await readOne(KEY))?.eTag);
      assert.deepEqual([await sequenceIn('a'), await sequenceIn('b')], [3, 2]);
      assert.equal(
        (await stat(slotFile('a'))).ino,
        firstSlot.ino,
        'slot a was written in place, not replaced',
      );
    });

    it('should carry on the sequence after a restart, so that the next restart reads the newest', async () => {
      await writeInTurn([{ n: 1 }, { n: 2 }, { n: 3 }]);
      const second = restarted();

      await writeInTurn([{ n: 4 }], second);

      assert.equal((await readOne(KEY, restarted()))?.n, 4);
      assert.deepEqual([await sequenceIn('a'), await sequenceIn('b')], [3, 4]);
    });

    it('should read the version before a write torn after its first page, without a reset', async () => {
      // Arrange: slot a held version 1; version 3 over it was cut off by a kill after its first page
      const reported: object[] = [];
      await writeInTurn([{ n: 1, text: 'a'.repeat(12_000) }]);
      const version1 = await readFile(slotFile('a'));
      await writeInTurn([{ n: 2 }, { n: 3, text: 'c'.repeat(12_000) }]);
      const version3 = await readFile(slotFile('a'));
      await writeFile(slotFile('a'), Buffer.concat([version3.subarray(0, 4096), version1.subarray(4096)]));
      const afterKill = restarted({ onCorruptFile: (moved: object) => reported.push(moved) });

      // Act
      const item = await readOne(KEY, afterKill);

      // Assert
      assert.equal(item?.n, 2);
      assert.equal(afterKill.takeReset(KEY), false);
      assert.deepEqual(reported, []);
      assert.deepEqual((await readdir(path.join(folder, 'state'))).sort(), [
        `${hashed}.b.json`,
        `${hashed}.json`,
      ]);
    });

    it('should read the version before a slot cut short, and write the next version over the cut one', async () => {
      await writeInTurn([{ n: 1 }, { n: 2, text: 'b'.repeat(9_000) }]);
      await truncate(slotFile('b'), 5_000);
      const afterKill = restarted();

      const item = await readOne(KEY, afterKill);
      await writeInTurn([{ n: 3 }], afterKill);

      assert.equal(item?.n, 1);
      assert.equal(afterKill.takeReset(KEY), false);
      assert.equal((await readOne(KEY, restarted()))?.n, 3);
      assert.deepEqual([await sequenceIn('a'), await sequenceIn('b')], [1, 2]);
    });

    it('should move both slots aside and report a reset when neither can be read', async () => {
      // Arrange
      const at = new Date('2025-03-14T10:00:00.000Z');
      const reported: { file: string; reason: string }[] = [];
      await writeInTurn([{ n: 1 }, { n: 2 }]);
      const slotA = await readFile(slotFile('a'));
      slotA[slotA.length - 2] ^= 1;
      await writeFile(slotFile('a'), slotA);
      await writeFile(slotFile('b'), 'not a slot');
      const afterRestart = restarted({
        now: () => at,
        onCorruptFile: (moved: never) => reported.push(moved),
      });

      // Act
      const item = await readOne(KEY, afterRestart);

      // Assert
      assert.equal(item, undefined);
      assert.equal(afterRestart.takeReset(KEY), true);
      const kept = [slotFile('a'), slotFile('b')].map((file) => path.basename(corruptFileName(file, at)));
      assert.deepEqual((await readdir(path.join(folder, 'state'))).sort(), kept.sort());
      assert.deepEqual(
        reported.map(({ file, reason }) => [file, reason]),
        [
          [`${hashed}.json`, 'checksum mismatch'],
          [`${hashed}.b.json`, 'not valid JSON'],
        ],
      );
    });

    it('should read a state file of an earlier version as the oldest, and write the next versions beside it', async () => {
      // Arrange: the plain JSON an earlier version wrote, longer than what follows
      const legacy = { key: KEY, item: { n: 1, text: 'l'.repeat(5_000), eTag: 'legacy-etag' } };
      await mkdir(path.join(folder, 'state'));
      await writeFile(slotFile('a'), JSON.stringify(legacy));

      // Act
      const item = await readOne(KEY);
      await storage.write({ [KEY]: { n: 2, eTag: 'legacy-etag' } });
      await writeInTurn([{ n: 3 }]);

      // Assert
      assert.deepEqual(item, legacy.item);
      assert.equal((await readOne(KEY, restarted()))?.n, 3);
      assert.deepEqual([await sequenceIn('a'), await sequenceIn('b')], [2, 1]);
    });

    it('should refuse a stale eTag against a state file of an earlier version', async () => {
      await mkdir(path.join(folder, 'state'));
      await writeFile(slotFile('a'), JSON.stringify({ key: KEY, item: { n: 1, eTag: 'legacy-etag' } }));

      const error = await storage
        .write({ [KEY]: { n: 2, eTag: 'other-etag' } })
        .catch((thrown: unknown) => thrown);

      assert.ok(error instanceof ETagConflictError);
      assert.equal((await readOne(KEY, restarted()))?.n, 1);
    });

    it('should read a shorter record written over a longer one, whose bytes still follow it', async () => {
      await writeInTurn([{ n: 1, text: 'x'.repeat(8_000) }, { n: 2 }]);
      const longSize = (await stat(slotFile('a'))).size;

      await writeInTurn([{ n: 3, text: 'short' }]);

      assert.equal((await stat(slotFile('a'))).size, longSize, 'the slot was not truncated');
      assert.deepEqual(await readOne(KEY, restarted()), await readOne(KEY));
      assert.equal((await readOne(KEY, restarted()))?.text, 'short');
    });

    it('should refuse a stale eTag after a restart, read from the newest slot', async () => {
      await writeInTurn([{ n: 1 }]);
      const stale = (await readOne(KEY))?.eTag;
      await writeInTurn([{ n: 2 }]);

      const error = await restarted()
        .write({ [KEY]: { n: 3, eTag: stale } })
        .catch((thrown: unknown) => thrown);

      assert.ok(error instanceof ETagConflictError);
      assert.equal((await readOne(KEY, restarted()))?.n, 2);
    });

    it('should delete both slots', async () => {
      await writeInTurn([{ n: 1 }, { n: 2 }, { n: 3 }]);

      await restarted().delete([KEY]);

      assert.deepEqual(await readdir(path.join(folder, 'state')), []);
      assert.equal(await readOne(KEY, restarted()), undefined);
    });
  });
});
