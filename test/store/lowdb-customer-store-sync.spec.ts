import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import type { SyncedCustomer } from '../../store/customer-schema.js';
import { DomainTakenError } from '../../store/customer-store.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { StoreSegment } from '../../store/store-segment.js';
import { buildCustomer } from '../fixtures/customers.js';
import { readStoreFiles } from '../helpers/read-store-files.js';

const SYNCED_AT = '2025-03-14T10:00:00.000Z';

/** Portal customer number `n`: id `pc-n`, domain `portal<n>.partner.onmschina.cn`. */
function portalCustomer(n: number, overrides: Partial<SyncedCustomer> = {}): SyncedCustomer {
  return {
    source: 'partnerCenter',
    id: `pc-${n}`,
    companyName: `Portal ${n} Ltd.`,
    domainPrefix: `portal${n}`,
    domain: `portal${n}.partner.onmschina.cn`,
    contactEmail: `it@portal${n}.cn`,
    subscriptions: [],
    partnerCenter: { tenantId: `tenant-${n}`, orderIds: [] },
    syncedAt: SYNCED_AT,
    ...overrides,
  };
}

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

  it('should never duplicate a customer the bot created, by id or by domain', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    const created = buildCustomer(1);
    await store.addCustomer(created);

    // Act
    const result = await store.syncCustomers([
      portalCustomer(1, { id: created.id, companyName: 'Renamed' }),
      portalCustomer(2, { domainPrefix: 'contoso1', domain: 'contoso1.partner.onmschina.cn' }),
    ]);

    // Assert
    assert.deepEqual(result, { added: 0, updated: 0, unchanged: 2 });
    assert.deepEqual((await readStoreFiles(dataDir)).customers, [created]);
  });

  it('should refresh a changed customer, keeping the licenses ordered through the bot', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    await store.syncCustomers([portalCustomer(1)]);
    await store.addSubscriptions({
      requestId: 'req-order',
      customerId: 'pc-1',
      lines: [{ offerId: 'o365-e3', quantity: 5 }],
      orderedBy: { userId: '29:alex', name: 'Alex Wilber' },
      orderedAt: SYNCED_AT,
      partnerCenterOrderId: 'order-1',
    });

    // Act
    const result = await store.syncCustomers([portalCustomer(1, { companyName: 'Portal One Holdings' })]);

    // Assert
    assert.deepEqual(result, { added: 0, updated: 1, unchanged: 0 });
    const expected = portalCustomer(1, {
      companyName: 'Portal One Holdings',
      subscriptions: [{ offerId: 'o365-e3', quantity: 5 }],
      partnerCenter: { tenantId: 'tenant-1', orderIds: ['order-1'] },
    });
    assert.deepEqual(await store.findById('pc-1'), expected);
    assert.deepEqual(await (await LowdbCustomerStore.open(dataDir)).findById('pc-1'), expected);
    assert.deepEqual(await store.findMatchingCustomers({ companyName: 'Portal 1 Ltd.' }), []);
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

  it('should let the bot save a customer it created under the id a sync already stored', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    const created = buildCustomer(1);
    await store.syncCustomers([
      portalCustomer(1, { id: created.id, domainPrefix: created.domainPrefix, domain: created.domain }),
    ]);

    // Act
    const result = await store.addCustomer(created);

    // Assert
    assert.equal(result.created, true);
    assert.deepEqual((await readStoreFiles(dataDir)).customers, [created]);
  });

  it('should refuse a new customer whose domain a portal customer holds', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir);
    await store.syncCustomers([portalCustomer(1)]);

    // Act and Assert
    await assert.rejects(
      store.addCustomer(
        buildCustomer(2, { domainPrefix: 'portal1', domain: 'portal1.partner.onmschina.cn' }),
      ),
      DomainTakenError,
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
