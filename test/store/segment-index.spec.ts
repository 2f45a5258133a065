import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type LowdbCustomerStore, StoreFileError } from '../../store/lowdb-customer-store.js';
import { SEGMENT_INDEX_FOLDER } from '../../store/segment-index.js';
import { approvalRequest, buildCustomer, numberedRequest } from '../fixtures/customers.js';
import { StoreFolder } from '../helpers/store-folder.js';

describe('the customer store’s index files', () => {
  let folder: StoreFolder;
  let dataDir: string;

  beforeEach(async () => {
    folder = await StoreFolder.create('customer-store-index');
    dataDir = folder.dataDir;
  });

  afterEach(() => folder.remove());

  /** Opens the store in files of four records, as a restart of the bot would. */
  const open = () => folder.open({ segmentSize: 4 });

  const indexFolder = () => path.join(dataDir, SEGMENT_INDEX_FOLDER);
  const indexFiles = async () => (await readdir(indexFolder()).catch(() => [])).sort();
  const customerIds = async (store: LowdbCustomerStore) =>
    (await store.searchCustomers({ offset: 0, limit: 100 })).customers.map((customer) => customer.id).sort();

  /** Six customers with their requests in files of two records: three sealed files and the newest. */
  async function storeOfSix(): Promise<LowdbCustomerStore> {
    const store = await open();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await store.addRequest(approvalRequest(numberedRequest(n)));
      await store.addCustomer(buildCustomer(n));
    }
    await store.backgroundWritesDone();
    return store;
  }

  const allSix = ['cus-1', 'cus-2', 'cus-3', 'cus-4', 'cus-5', 'cus-6'];

  it('should write an index for every file a newer one took over from, and none for the newest', async () => {
    await storeOfSix();

    assert.deepEqual(await indexFiles(), ['customers-000001.json', 'customers.json']);
  });

  it('should open with every customer and request from the index files, and find what the files hold', async () => {
    await storeOfSix();

    const store = await open();

    assert.deepEqual(await customerIds(store), allSix);
    assert.equal((await store.findRequest('req-1'))?.status, 'pending');
    assert.equal((await store.findByRequestId('req-3'))?.id, 'cus-3');
    assert.equal(await store.isDomainTaken('contoso1'), true);
  });

  it('should read a file itself, and write its index again, when its index is missing', async () => {
    await storeOfSix();
    await rm(indexFolder(), { recursive: true });

    const store = await open();
    await store.backgroundWritesDone();

    assert.deepEqual(await customerIds(store), allSix);
    assert.deepEqual(await indexFiles(), ['customers-000001.json', 'customers.json']);
  });

  it('should read a file itself when its index is of an earlier version, as after a crash between the two writes', async () => {
    await storeOfSix();
    const earlier = await readFile(path.join(indexFolder(), 'customers.json'), 'utf8');
    const store = await open();
    await store.addSubscriptions({
      requestId: 'req-more',
      customerId: 'cus-1',
      lines: [{ offerId: 'o365-e1', quantity: 7 }],
      orderedBy: { userId: '29:megan', name: 'Megan' },
      orderedAt: '2025-03-14T11:00:00.000Z',
    });
    await store.backgroundWritesDone();
    await writeFile(path.join(indexFolder(), 'customers.json'), earlier);

    const reopened = await open();

    const customer = await reopened.findById('cus-1');
    assert.ok(customer?.subscriptions.some((line) => line.offerId === 'o365-e1' && line.quantity >= 7));
    assert.equal(await reopened.hasOrder('req-more'), true);
    assert.deepEqual(await customerIds(reopened), allSix);
  });

  it('should find a customer that is in a file but not in its index, as after the file was restored', async () => {
    await storeOfSix();
    const file = path.join(dataDir, 'customers.json');
    const content = JSON.parse(await readFile(file, 'utf8'));
    content.customers.push(buildCustomer(7));
    await writeFile(file, JSON.stringify(content));

    const store = await open();

    assert.deepEqual(await customerIds(store), [...allSix, 'cus-7'].sort());
    assert.equal(await store.isDomainTaken('contoso7'), true);
  });

  it('should read a file itself when its index is not JSON or not of the expected shape', async () => {
    await storeOfSix();
    await writeFile(path.join(indexFolder(), 'customers.json'), '{"version": 1, "fingerpr');
    const index = JSON.parse(await readFile(path.join(indexFolder(), 'customers-000001.json'), 'utf8'));
    await writeFile(
      path.join(indexFolder(), 'customers-000001.json'),
      JSON.stringify({ ...index, customers: [{ id: 'not a customer' }] }),
    );

    const store = await open();

    assert.deepEqual(await customerIds(store), allSix);
  });

  it('should still refuse a file of the wrong shape that changed after its index was written', async () => {
    await storeOfSix();
    const file = path.join(dataDir, 'customers-000001.json');
    const content = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...content, customers: [{ id: 'half a customer' }] }));

    await assert.rejects(
      open(),
      (error: unknown) => error instanceof StoreFileError && error.message.includes(file),
    );
  });
});
