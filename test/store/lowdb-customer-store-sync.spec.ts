import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { StoreSegment } from '../../store/store-segment.js';
import { buildCustomer } from '../fixtures/customers.js';
import { portalCustomer } from '../helpers/customer-store-contract/portal-customer.js';

/** What syncing does to the JSON files; what it does to the customers is in the store contract. */
describe('LowdbCustomerStore syncCustomers', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-sync-'));
  });

  afterEach(async () => {
    sinon.restore();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should add a page of 500 customers with one write, findable by id, domain, name and email', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    const page = Array.from({ length: 500 }, (_, n) => portalCustomer(n));
    const write = sinon.spy(StoreSegment.prototype, 'write');

    // Act
    const result = await store.syncCustomers(page);

    // Assert
    assert.deepEqual(result, { added: 500, updated: 0, unchanged: 0 });
    assert.equal(write.callCount, 1);
    assert.equal((await store.findById('pc-7'))?.companyName, 'Portal 7 Ltd.');
    assert.equal(await store.isDomainTaken('portal7'), true);
    assert.deepEqual(
      (await store.findMatchingCustomers({ companyName: 'PORTAL 8 LTD' })).map((customer) => customer.id),
      ['pc-8'],
    );
    assert.deepEqual(
      (await store.findMatchingCustomers({ contactEmail: 'IT@portal9.cn' })).map((customer) => customer.id),
      ['pc-9'],
    );
    assert.equal((await store.searchCustomers({ query: 'portal', offset: 0, limit: 1 })).total, 500);
  });

  it('should write nothing when the same customers are read again', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    await store.syncCustomers([portalCustomer(1), portalCustomer(2)]);
    const before = await readFile(path.join(dataDir, 'customers.json'), 'utf8');
    const write = sinon.spy(StoreSegment.prototype, 'write');

    // Act
    const result = await store.syncCustomers([
      portalCustomer(1, { syncedAt: '2025-03-15T10:00:00.000Z' }),
      portalCustomer(2),
    ]);

    // Assert
    assert.deepEqual(result, { added: 0, updated: 0, unchanged: 2 });
    assert.equal(write.callCount, 0);
    assert.equal(await readFile(path.join(dataDir, 'customers.json'), 'utf8'), before);
  });

  it('should write only the newest file when a customer held by an older one changes, the later copy winning on open', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    await store.syncCustomers([portalCustomer(1), portalCustomer(2)]);
    await store.addCustomer(buildCustomer(3));
    const write = sinon.spy(StoreSegment.prototype, 'write');

    // Act
    await store.syncCustomers([
      portalCustomer(1, { domain: 'portal1.partner.onmschina.cn', companyName: 'P1' }),
    ]);

    // Assert
    assert.equal(write.callCount, 1);
    assert.equal((write.thisValues[0] as StoreSegment).index, 1);
    const reopened = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    assert.equal((await reopened.findById('pc-1'))?.companyName, 'P1');
    assert.deepEqual(
      (await reopened.searchCustomers({ offset: 0, limit: 10 })).customers.map((customer) => customer.id),
      ['cus-3', 'pc-2', 'pc-1'],
    );
  });

  it('should load a store written before customers were read from Partner Center', async () => {
    // Arrange
    const { source: _, ...before } = buildCustomer(1);
    await writeFile(
      path.join(dataDir, 'customers.json'),
      JSON.stringify({ customers: [before], audit: [] }),
      'utf8',
    );

    // Act
    const store = await LowdbCustomerStore.open(dataDir);

    // Assert
    assert.deepEqual(await store.findByRequestId('req-1'), before);
  });
});
