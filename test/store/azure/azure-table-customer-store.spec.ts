import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AzureTableCustomerStore } from '../../../store/azure/azure-table-customer-store.js';
import type { AuditEntry } from '../../../store/customer-schema.js';
import { DomainTakenError } from '../../../store/customer-store.js';
import { approvalRequest, buildCustomer, customerRequest, ORIGIN } from '../../fixtures/customers.js';
import { useAzurite } from '../../helpers/start-azurite.js';

describe('AzureTableCustomerStore', () => {
  const storage = useAzurite();
  let prefix: string;
  const open = () =>
    AzureTableCustomerStore.open({ connectionString: storage.azurite.connectionString }, prefix);

  beforeEach(() => {
    prefix = `t${randomBytes(6).toString('hex')}`;
  });

  it('should give a domain to one of two instances saving it at the same moment, and save nothing of the other', async () => {
    // Arrange
    const [a, b] = await Promise.all([open(), open()]);
    const rivals = [1, 2, 3, 4].map((n) =>
      buildCustomer(n, { domainPrefix: 'contested', domain: 'contested.partner.onmschina.cn' }),
    );

    // Act
    const outcomes = await Promise.allSettled(
      rivals.map((customer, n) => (n % 2 === 0 ? a : b).addCustomer(customer)),
    );

    // Assert
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      assert.ok((outcome as PromiseRejectedResult).reason instanceof DomainTakenError);
    }
    const saved = await (await open()).searchCustomers({ offset: 0, limit: 10 });
    assert.equal(saved.total, 1);
    const losers = rivals.filter((customer) => customer.id !== saved.customers[0]?.id);
    for (const loser of losers)
      assert.equal(await (await open()).findByRequestId(loser.requestId), undefined);
  });

  it('should decide a request once when two instances decide it at the same moment', async () => {
    // Arrange
    const [a, b] = await Promise.all([open(), open()]);
    await a.addRequest(approvalRequest(customerRequest({ requestId: 'req-1' })));
    const by = (name: string) => ({ userId: `29:${name}`, name });

    // Act
    const results = await Promise.all([
      a.decideRequest('req-1', { status: 'approved', by: by('Alex'), at: '2026-12-01T10:00:00.000Z' }),
      b.decideRequest('req-1', { status: 'rejected', by: by('Megan'), at: '2026-12-01T10:00:00.000Z' }),
    ]);

    // Assert
    assert.deepEqual(results.map((result) => result.decided).sort(), [false, true]);
    assert.equal(results[0]?.request.status, results[1]?.request.status);
  });

  it('should keep a request whose posted cards outgrow one table property', async () => {
    // Arrange
    const store = await open();
    await store.addRequest(approvalRequest(customerRequest({ requestId: 'req-1' })));
    const cards = Array.from({ length: 200 }, (_, n) => ({ origin: ORIGIN, activityId: `activity-${n}` }));

    // Act
    await store.addRequestCards('req-1', cards);

    // Assert
    assert.equal(JSON.stringify(cards).length > 32_000, true);
    assert.deepEqual((await (await open()).findRequest('req-1'))?.cards, cards);
  });

  it('should keep audit lines as rows, oldest first by their time', async () => {
    // Arrange
    const store = await open();
    const line = (at: string, event: AuditEntry['event']): AuditEntry => ({ at, event, requestId: 'req-1' });
    const later = line('2025-03-14T09:26:54.000Z', 'credentials.delivered');
    const earlier = line('2025-03-14T09:26:53.589Z', 'customer.created');

    // Act
    await store.appendAudit(later);
    await store.appendAudit(earlier);

    // Assert
    assert.deepEqual(await (await open()).auditTrail(), [earlier, later]);
  });
});
