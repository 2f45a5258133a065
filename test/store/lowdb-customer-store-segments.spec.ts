import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DomainTakenError } from '../../store/customer-store.js';
import { LowdbCustomerStore, StoreFileError } from '../../store/lowdb-customer-store.js';
import { readStoreFile } from '../../store/read-store-file.js';
import {
  approvalRequest,
  buildCustomer,
  licenseOrder,
  numberedAudit,
  numberedRequest,
} from '../fixtures/customers.js';
import { readStoreFiles } from '../helpers/read-store-files.js';

describe('LowdbCustomerStore split into several files', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-segments-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  /** What a store file holds: the file with the changes of its journal, read as the store reads it. */
  const readJson = (name: string) => readStoreFile(path.join(dataDir, name));
  const storeFiles = async () =>
    (await readdir(dataDir)).filter((name) => /^customers.*\.json$/.test(name)).sort();
  const audit = numberedAudit;
  const request = (n: number) => approvalRequest(numberedRequest(n));

  it('should start a new file once the newest holds segmentSize records', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });

    for (const n of [1, 2, 3, 4, 5]) await store.addCustomer(buildCustomer(n));
    await store.backgroundWritesDone();

    assert.deepEqual(await storeFiles(), [
      'customers-000001.json',
      'customers-000002.json',
      'customers.json',
    ]);
    assert.deepEqual(
      (await readJson('customers.json')).customers.map((customer: { id: string }) => customer.id),
      ['cus-1', 'cus-2'],
    );
    assert.deepEqual(
      (await readJson('customers-000002.json')).customers.map((customer: { id: string }) => customer.id),
      ['cus-5'],
    );
    assert.equal(store.segmentCount, 3);
  });

  it('should find every record of every file again after a restart, in order', async () => {
    const before = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    for (const n of [1, 2, 3]) {
      await before.addRequest(request(n));
      await before.addCustomer(buildCustomer(n));
      await before.appendAudit(audit(n));
    }

    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });

    assert.equal(store.segmentCount, 5);
    assert.deepEqual(
      (await readStoreFiles(dataDir)).customers.map((customer) => customer.id),
      ['cus-3', 'cus-2', 'cus-1'],
    );
    assert.deepEqual(
      (await readStoreFiles(dataDir)).audit.map((entry) => entry.requestId),
      ['req-1', 'req-2', 'req-3'],
    );
    assert.equal((await store.findRequest('req-1'))?.status, 'pending');
    assert.equal((await store.findByRequestId('req-2'))?.id, 'cus-2');
    assert.equal(await store.isDomainTaken('CONTOSO1'), true);
    assert.deepEqual(
      (await store.findMatchingCustomers({ contactEmail: 'WANG3@contoso.cn' })).map(
        (customer) => customer.id,
      ),
      ['cus-3'],
    );
    assert.equal((await store.searchCustomers({ query: 'contoso', offset: 0, limit: 2 })).total, 3);
  });

  it('should refuse a domain prefix held by a customer in an older file', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    for (const n of [1, 2, 3]) await store.addCustomer(buildCustomer(n));

    await assert.rejects(store.addCustomer(buildCustomer(4, { domainPrefix: 'Contoso1' })), DomainTakenError);
    assert.equal((await store.addCustomer(buildCustomer(1, { id: 'cus-retry' }))).created, false);
  });

  it('should rewrite only the file that holds a changed request', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    await store.addRequest(request(1));
    await store.addRequest(request(2));
    const newestBefore = await readFile(path.join(dataDir, 'customers-000001.json'), 'utf8');

    const result = await store.decideRequest('req-1', {
      status: 'approved',
      by: { userId: '29:approver', name: 'Megan Bowen' },
      at: '2025-03-14T11:00:00.000Z',
    });
    await store.setRequestCustomer('req-1', 'cus-1');

    assert.equal(result.decided, true);
    const [first] = (await readJson('customers.json')).requests;
    assert.deepEqual([first.status, first.customerId], ['approved', 'cus-1']);
    assert.equal(await readFile(path.join(dataDir, 'customers-000001.json'), 'utf8'), newestBefore);
    assert.equal(await storeFiles().then((files) => files.length), 2);
  });

  it('should save an order in its customer’s file, and add it once across a restart', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    await store.addCustomer(buildCustomer(1));
    await store.addCustomer(buildCustomer(2));
    const order = licenseOrder();

    await store.addSubscriptions(order);
    const again = await (await LowdbCustomerStore.open(dataDir, { segmentSize: 1 })).addSubscriptions(order);

    const first = await readJson('customers.json');
    assert.deepEqual(first.customers[0].subscriptions, [{ offerId: 'o365-e3', quantity: 15 }]);
    assert.deepEqual(first.orders, [order]);
    assert.deepEqual((await readJson('customers-000001.json')).orders, []);
    assert.equal(again.created, false);
    assert.deepEqual(again.customer.subscriptions, [{ offerId: 'o365-e3', quantity: 15 }]);
  });

  it('should decide, once, a request held in an older file after a restart, and save it there', async () => {
    const before = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    for (const n of [1, 2, 3]) await before.addRequest(request(n));
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    const decision = (name: string) => ({
      status: 'approved' as const,
      by: { userId: `29:${name}`, name },
      at: '2025-03-14T11:00:00.000Z',
    });

    const results = await Promise.all([
      store.decideRequest('req-1', decision('Megan')),
      store.decideRequest('req-1', decision('Nestor')),
    ]);
    await store.addRequestCards('req-1', [{ origin: request(1).request.origin, activityId: 'card-1' }]);

    assert.deepEqual(
      results.map((result) => [result.decided, result.request.decision?.by.name]),
      [
        [true, 'Megan'],
        [false, 'Megan'],
      ],
    );
    const [first] = (await readJson('customers.json')).requests;
    assert.deepEqual(
      [first?.status, first?.decision?.by.name, first?.cards.length],
      ['approved', 'Megan', 1],
    );
    assert.equal((await store.findRequest('req-1'))?.status, 'approved');
    assert.equal((await store.findRequest('req-3'))?.status, 'pending');
  });

  it('should save a request once when the same one arrives twice at the same time', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });

    const results = await Promise.all([store.addRequest(request(1)), store.addRequest(request(1))]);

    assert.deepEqual(
      results.map((result) => result.created),
      [true, false],
    );
    assert.equal((await readJson('customers.json')).requests.length, 1);
    assert.deepEqual(await storeFiles(), ['customers.json']);
  });

  it('should list the audit lines of every file, older files included, oldest first', async () => {
    const before = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    for (const n of [1, 2, 3, 4, 5]) await before.appendAudit(audit(n));
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    await store.appendAudit(audit(6));

    const listed = (await readStoreFiles(dataDir)).audit;

    assert.deepEqual(
      listed.map((entry) => entry.requestId),
      ['req-1', 'req-2', 'req-3', 'req-4', 'req-5', 'req-6'],
    );
    assert.equal((await readJson('customers.json')).audit.length, 2);
  });

  it('should take an existing single customers.json larger than segmentSize as it is, and add after it', async () => {
    const legacy = { customers: [buildCustomer(1), buildCustomer(2), buildCustomer(3)], audit: [audit(1)] };
    await writeFile(path.join(dataDir, 'customers.json'), JSON.stringify(legacy), 'utf8');

    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    await store.addCustomer(buildCustomer(4));

    assert.equal((await readJson('customers.json')).customers.length, 3);
    assert.deepEqual(
      (await readJson('customers-000001.json')).customers.map((customer: { id: string }) => customer.id),
      ['cus-4'],
    );
    assert.equal(await store.isDomainTaken('contoso2'), true);
  });

  it('should keep everything in customers.json with an unlimited segmentSize', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: Number.POSITIVE_INFINITY });

    for (const n of [1, 2, 3]) await store.addCustomer(buildCustomer(n));

    assert.deepEqual(await storeFiles(), ['customers.json']);
  });

  it('should undo an added customer whose file could not be written, and save it on a retry', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    await store.addCustomer(buildCustomer(1));
    const blocker = path.join(dataDir, '.customers-000001.json.tmp');
    await mkdir(blocker);

    await assert.rejects(store.addCustomer(buildCustomer(2)));

    assert.equal(await store.isDomainTaken('contoso2'), false);
    assert.equal(await store.findByRequestId('req-2'), undefined);
    await rm(blocker, { recursive: true });
    assert.equal((await store.addCustomer(buildCustomer(2))).created, true);
    assert.deepEqual(
      (await readJson('customers-000001.json')).customers.map((customer: { id: string }) => customer.id),
      ['cus-2'],
    );
  });

  it('should refuse a later file of the wrong shape with an error naming that file and the field', async () => {
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    await store.addCustomer(buildCustomer(1));
    const later = path.join(dataDir, 'customers-000001.json');
    await writeFile(later, JSON.stringify({ customers: [{ ...buildCustomer(2), domain: 42 }], audit: [] }));

    await assert.rejects(LowdbCustomerStore.open(dataDir), (error: unknown) => {
      assert.ok(error instanceof StoreFileError);
      assert.ok(error.message.includes(later), error.message);
      assert.ok(error.message.includes('customers.0.domain'), error.message);
      return true;
    });
  });

  it('should refuse a segment size below one', async () => {
    await assert.rejects(LowdbCustomerStore.open(dataDir, { segmentSize: 0 }), RangeError);
  });
});
