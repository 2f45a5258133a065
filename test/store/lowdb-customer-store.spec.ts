import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../store/customer-schema.js';
import { DomainTakenError } from '../../store/customer-store.js';
import { LowdbCustomerStore, StoreFileError } from '../../store/lowdb-customer-store.js';
import { buildCustomer } from '../fixtures/customers.js';
import { readStoreFiles } from '../helpers/read-store-files.js';

describe('LowdbCustomerStore', () => {
  let dataDir: string;
  let storeFile: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-'));
    storeFile = path.join(dataDir, 'customers.json');
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const readStoreFile = async () => JSON.parse(await readFile(storeFile, 'utf8'));

  it('should start empty in a new folder', async () => {
    const newFolder = path.join(dataDir, 'nested', 'data');
    const store = await LowdbCustomerStore.open(newFolder);

    assert.equal(await store.findById('cus-1'), undefined);
    assert.deepEqual(await readStoreFiles(newFolder), { customers: [], audit: [] });
  });

  it('should save an added customer to the file', async () => {
    const store = await LowdbCustomerStore.open(dataDir);
    const customer = buildCustomer(1);

    const result = await store.addCustomer(customer);

    assert.deepEqual(result, { customer, created: true });
    assert.deepEqual(await readStoreFile(), { customers: [customer], requests: [], orders: [], audit: [] });
  });

  it('should add a customer once when the same request arrives twice', async () => {
    const store = await LowdbCustomerStore.open(dataDir);
    const first = buildCustomer(1);
    const retry = buildCustomer(1, { id: 'cus-retry', createdAt: '2025-03-14T09:30:00.000Z' });

    await store.addCustomer(first);
    const result = await store.addCustomer(retry);

    assert.deepEqual(result, { customer: first, created: false });
    assert.deepEqual((await readStoreFile()).customers, [first]);
  });

  it('should add a customer once when the same request arrives twice at the same time', async () => {
    const store = await LowdbCustomerStore.open(dataDir);

    const results = await Promise.all([
      store.addCustomer(buildCustomer(1)),
      store.addCustomer(buildCustomer(1, { id: 'cus-retry' })),
    ]);

    assert.deepEqual(
      results.map((result) => [result.customer.id, result.created]),
      [
        ['cus-1', true],
        ['cus-1', false],
      ],
    );
    assert.equal((await readStoreFile()).customers.length, 1);
  });

  it('should refuse a different request for a domain prefix already taken', async () => {
    const store = await LowdbCustomerStore.open(dataDir);
    await store.addCustomer(buildCustomer(1));
    const rival = buildCustomer(2, { domainPrefix: 'contoso1', domain: 'contoso1.partner.onmschina.cn' });

    const error = await store.addCustomer(rival).then(
      () => assert.fail('addCustomer should have thrown'),
      (thrown: unknown) => thrown,
    );

    assert.ok(error instanceof DomainTakenError);
    assert.equal(error.code, 'DOMAIN_TAKEN');
    assert.equal(error.domain, 'contoso1.partner.onmschina.cn');
    assert.deepEqual(
      (await readStoreFiles(dataDir)).customers.map((customer) => customer.id),
      ['cus-1'],
    );
  });

  it('should find customers, domains and ids again after a restart', async () => {
    const before = await LowdbCustomerStore.open(dataDir);
    await before.addCustomer(buildCustomer(1));
    await before.addCustomer(buildCustomer(2));

    const store = await LowdbCustomerStore.open(dataDir);

    assert.equal((await store.findById('cus-2'))?.companyName, buildCustomer(2).companyName);
    assert.equal((await store.findByRequestId('req-2'))?.id, 'cus-2');
    assert.equal((await store.findByRequestId('req-1'))?.id, 'cus-1');
    assert.equal(await store.findById('cus-3'), undefined);
    assert.equal(await store.isDomainTaken('contoso1'), true);
    assert.equal(await store.isDomainTaken('CONTOSO2'), true);
    assert.equal(await store.isDomainTaken('contoso3'), false);
    assert.equal((await store.addCustomer(buildCustomer(1, { id: 'cus-retry' }))).created, false);
    await assert.rejects(store.addCustomer(buildCustomer(3, { domainPrefix: 'contoso2' })), DomainTakenError);
  });

  it('should find customers newest first, one page at a time', async () => {
    const store = await LowdbCustomerStore.open(dataDir);
    for (const n of [1, 2, 3]) await store.addCustomer(buildCustomer(n));

    const all = (await store.searchCustomers({ offset: 0, limit: 10 })).customers;
    const newestTwo = (await store.searchCustomers({ offset: 0, limit: 2 })).customers;

    assert.deepEqual(
      all.map((customer) => customer.id),
      ['cus-3', 'cus-2', 'cus-1'],
    );
    assert.deepEqual(
      newestTwo.map((customer) => customer.id),
      ['cus-3', 'cus-2'],
    );
  });

  it('should append audit entries, oldest first, and keep them after a restart', async () => {
    const store = await LowdbCustomerStore.open(dataDir);
    const created: AuditEntry = {
      at: '2025-03-14T09:26:53.589Z',
      event: 'customer.created',
      requestId: 'req-1',
      customerId: 'cus-1',
      actor: { userId: '29:1owner', name: 'Li Lei' },
    };
    const delivered: AuditEntry = {
      at: '2025-03-14T09:26:54.000Z',
      event: 'credentials.delivered',
      requestId: 'req-1',
    };

    await store.appendAudit(created);
    await store.appendAudit(delivered);

    assert.deepEqual((await readStoreFiles(dataDir)).audit, [created, delivered]);
    assert.deepEqual((await readStoreFile()).audit, [created, delivered]);
    assert.deepEqual((await readStoreFiles(dataDir)).audit, [created, delivered]);
  });

  it('should refuse a file that is not JSON with an error naming the file', async () => {
    await writeFile(storeFile, '{"customers": [', 'utf8');

    await assert.rejects(LowdbCustomerStore.open(dataDir), (error: unknown) => {
      assert.ok(error instanceof StoreFileError);
      assert.equal(error.code, 'STORE_FILE_INVALID');
      assert.match(error.message, /not valid JSON/);
      assert.ok(error.message.includes(storeFile), error.message);
      return true;
    });
  });

  it('should refuse a file of the wrong shape with an error naming the file and the field', async () => {
    const broken = { ...buildCustomer(1), domain: 42 };
    await writeFile(storeFile, JSON.stringify({ customers: [broken], audit: [] }), 'utf8');

    await assert.rejects(LowdbCustomerStore.open(dataDir), (error: unknown) => {
      assert.ok(error instanceof StoreFileError);
      assert.ok(error.message.includes(storeFile), error.message);
      assert.ok(error.message.includes('customers.0.domain'), error.message);
      return true;
    });
  });

  it('should refuse a store path it cannot read with an error naming the file', async () => {
    await mkdir(storeFile);

    await assert.rejects(LowdbCustomerStore.open(dataDir), (error: unknown) => {
      assert.ok(error instanceof StoreFileError);
      assert.ok(error.message.includes(storeFile), error.message);
      return true;
    });
  });
});
