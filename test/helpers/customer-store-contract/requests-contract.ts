import assert from 'node:assert/strict';
import type { Creation, Decision } from '../../../store/customer-schema.js';
import { approvalRequest, customerRequest, ORIGIN, REQUESTER } from '../../fixtures/customers.js';
import type { ContractRig } from './describe-customer-store-contract.js';

const CREATING: Creation = { state: 'creating', attempts: 0, at: '2026-12-01T10:00:00.000Z', orderIds: [] };

function decision(status: Decision['status'], name: string): Decision {
  return { status, by: { userId: `29:${name}`, name }, at: '2026-12-01T10:05:00.000Z' };
}

/** Requests: saved once per id, decided once, their creation tracked across a restart. */
export function requestsContract(rig: ContractRig): void {
  describe('requests', () => {
    it('should save a request once per id and find it again after a restart', async () => {
      // Arrange
      const store = await rig.open();
      const pending = approvalRequest(customerRequest({ requestId: 'req-1' }), { status: 'pending' });

      // Act
      const first = await store.addRequest(pending);
      const repeat = await store.addRequest({ ...pending, status: 'approved' });

      // Assert
      assert.deepEqual([first.created, repeat.created], [true, false]);
      assert.equal(repeat.request.status, 'pending');
      assert.deepEqual(await (await rig.open()).findRequest('req-1'), pending);
      assert.equal(await store.findRequest('req-2'), undefined);
    });

    it('should decide a request once when two approvers press at the same time', async () => {
      // Arrange
      const store = await rig.open();
      await store.addRequest(approvalRequest(customerRequest({ requestId: 'req-1' }), { status: 'pending' }));

      // Act
      const results = await Promise.all([
        store.decideRequest('req-1', decision('approved', 'Alex')),
        store.decideRequest('req-1', decision('rejected', 'Megan')),
      ]);

      // Assert
      const winners = results.filter((result) => result.decided);
      assert.equal(winners.length, 1);
      const saved = await (await rig.open()).findRequest('req-1');
      assert.equal(saved?.status, winners[0]?.request.status);
      assert.deepEqual(saved?.decision, winners[0]?.request.decision);
      assert.deepEqual(
        results.map((result) => result.request.status),
        [saved?.status, saved?.status],
      );
    });

    it('should keep the cards posted for a request and the customer it created', async () => {
      // Arrange
      const store = await rig.open();
      await store.addRequest(
        approvalRequest(customerRequest({ requestId: 'req-1' }), { status: 'approved' }),
      );

      // Act
      await store.addRequestCards('req-1', [{ origin: ORIGIN, activityId: 'activity-1' }]);
      await store.addRequestCards('req-1', [
        { origin: { ...ORIGIN, conversationId: 'a:1' }, activityId: 'activity-2' },
      ]);
      await store.setRequestCustomer('req-1', 'cus-1');

      // Assert
      const saved = await (await rig.open()).findRequest('req-1');
      assert.deepEqual(
        saved?.cards.map((card) => card.activityId),
        ['activity-1', 'activity-2'],
      );
      assert.equal(saved?.customerId, 'cus-1');
      assert.deepEqual(saved?.request.requester, REQUESTER);
      await assert.rejects(store.setRequestCustomer('req-9', 'cus-1'), /req-9/);
    });

    it('should list a request whose creation has started until it is created, after a restart too', async () => {
      // Arrange
      const store = await rig.open();
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
      const reopened = await rig.open();
      const afterRestart = await reopened.unfinishedRequestIds();
      await reopened.setCreation('req-1', { ...CREATING, state: 'created', attempts: 1 });
      await reopened.setCreation('req-2', { ...CREATING, state: 'failed', attempts: 1, failure: 'INTERNAL' });

      // Assert
      assert.deepEqual(beforeRestart.sort(), ['req-1', 'req-2']);
      assert.deepEqual(afterRestart.sort(), ['req-1', 'req-2']);
      assert.deepEqual(await reopened.unfinishedRequestIds(), []);
      assert.equal((await reopened.findRequest('req-2'))?.creation?.partnerCenterCustomerId, undefined);
      const again = await rig.open();
      assert.equal((await again.findRequest('req-1'))?.creation?.state, 'created');
      assert.deepEqual(await again.unfinishedRequestIds(), []);
    });
  });
}
