import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { corruptFileName, ETagConflictError, FileStorage } from '../../store/file-storage.js';

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
});
