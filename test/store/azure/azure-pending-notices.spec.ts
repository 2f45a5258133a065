import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openTable } from '../../../store/azure/azure-account.js';
import { AzureTableRecords } from '../../../store/azure/azure-table-records.js';
import { type PendingNotice, PendingNoticeSchema, PendingNotices } from '../../../store/pending-notices.js';
import { useAzurite } from '../../helpers/start-azurite.js';

/** A notice for `userId` about request `requestId`, as the outbox keeps one when credentials cannot be sent. */
function notice(requestId: string, userId: string): PendingNotice {
  return {
    requestId,
    userId,
    conversationId: `a:personal-${userId}`,
    locale: 'zh-CN',
    key: 'credentials.expired',
    company: '北京示例贸易有限公司',
    account: `admin@${requestId}.partner.onmschina.cn`,
    createdAt: '2026-12-01T10:00:00.000Z',
  };
}

describe('PendingNotices on Azure Table Storage (two instances on one Azurite)', () => {
  const storage = useAzurite();
  let tableName: string;

  /** The notices as one instance of the bot opens them (`openStorage` with STORE=azure). */
  async function instance(): Promise<PendingNotices> {
    const table = await openTable({ connectionString: storage.azurite.connectionString }, tableName);
    return new PendingNotices(new AzureTableRecords(table, 'notices', PendingNoticeSchema));
  }

  beforeEach(() => {
    tableName = `t${randomBytes(6).toString('hex')}notices`;
  });

  it('should give a notice kept on instance A to its user on instance B, and only to that user', async () => {
    // Arrange
    const [a, b] = [await instance(), await instance()];
    await a.put(notice('req/1', '29:alex'));
    await a.put(notice('req 2', '29:megan'));
    await a.put(notice('req-3', '29:alex'));

    // Act
    const forAlex = await b.forUser('29:alex');
    const forNestor = await b.forUser('29:nestor');

    // Assert
    assert.deepEqual(
      forAlex.map((n) => n.requestId).sort(),
      ['req-3', 'req/1'],
      'keys with slashes and spaces survive the table key',
    );
    assert.deepEqual(
      forAlex.find((n) => n.requestId === 'req/1'),
      notice('req/1', '29:alex'),
    );
    assert.deepEqual(forNestor, []);
  });

  it('should forget a notice on every instance once one of them sent it', async () => {
    // Arrange
    const [a, b] = [await instance(), await instance()];
    await a.put(notice('req-4', '29:alex'));

    // Act
    await b.delete('req-4');
    await b.delete('req-4');

    // Assert
    assert.deepEqual(await a.forUser('29:alex'), [], 'a second delete of the same notice is harmless');
  });

  it('should keep one notice per request when it is kept again', async () => {
    // Arrange
    const [a, b] = [await instance(), await instance()];
    await a.put(notice('req-5', '29:alex'));

    // Act
    await b.put({ ...notice('req-5', '29:alex'), key: 'credentials.unreadable' });

    // Assert
    const kept = await a.forUser('29:alex');
    assert.deepEqual(
      kept.map((n) => n.key),
      ['credentials.unreadable'],
    );
  });
});
