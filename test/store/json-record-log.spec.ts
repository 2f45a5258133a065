import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { JsonRecordLog } from '../../store/json-record-log.js';
import { type OutboxEntry, OutboxFolder } from '../../store/outbox-folder.js';
import { PendingNotices } from '../../store/pending-notices.js';
import { RECORD_LOG_FILE } from '../../store/record-log.js';
import { NEVER_COMPACTED } from '../helpers/read-record-log.js';

const RecordSchema = z.object({ name: z.string() });

describe('JsonRecordLog', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'json-record-log-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const hexName = (key: string) => `${Buffer.from(key, 'utf8').toString('hex')}.json`;
  const records = (options = {}) =>
    new JsonRecordLog(folder, RecordSchema, { compaction: NEVER_COMPACTED, ...options });

  it('should keep records parsed with its schema across a restart, and refuse one that does not fit', async () => {
    const log = records();
    await log.put('request-1', { name: '李雷' });
    await log.put('request-2', { name: 'Alex' });
    await log.delete('request-2');

    const refused = await log.put('bad', { name: 3 } as never).catch((thrown: unknown) => thrown);
    const restarted = records();

    assert.ok(refused instanceof z.ZodError);
    assert.deepEqual(await restarted.keys(), ['request-1']);
    assert.deepEqual(await restarted.get('request-1'), { name: '李雷' });
    assert.equal(await restarted.get('request-2'), undefined);
  });

  it('should import the files of an earlier version at open, remove them, and move one that is not JSON aside', async () => {
    // Arrange: two records, a temporary file of a killed write, and a damaged file
    await writeFile(path.join(folder, hexName('request-1')), JSON.stringify({ name: 'one' }));
    await writeFile(path.join(folder, hexName('请求-2')), JSON.stringify({ name: 'two' }));
    await writeFile(path.join(folder, `.${hexName('request-3')}.tmp`), JSON.stringify({ name: 'sealed' }));
    await writeFile(path.join(folder, hexName('request-4')), '{"name": "cut');
    const reported: { file: string; keptIn: string; reason: string }[] = [];
    const log = records({ onDamage: (damage: never) => reported.push(damage) });

    // Act
    const keys = await log.keys();

    // Assert
    assert.deepEqual(keys.sort(), ['request-1', '请求-2']);
    assert.deepEqual(await records().get('请求-2'), { name: 'two' });
    assert.deepEqual(
      reported.map(({ file, reason }) => [file, reason]),
      [[hexName('request-4'), 'not valid JSON']],
    );
    assert.deepEqual((await readdir(folder)).sort(), [RECORD_LOG_FILE, reported[0]?.keptIn].sort());
  });
});

describe('OutboxFolder in the data folder', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'outbox-folder-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const entry = (requestId: string, ciphertext: string): OutboxEntry => ({
    requestId,
    customerId: `customer-${requestId}`,
    requester: { userId: '29:1alex', name: 'Alex Wilber' },
    origin: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversationId: '19:general',
      botId: '28:bot',
    },
    locale: 'en-US',
    companyName: 'Contoso',
    adminAccount: 'admin@contoso.partner.onmschina.cn',
    sealedPassword: { iv: 'iv', tag: 'tag', ciphertext },
    createdAt: '2026-03-02T08:00:00.000Z',
    attempts: 0,
  });

  it('should leave no byte of a delivered entry in its folder, while another entry still waits', async () => {
    const outbox = new OutboxFolder(folder);
    await outbox.put(entry('request-1', 'FIRSTSEALED'));
    await outbox.put({ ...entry('request-1', 'FIRSTSEALED'), attempts: 1 });
    await outbox.put(entry('request-2', 'SECONDSEALED'));

    await outbox.delete('request-1');

    const files = await readdir(folder);
    const onDisk = (await Promise.all(files.map((name) => readFile(path.join(folder, name), 'utf8')))).join(
      '',
    );
    assert.doesNotMatch(onDisk, /FIRSTSEALED/);
    assert.match(onDisk, /SECONDSEALED/);
    assert.deepEqual(await new OutboxFolder(folder).requestIds(), ['request-2']);
  });

  it('should empty its log once the last entry is delivered', async () => {
    const outbox = new OutboxFolder(folder);
    await outbox.put(entry('request-1', 'SEALED'));

    await outbox.delete('request-1');

    assert.equal((await stat(path.join(folder, RECORD_LOG_FILE))).size, 0);
    assert.deepEqual(await new OutboxFolder(folder).requestIds(), []);
  });
});

describe('PendingNotices in the data folder', () => {
  it("should find the notices of a user, also those of an earlier version's files, and forget one sent", async () => {
    // Arrange
    const folder = await mkdtemp(path.join(os.tmpdir(), 'pending-notices-'));
    const notice = {
      requestId: 'request-1',
      userId: '29:1alex',
      conversationId: '19:general',
      locale: 'zh-CN' as const,
      key: 'credentials.expired' as const,
      company: '康托索',
      account: 'admin@contoso.partner.onmschina.cn',
      createdAt: '2026-03-02T08:00:00.000Z',
    };
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, `${Buffer.from('request-0').toString('hex')}.json`),
      JSON.stringify({ ...notice, requestId: 'request-0' }),
    );
    const notices = new PendingNotices(folder);
    await notices.put(notice);
    await notices.put({ ...notice, requestId: 'request-2', userId: '29:1other' });

    // Act
    const forAlex = await notices.forUser('29:1alex');
    await notices.delete('request-1');

    // Assert
    assert.deepEqual(forAlex.map((kept) => kept.requestId).sort(), ['request-0', 'request-1']);
    assert.deepEqual(
      (await new PendingNotices(folder).forUser('29:1alex')).map((kept) => kept.requestId),
      ['request-0'],
    );
    await rm(folder, { recursive: true, force: true });
  });
});
