import assert from 'node:assert/strict';
import type { SubscriptionOrder } from '../../../store/customer-schema.js';
import type { CustomerStore } from '../../../store/customer-store.js';
import { buildCustomer } from '../../fixtures/customers.js';
import type { ContractRig } from './describe-customer-store-contract.js';

function order(requestId: string, customerId: string, lines: SubscriptionOrder['lines']): SubscriptionOrder {
  return {
    requestId,
    customerId,
    lines,
    orderedBy: { userId: '29:1megan', name: 'Megan Bowen' },
    orderedAt: '2025-03-15T10:00:00.000Z',
  };
}

/** Licenses added to an existing customer: once per request, kept after a restart. */
export function subscriptionsContract(rig: ContractRig): void {
  describe('addSubscriptions', () => {
    let store: CustomerStore;

    beforeEach(async () => {
      store = await rig.open();
      await store.addCustomer(buildCustomer(1, { subscriptions: [{ offerId: 'o365-e3', quantity: 10 }] }));
      await store.addCustomer(buildCustomer(2));
    });

    it('should add licenses to an offer the customer has, and a new line for one it has not', async () => {
      const result = await store.addSubscriptions(
        order('req-more', 'cus-1', [
          { offerId: 'o365-e3', quantity: 5 },
          { offerId: 'o365-e1', quantity: 20 },
        ]),
      );

      const expected = [
        { offerId: 'o365-e3', quantity: 15 },
        { offerId: 'o365-e1', quantity: 20 },
      ];
      assert.equal(result.created, true);
      assert.deepEqual(result.customer.subscriptions, expected);
      assert.deepEqual((await store.findById('cus-1'))?.subscriptions, expected);
      assert.deepEqual((await store.findById('cus-2'))?.subscriptions, [
        { offerId: 'o365-e3', quantity: 10 },
      ]);
    });

    it('should add the licenses of one request once, however often it arrives', async () => {
      const lines = [{ offerId: 'o365-e3', quantity: 5 }];

      const first = await store.addSubscriptions(order('req-more', 'cus-1', lines));
      const repeat = await store.addSubscriptions(order('req-more', 'cus-1', lines));

      assert.equal(first.created, true);
      assert.equal(repeat.created, false);
      assert.deepEqual(repeat.customer.subscriptions, [{ offerId: 'o365-e3', quantity: 15 }]);
      assert.deepEqual((await store.findById('cus-1'))?.subscriptions, [
        { offerId: 'o365-e3', quantity: 15 },
      ]);
    });

    it('should add the licenses once when the same request arrives twice at the same time', async () => {
      const lines = [{ offerId: 'o365-e3', quantity: 5 }];

      const results = await Promise.all([
        store.addSubscriptions(order('req-more', 'cus-1', lines)),
        store.addSubscriptions(order('req-more', 'cus-1', lines)),
      ]);

      assert.deepEqual(results.map((result) => result.created).sort(), [false, true]);
      const reopened = await rig.open();
      assert.deepEqual((await reopened.findById('cus-1'))?.subscriptions, [
        { offerId: 'o365-e3', quantity: 15 },
      ]);
    });

    it('should add the licenses of different requests each', async () => {
      await store.addSubscriptions(order('req-a', 'cus-1', [{ offerId: 'o365-e3', quantity: 5 }]));
      await store.addSubscriptions(order('req-b', 'cus-1', [{ offerId: 'o365-e3', quantity: 5 }]));

      assert.deepEqual((await store.findById('cus-1'))?.subscriptions, [
        { offerId: 'o365-e3', quantity: 20 },
      ]);
    });

    it('should keep the added licenses, and the request as done, after a restart', async () => {
      await store.addSubscriptions(
        order('req-more', 'cus-1', [
          { offerId: 'o365-e3', quantity: 5 },
          { offerId: 'o365-f3', quantity: 3 },
        ]),
      );

      const reopened = await rig.open();
      const repeat = await reopened.addSubscriptions(
        order('req-more', 'cus-1', [{ offerId: 'o365-e3', quantity: 5 }]),
      );

      const expected = [
        { offerId: 'o365-e3', quantity: 15 },
        { offerId: 'o365-f3', quantity: 3 },
      ];
      assert.equal(repeat.created, false);
      assert.deepEqual((await reopened.findById('cus-1'))?.subscriptions, expected);
      assert.deepEqual((await (await rig.open()).findById('cus-1'))?.subscriptions, expected);
    });

    it('should refuse licenses for a customer it does not hold, and change nothing', async () => {
      await assert.rejects(
        store.addSubscriptions(order('req-ghost', 'cus-9', [{ offerId: 'o365-e3', quantity: 5 }])),
        /cus-9/,
      );

      const saved = await (await rig.open()).searchCustomers({ offset: 0, limit: 10 });
      assert.deepEqual(
        saved.customers.map((customer) => customer.subscriptions),
        [[{ offerId: 'o365-e3', quantity: 10 }], [{ offerId: 'o365-e3', quantity: 10 }]],
      );
      assert.equal(await (await rig.open()).hasOrder('req-ghost'), false);
    });
  });
}
