import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Creation } from '../../store/customer-schema.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { approvalRequest, customerRequest } from '../fixtures/customers.js';

const CREATING: Creation = { state: 'creating', attempts: 0, at: '2026-12-01T10:00:00.000Z', orderIds: [] };

describe('LowdbCustomerStore creations', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-creation-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should list a request whose creation has started until it is created, after a restart too', async () => {
    // Arrange
    const store = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    const first = approvalRequest(customerRequest({ requestId: 'req-1' }), {
      status: 'approved',
      creation: CREATING,
    });
    const second = approvalRequest(customerRequest({ requestId: 'req-2' }), { status: 'pending' });
    await store.addRequest(first);
    await store.addRequest(second);
    await store.setCreation('req-2', { ...CREATING, attempts: 1, partnerCenterCustomerId: 'pc-2' });

    // Act
    const beforeRestart = await store.unfinishedRequestIds();
    const reopened = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    const afterRestart = await reopened.unfinishedRequestIds();
    await reopened.setCreation('req-1', { ...CREATING, state: 'created', attempts: 1 });
    await reopened.setCreation('req-2', { ...CREATING, state: 'failed', attempts: 1, failure: 'INTERNAL' });

    // Assert
    assert.deepEqual(beforeRestart.sort(), ['req-1', 'req-2']);
    assert.deepEqual(afterRestart.sort(), ['req-1', 'req-2']);
    assert.deepEqual(await reopened.unfinishedRequestIds(), []);
    assert.equal((await reopened.findRequest('req-2'))?.creation?.partnerCenterCustomerId, undefined);
    const again = await LowdbCustomerStore.open(dataDir, { segmentSize: 1 });
    assert.equal((await again.findRequest('req-1'))?.creation?.state, 'created');
    assert.deepEqual(await again.unfinishedRequestIds(), []);
  });
});
