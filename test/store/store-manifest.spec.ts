import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbCustomerStore, StoreFileError } from '../../store/lowdb-customer-store.js';
import { STORE_MANIFEST_FILE } from '../../store/store-manifest.js';
import { buildCustomer } from '../fixtures/customers.js';

describe('the customer store manifest', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-manifest-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const manifest = async () => JSON.parse(await readFile(path.join(dataDir, STORE_MANIFEST_FILE), 'utf8'));

  it('should list every file of the store as it is written', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });

    // Act
    for (const n of [1, 2, 3, 4, 5]) await store.addCustomer(buildCustomer(n));

    // Assert
    assert.deepEqual(await manifest(), { version: 1, segments: [0, 1, 2] });
  });

  it('should refuse to open, naming the file, when a middle file of the store is missing', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    for (const n of [1, 2, 3, 4, 5]) await store.addCustomer(buildCustomer(n));
    await rm(path.join(dataDir, 'customers-000001.json'));

    // Act
    const opening = LowdbCustomerStore.open(dataDir, { segmentSize: 2 });

    // Assert
    await assert.rejects(opening, (error: Error) => {
      assert.ok(error instanceof StoreFileError);
      assert.ok(error.message.includes(path.join(dataDir, 'customers-000001.json')), error.message);
      assert.match(error.message, /is missing/);
      return true;
    });
  });

  it('should refuse to open when the manifest itself is not valid JSON, naming it', async () => {
    // Arrange
    await writeFile(path.join(dataDir, STORE_MANIFEST_FILE), '{"segments": [0,');

    // Act
    const opening = LowdbCustomerStore.open(dataDir);

    // Assert
    await assert.rejects(opening, (error: Error) => {
      assert.ok(error instanceof StoreFileError);
      assert.ok(error.message.includes(path.join(dataDir, STORE_MANIFEST_FILE)), error.message);
      return true;
    });
  });

  it('should open a store written before manifests and list the files it holds', async () => {
    // Arrange
    const before = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    for (const n of [1, 2, 3]) await before.addCustomer(buildCustomer(n));
    await rm(path.join(dataDir, STORE_MANIFEST_FILE));

    // Act
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });

    // Assert
    assert.deepEqual(await manifest(), { version: 1, segments: [0, 1] });
    assert.equal((await store.searchCustomers({ offset: 0, limit: 10 })).total, 3);
  });

  it('should list a file that was written but not listed before a crash, and list no file for a new empty store', async () => {
    // Arrange
    const before = await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
    for (const n of [1, 2, 3]) await before.addCustomer(buildCustomer(n));
    await writeFile(path.join(dataDir, STORE_MANIFEST_FILE), '{"version": 1, "segments": [0]}');
    const empty = await mkdtemp(path.join(os.tmpdir(), 'customer-store-manifest-empty-'));

    try {
      // Act
      await LowdbCustomerStore.open(dataDir, { segmentSize: 2 });
      await LowdbCustomerStore.open(empty);

      // Assert
      assert.deepEqual(await manifest(), { version: 1, segments: [0, 1] });
      assert.deepEqual(JSON.parse(await readFile(path.join(empty, STORE_MANIFEST_FILE), 'utf8')), {
        version: 1,
        segments: [],
      });
      assert.deepEqual(await readdir(empty), [STORE_MANIFEST_FILE]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
