import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type LowdbCustomerStore, StoreFileError } from '../../store/lowdb-customer-store.js';
import { SEGMENT_INDEX_FOLDER } from '../../store/segment-index.js';
import { approvalRequest, buildCustomer, numberedRequest } from '../fixtures/customers.js';
import { portalCustomer } from '../helpers/customer-store-contract/portal-customer.js';
import { StoreFolder } from '../helpers/store-folder.js';

/**
 * The store keeps only look-up keys in memory and reads the records of older files back on demand,
 * through a cache of one file here, so that almost every read goes back to the file.
 */
describe('LowdbCustomerStore reading customers back from their files', () => {
  let folder: StoreFolder;
  let dataDir: string;

  beforeEach(async () => {
    folder = await StoreFolder.create('customer-store-on-demand');
    dataDir = folder.dataDir;
  });

  afterEach(() => folder.remove());

  /** Opens the store as a restart would: files of two records, one sealed file kept in memory. */
  const open = () => folder.open({ segmentSize: 2, cachedSegments: 1 });

  /** Customers 1 to `count`, two per file, with their index files written; then a restart. */
  async function reopenedStoreOf(count: number): Promise<LowdbCustomerStore> {
    const store = await open();
    for (let n = 1; n <= count; n += 1) await store.addCustomer(buildCustomer(n));
    await store.backgroundWritesDone();
    return open();
  }

  const idsOf = (customers: { id: string }[]) => customers.map((customer) => customer.id);
  const storeFile = (name: string) => path.join(dataDir, name);

  it('should answer a customer of an older file as saved, again after the cache let it go', async () => {
    // Arrange
    const store = await reopenedStoreOf(6);

    // Act
    const first = await store.findById('cus-1');
    await store.findById('cus-3');
    await store.findById('cus-5');
    const again = await store.findById('cus-1');

    // Assert
    assert.deepEqual(first, buildCustomer(1));
    assert.deepEqual(again, buildCustomer(1));
    assert.deepEqual(await store.findByRequestId('req-4'), buildCustomer(4));
    assert.deepEqual(idsOf(await store.findMatchingCustomers({ contactEmail: 'WANG2@contoso.cn' })), [
      'cus-2',
    ]);
  });

  it('should read a released file again from disk, and refuse it with a StoreFileError once it is corrupted', async () => {
    // Arrange
    const store = await reopenedStoreOf(6);
    assert.equal((await store.findById('cus-1'))?.companyName, 'Contoso 1 Technology Co., Ltd.');
    await store.findById('cus-3');
    await writeFile(storeFile('customers.json'), '{"customers": [');

    // Act
    const reading = store.findById('cus-1');

    // Assert
    await assert.rejects(
      reading,
      (error: unknown) =>
        error instanceof StoreFileError && error.message.includes(storeFile('customers.json')),
    );
    assert.equal(await store.isDomainTaken('contoso1'), true);
    assert.deepEqual(await store.findById('cus-4'), buildCustomer(4));
  });

  it('should refuse with a StoreFileError a file of the wrong shape, or one that lost the customer, rather than answer', async () => {
    // Arrange
    const store = await reopenedStoreOf(6);
    const content = JSON.parse(await readFile(storeFile('customers-000001.json'), 'utf8'));
    await writeFile(
      storeFile('customers-000001.json'),
      JSON.stringify({ ...content, customers: [{ ...content.customers[0], domain: 42 }] }),
    );
    await writeFile(storeFile('customers.json'), JSON.stringify({ ...content, customers: [] }));

    // Act and assert
    await assert.rejects(
      store.findById('cus-3'),
      (error: unknown) =>
        error instanceof StoreFileError && error.message.includes(storeFile('customers-000001.json')),
    );
    await assert.rejects(
      store.searchCustomers({ offset: 0, limit: 10 }),
      (error: unknown) => error instanceof StoreFileError,
    );
    await assert.rejects(
      store.findByRequestId('req-1'),
      (error: unknown) =>
        error instanceof StoreFileError &&
        error.message.includes(storeFile('customers.json')) &&
        error.message.includes('cus-1'),
    );
  });

  it('should answer the latest copy of a customer synced again into a later file, after a restart', async () => {
    // Arrange
    const before = await open();
    await before.syncCustomers([portalCustomer(1), portalCustomer(2)]);
    for (const n of [3, 4, 5, 6]) await before.addCustomer(buildCustomer(n));
    await before.addSubscriptions({
      requestId: 'req-order',
      customerId: 'pc-1',
      lines: [{ offerId: 'o365-e1', quantity: 5 }],
      orderedBy: { userId: '29:megan', name: 'Megan' },
      orderedAt: '2025-03-14T11:00:00.000Z',
    });
    const renamed = portalCustomer(1, {
      companyName: 'Fabrikam Trading Co., Ltd.',
      domainPrefix: 'fabrikam',
      domain: 'fabrikam.partner.onmschina.cn',
      contactEmail: 'it@fabrikam.cn',
    });
    assert.deepEqual(await before.syncCustomers([renamed, portalCustomer(2)]), {
      added: 0,
      updated: 1,
      unchanged: 1,
    });
    await before.backgroundWritesDone();

    // Act
    const store = await open();

    // Assert
    const found = await store.findById('pc-1');
    assert.equal(found?.companyName, 'Fabrikam Trading Co., Ltd.');
    assert.deepEqual(found?.subscriptions, [{ offerId: 'o365-e1', quantity: 5 }]);
    assert.equal(await store.isDomainTaken('portal1'), false);
    assert.equal(await store.isDomainTaken('fabrikam'), true);
    assert.deepEqual(await store.findMatchingCustomers({ companyName: 'Portal 1 Ltd.' }), []);
    assert.deepEqual(idsOf(await store.findMatchingCustomers({ contactEmail: 'IT@fabrikam.cn' })), ['pc-1']);
    const page = await store.searchCustomers({ query: 'fabrikam', offset: 0, limit: 10 });
    assert.deepEqual({ ids: idsOf(page.customers), total: page.total }, { ids: ['pc-1'], total: 1 });
    assert.deepEqual(await store.syncCustomers([renamed]), { added: 0, updated: 0, unchanged: 1 });
  });

  it('should page through customers of many files, newest first, with exact totals', async () => {
    // Arrange
    const store = await reopenedStoreOf(25);
    const pages = async (query: string | undefined) => {
      const ids: string[] = [];
      const totals = new Set<number>();
      for (let offset = 0; offset < 30; offset += 4) {
        const page = await store.searchCustomers({ query, offset, limit: 4 });
        ids.push(...idsOf(page.customers));
        totals.add(page.total);
      }
      return { ids, totals: [...totals] };
    };
    const newestFirst = (numbers: number[]) => numbers.reverse().map((n) => `cus-${n}`);

    // Act
    const all = await pages(undefined);
    const byDomain = await pages('contoso1');
    const byName = await pages('CONTOSO 2');

    // Assert
    assert.deepEqual(all, {
      ids: newestFirst(Array.from({ length: 25 }, (_, i) => i + 1)),
      totals: [25],
    });
    assert.deepEqual(byDomain, {
      ids: newestFirst([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]),
      totals: [11],
    });
    assert.deepEqual(byName, { ids: newestFirst([2, 20, 21, 22, 23, 24, 25]), totals: [7] });
  });

  it('should find a query in a domain across its prefix and the ending every domain shares', async () => {
    // Arrange
    const store = await reopenedStoreOf(12);
    await store.syncCustomers([portalCustomer(7, { domainPrefix: 'PORTAL7', domain: 'Portal7.example.cn' })]);
    const found = async (query: string) =>
      idsOf((await store.searchCustomers({ query, offset: 0, limit: 20 })).customers).sort();

    // Act and assert
    assert.deepEqual(await found('contoso12.partner'), ['cus-12']);
    assert.deepEqual(await found('2.partner.onmschina.cn'), ['cus-12', 'cus-2']);
    assert.equal((await found('.partner.onmschina')).length, 12);
    assert.deepEqual(await found('oso3.partner.example'), []);
    assert.deepEqual(await found('ortal7.example'), ['pc-7']);
  });

  it('should make version-1 index files, which held whole customers, again from their store files', async () => {
    // Arrange
    const store = await open();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await store.addRequest(approvalRequest(numberedRequest(n)));
      await store.addCustomer(buildCustomer(n));
    }
    await store.backgroundWritesDone();
    const indexFolder = path.join(dataDir, SEGMENT_INDEX_FOLDER);
    const names = await readdir(indexFolder);
    for (const name of names) {
      const { fingerprint } = JSON.parse(await readFile(path.join(indexFolder, name), 'utf8'));
      const content = JSON.parse(await readFile(storeFile(name), 'utf8'));
      const versionOne = {
        version: 1,
        fingerprint,
        customers: content.customers,
        requestIds: content.requests.map((request: { id: string }) => request.id),
        creatingRequestIds: [],
        orderRequestIds: [],
      };
      await writeFile(path.join(indexFolder, name), JSON.stringify(versionOne));
    }

    // Act
    const reopened = await open();
    await reopened.backgroundWritesDone();

    // Assert
    assert.equal(names.length, 5);
    for (const name of names) {
      const index = JSON.parse(await readFile(path.join(indexFolder, name), 'utf8'));
      assert.equal(index.version, 2, name);
    }
    const page = await reopened.searchCustomers({ offset: 0, limit: 10 });
    assert.deepEqual(
      page.customers,
      [6, 5, 4, 3, 2, 1].map((n) => buildCustomer(n)),
    );
    assert.equal((await reopened.findRequest('req-2'))?.status, 'pending');
  });

  it('should make an index again when its keys were normalised otherwise than this version does', async () => {
    // Arrange
    await reopenedStoreOf(4);
    const indexFile = path.join(dataDir, SEGMENT_INDEX_FOLDER, 'customers.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    const stale = index.customers.map((keys: string[]) => keys.map((key, at) => (at === 3 ? 'stale' : key)));
    await writeFile(indexFile, JSON.stringify({ ...index, keys: 'older rules', customers: stale }));

    // Act
    const store = await open();
    await store.backgroundWritesDone();

    // Assert
    assert.deepEqual(idsOf(await store.findMatchingCustomers({ companyName: 'CONTOSO 1 TECHNOLOGY' })), [
      'cus-1',
    ]);
    assert.deepEqual(await store.findMatchingCustomers({ companyName: 'stale' }), []);
    assert.notEqual(JSON.parse(await readFile(indexFile, 'utf8')).keys, 'older rules');
  });
});
