import assert from 'node:assert/strict';
import { DomainTakenError } from '../../../store/customer-store.js';
import { buildCustomer } from '../../fixtures/customers.js';
import type { ContractRig } from './describe-customer-store-contract.js';
import { portalCustomer, SYNCED_AT } from './portal-customer.js';

/** Customers read from Partner Center: added, refreshed, never over a customer the bot created. */
export function syncContract(rig: ContractRig): void {
  describe('syncCustomers', () => {
    it('should add a page of 500 customers, findable by id, domain, name and email', async () => {
      // Arrange
      const store = await rig.open();
      const page = Array.from({ length: 500 }, (_, n) => portalCustomer(n));

      // Act
      const result = await store.syncCustomers(page);

      // Assert
      assert.deepEqual(result, { added: 500, updated: 0, unchanged: 0 });
      const reopened = await rig.open();
      assert.equal((await reopened.findById('pc-7'))?.companyName, 'Portal 7 Ltd.');
      assert.equal(await reopened.isDomainTaken('portal7'), true);
      assert.deepEqual(
        (await reopened.findMatchingCustomers({ companyName: 'PORTAL 8 LTD' })).map(
          (customer) => customer.id,
        ),
        ['pc-8'],
      );
      assert.deepEqual(
        (await reopened.findMatchingCustomers({ contactEmail: 'IT@portal9.cn' })).map(
          (customer) => customer.id,
        ),
        ['pc-9'],
      );
      assert.equal((await reopened.searchCustomers({ query: 'portal', offset: 0, limit: 1 })).total, 500);
    });

    it('should change nothing when the same customers are read again', async () => {
      // Arrange
      const store = await rig.open();
      await store.syncCustomers([portalCustomer(1), portalCustomer(2)]);

      // Act
      const result = await store.syncCustomers([
        portalCustomer(1, { syncedAt: '2025-03-15T10:00:00.000Z' }),
        portalCustomer(2),
      ]);

      // Assert
      assert.deepEqual(result, { added: 0, updated: 0, unchanged: 2 });
      assert.deepEqual(await (await rig.open()).findById('pc-1'), portalCustomer(1));
    });

    it('should never duplicate a customer the bot created, by id or by domain', async () => {
      // Arrange
      const store = await rig.open();
      const created = buildCustomer(1);
      await store.addCustomer(created);

      // Act
      const result = await store.syncCustomers([
        portalCustomer(1, { id: created.id, companyName: 'Renamed' }),
        portalCustomer(2, { domainPrefix: 'contoso1', domain: 'contoso1.partner.onmschina.cn' }),
      ]);

      // Assert
      assert.deepEqual(result, { added: 0, updated: 0, unchanged: 2 });
      assert.deepEqual((await (await rig.open()).searchCustomers({ offset: 0, limit: 10 })).customers, [
        created,
      ]);
    });

    it('should refresh a changed customer, keeping the licenses ordered through the bot', async () => {
      // Arrange
      const store = await rig.open();
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
      assert.deepEqual(await (await rig.open()).findById('pc-1'), expected);
      assert.deepEqual(await store.findMatchingCustomers({ companyName: 'Portal 1 Ltd.' }), []);
    });

    it('should let the bot save a customer it created under the id a sync already stored', async () => {
      // Arrange
      const store = await rig.open();
      const created = buildCustomer(1);
      await store.syncCustomers([
        portalCustomer(1, { id: created.id, domainPrefix: created.domainPrefix, domain: created.domain }),
      ]);

      // Act
      const result = await store.addCustomer(created);

      // Assert
      assert.equal(result.created, true);
      assert.deepEqual((await (await rig.open()).searchCustomers({ offset: 0, limit: 10 })).customers, [
        created,
      ]);
    });

    it('should refuse a new customer whose domain a portal customer holds', async () => {
      // Arrange
      const store = await rig.open();
      await store.syncCustomers([portalCustomer(1)]);

      // Act and Assert
      await assert.rejects(
        store.addCustomer(
          buildCustomer(2, { domainPrefix: 'portal1', domain: 'portal1.partner.onmschina.cn' }),
        ),
        DomainTakenError,
      );
    });
  });
}
