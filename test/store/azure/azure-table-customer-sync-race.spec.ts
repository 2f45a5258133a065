import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AzureTableCustomerStore } from '../../../store/azure/azure-table-customer-store.js';
import { portalCustomer } from '../../helpers/customer-store-contract/portal-customer.js';
import { HoldingProxy } from '../../helpers/holding-proxy.js';
import { useAzurite } from '../../helpers/start-azurite.js';

describe('AzureTableCustomerStore sync losing a race to another instance', () => {
  const storage = useAzurite();
  let proxy: HoldingProxy | undefined;

  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  it('should apply the synced change on the newer row, keeping the order placed meanwhile, and count it updated', async () => {
    // Arrange: A reaches the table service through a proxy that can hold A's write.
    const prefix = `t${randomBytes(6).toString('hex')}`;
    const { connectionString } = storage.azurite;
    const throughProxy = await HoldingProxy.inFrontOf(connectionString, 'Table');
    proxy = throughProxy.proxy;
    const a = await AzureTableCustomerStore.open({ connectionString: throughProxy.connectionString }, prefix);
    const b = await AzureTableCustomerStore.open({ connectionString }, prefix);
    await b.syncCustomers([portalCustomer(1)]);
    const aWrites = proxy.holdNext(
      (request) => request.method === 'POST' && (request.url ?? '').includes('$batch'),
    );

    // Act: A has read the customer and is writing its new name when B places an order for it.
    const syncOnA = a.syncCustomers([portalCustomer(1, { companyName: 'Portal One Renamed Ltd.' })]);
    await aWrites;
    await b.addSubscriptions({
      requestId: 'req-more',
      customerId: 'pc-1',
      lines: [{ offerId: 'o365-e1', quantity: 20 }],
      orderedBy: { userId: '29:1megan', name: 'Megan Bowen' },
      orderedAt: '2025-03-15T10:00:00.000Z',
    });
    proxy.release();
    const result = await syncOnA;

    // Assert
    assert.deepEqual(result, { added: 0, updated: 1, unchanged: 0 });
    const saved = await b.findById('pc-1');
    assert.equal(saved?.companyName, 'Portal One Renamed Ltd.');
    assert.deepEqual(saved?.subscriptions, [{ offerId: 'o365-e1', quantity: 20 }]);
  });

  it('should count a customer it lost every try for as skipped, keep the newer row, and write it at the next sync', async () => {
    // Arrange: each of A's writes of the customer is held until B has placed another order for it.
    const prefix = `t${randomBytes(6).toString('hex')}`;
    const { connectionString } = storage.azurite;
    const throughProxy = await HoldingProxy.inFrontOf(connectionString, 'Table');
    const held = throughProxy.proxy;
    proxy = held;
    const a = await AzureTableCustomerStore.open({ connectionString: throughProxy.connectionString }, prefix);
    const b = await AzureTableCustomerStore.open({ connectionString }, prefix);
    await b.syncCustomers([portalCustomer(1)]);
    const isBatch = (request: IncomingMessage) =>
      request.method === 'POST' && (request.url ?? '').includes('$batch');
    const renamed = portalCustomer(1, { companyName: 'Portal One Renamed Ltd.' });
    const order = (n: number) => ({
      requestId: `req-${n}`,
      customerId: 'pc-1',
      lines: [{ offerId: 'o365-e1', quantity: 1 }],
      orderedBy: { userId: '29:1megan', name: 'Megan Bowen' },
      orderedAt: '2025-03-15T10:00:00.000Z',
    });

    // Act: A's three tries each lose to one of B's orders.
    let aWrites = held.holdNext(isBatch);
    const syncOnA = a.syncCustomers([renamed]);
    for (let n = 1; n <= 3; n += 1) {
      await aWrites;
      await b.addSubscriptions(order(n));
      if (n < 3) aWrites = held.holdNext(isBatch);
      held.release();
    }
    const first = await syncOnA;
    const beforeNextSync = await b.findById('pc-1');
    const next = await a.syncCustomers([renamed]);

    // Assert
    assert.deepEqual(first, { added: 0, updated: 0, unchanged: 0, skipped: 1 });
    assert.equal(beforeNextSync?.companyName, 'Portal 1 Ltd.', 'the newer row is kept as B left it');
    assert.deepEqual(next, { added: 0, updated: 1, unchanged: 0 });
    const saved = await b.findById('pc-1');
    assert.equal(saved?.companyName, 'Portal One Renamed Ltd.');
    assert.deepEqual(saved?.subscriptions, [{ offerId: 'o365-e1', quantity: 3 }]);
  });
});
