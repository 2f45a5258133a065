import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../store/customer-schema.js';
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
    // a restart folds the second one, appended to the journal, into the store file itself
    const reopened = await LowdbCustomerStore.open(dataDir);
    assert.deepEqual((await readStoreFile()).audit, [created, delivered]);
    await reopened.appendAudit(created);
    assert.deepEqual((await readStoreFiles(dataDir)).audit, [created, delivered, created]);
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
