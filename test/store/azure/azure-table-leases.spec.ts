import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { openTable } from '../../../store/azure/azure-account.js';
import { AzureTableLeases } from '../../../store/azure/azure-table-leases.js';
import { tableKey } from '../../../store/azure/table-entity.js';
import type { HeldLease } from '../../../store/leases.js';
import { deferred } from '../../helpers/deferred.js';
import { useAzurite } from '../../helpers/start-azurite.js';
import { waitUntil } from '../../helpers/wait-until.js';

describe('AzureTableLeases (two instances on one Azurite)', () => {
  const storage = useAzurite();
  let table: TableClient;

  beforeEach(async () => {
    table = await openTable(
      { connectionString: storage.azurite.connectionString },
      `t${randomBytes(6).toString('hex')}leases`,
    );
  });

  /** The claim row of `name`: who holds it and until when, or undefined once released. */
  async function claimRow(name: string): Promise<{ holder: string; expiresAt: number } | undefined> {
    for await (const row of table.listEntities()) {
      if (row.rowKey === tableKey(name))
        return { holder: String(row.holder), expiresAt: Number(row.expiresAt) };
    }
    return undefined;
  }

  it('should run the work of a lease on one instance only while it is held there', async () => {
    // Arrange
    const a = new AzureTableLeases(table);
    const b = new AzureTableLeases(table);
    const working = deferred();
    const held = a.hold('create:r1', async () => {
      await working.promise;
      return 'created by A';
    });
    await waitUntil(async () => (await claimRow('create:r1')) !== undefined, 'A to claim the lease');
    let ranOnB = false;

    // Act
    const onB = await b.hold('create:r1', async () => {
      ranOnB = true;
    });
    working.resolve();

    // Assert
    assert.deepEqual(onB, { ran: false });
    assert.equal(ranOnB, false);
    assert.deepEqual(await held, { ran: true, value: 'created by A' });
  });

  it('should let another instance claim the lease once the holder released it', async () => {
    // Arrange
    const a = new AzureTableLeases(table);
    const b = new AzureTableLeases(table);
    await a.hold('deliver:r2', async () => 'delivered');

    // Act
    const onB = await b.hold('deliver:r2', async () => 'again on B');

    // Assert
    assert.equal(await claimRow('deliver:r2'), undefined, 'the claim row is deleted after the work');
    assert.deepEqual(onB, { ran: true, value: 'again on B' });
  });

  it('should let another instance take the work over once the holder stopped renewing and its claim expired', async () => {
    // Arrange: A claims and then stops (as a killed instance does); B's clock is past A's claim.
    const leaseMs = 60_000;
    const a = new AzureTableLeases(table, leaseMs);
    const stuck = deferred();
    const held = a.hold('create:r3', () => stuck.promise);
    await waitUntil(async () => (await claimRow('create:r3')) !== undefined, 'A to claim the lease');
    const claimedByA = await claimRow('create:r3');
    const b = new AzureTableLeases(table, leaseMs, () => Date.now() + leaseMs + 1_000);
    const c = new AzureTableLeases(table, leaseMs, () => Date.now() + leaseMs + 1_000);
    const bWorking = deferred();

    // Act
    const onB = b.hold('create:r3', async () => {
      await bWorking.promise;
      return 'finished by B';
    });
    await waitUntil(async () => (await claimRow('create:r3'))?.holder !== claimedByA?.holder, 'B to claim');
    const onC = await c.hold('create:r3', async () => 'also by C');
    bWorking.resolve();

    // Assert
    assert.deepEqual(await onB, { ran: true, value: 'finished by B' });
    assert.deepEqual(onC, { ran: false }, 'B now holds the claim: a third instance is kept out');
    stuck.resolve();
    await held;
  });

  it('should renew the claim while the work runs, so that nobody takes it over after the first period', async () => {
    // Arrange
    const leaseMs = 300;
    const a = new AzureTableLeases(table, leaseMs);
    const working = deferred();
    const held = a.hold('sync', () => working.promise);
    await waitUntil(async () => (await claimRow('sync')) !== undefined, 'A to claim the lease');
    const first = (await claimRow('sync'))?.expiresAt ?? 0;
    await waitUntil(async () => ((await claimRow('sync'))?.expiresAt ?? 0) > first, 'A to renew its claim');
    const afterFirstPeriod = new AzureTableLeases(table, leaseMs, () => first + 1);

    // Act
    const onB = await afterFirstPeriod.hold('sync', async () => 'taken over');
    working.resolve();

    // Assert
    assert.deepEqual(onB, { ran: false });
    await held;
  });

  it('should abort the work of a holder whose claim another instance took', async () => {
    // Arrange: A's claim is taken by B, whose clock is past A's expiry (as after a long pause of A).
    const leaseMs = 300;
    const a = new AzureTableLeases(table, leaseMs);
    let signalOfA: AbortSignal | undefined;
    const working = deferred();
    const held = a.hold('create:r5', async ({ lost }) => {
      signalOfA = lost;
      await working.promise;
      return lost.aborted ? 'stopped without writing' : 'carried on';
    });
    await waitUntil(() => signalOfA !== undefined, 'A to start its work');
    const b = new AzureTableLeases(table, leaseMs, () => Date.now() + 60_000);
    const bWorking = deferred();
    let onB: Promise<unknown> | undefined;
    let claimedByB = false;

    // Act
    await waitUntil(async () => {
      const attempt = b.hold('create:r5', async () => {
        claimedByB = true;
        await bWorking.promise;
      });
      if ((await Promise.race([attempt, new Promise((r) => setTimeout(r, 50, 'running'))])) === 'running')
        onB = attempt;
      return claimedByB;
    }, 'B to take the claim over');
    await waitUntil(() => signalOfA?.aborted === true, 'A to learn that it lost its claim');
    working.resolve();
    bWorking.resolve();

    // Assert
    assert.deepEqual(await held, { ran: true, value: 'stopped without writing' });
    assert.match(String(signalOfA?.reason), /the lease create:r5 was taken by another holder/);
    await onB;
  });

  it('should refuse at confirm the write of a holder paused past its claim, before any renewal told it', async () => {
    // Arrange: A's renewals are a minute apart; B, whose clock is past A's claim, takes it over meanwhile.
    const leaseMs = 60_000;
    const a = new AzureTableLeases(table, leaseMs);
    let leaseOfA: HeldLease | undefined;
    const working = deferred();
    const held = a.hold('create:r6', async (lease) => {
      leaseOfA = lease;
      await working.promise;
    });
    await waitUntil(() => leaseOfA !== undefined, 'A to start its work');
    const holderA = (await claimRow('create:r6'))?.holder;
    const b = new AzureTableLeases(table, leaseMs, () => Date.now() + leaseMs + 1_000);
    const bWorking = deferred();
    const onB = b.hold('create:r6', () => bWorking.promise);
    await waitUntil(async () => (await claimRow('create:r6'))?.holder !== holderA, 'B to claim');

    assert.ok(leaseOfA);

    // Act
    const confirmed = leaseOfA.confirm();

    // Assert
    await assert.rejects(confirmed, /the lease create:r6 was taken by another holder/);
    assert.equal(leaseOfA.lost.aborted, true);
    working.resolve();
    bWorking.resolve();
    await Promise.all([held, onB]);
  });

  it('should confirm a claim still held, even when several confirms run at once', async () => {
    // Arrange
    const a = new AzureTableLeases(table, 60_000);
    const b = new AzureTableLeases(table, 60_000);

    // Act
    const onA = await a.hold('sync-2', async (lease) => {
      await Promise.all([lease.confirm(), lease.confirm(), lease.confirm()]);
      return lease.lost.aborted;
    });
    const onB = await b.hold('sync-2', async () => 'after A');

    // Assert
    assert.deepEqual(onA, { ran: true, value: false });
    assert.deepEqual(onB, { ran: true, value: 'after A' }, 'A deleted its claim when done');
  });
});
