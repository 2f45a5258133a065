import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { type HeldLease, type LeaseOutcome, type Leases, LocalLeases } from '../leases.js';
import { HeldClaim } from './held-claim.js';
import { lostRace, statusOf, tableKey } from './table-entity.js';

const PARTITION = 'leases';

/** How long a claim lasts unless renewed; renewed every third of it while the work runs. */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * Leases as rows of a table (`<prefix>leases`), one per name, holding who claimed it and until when.
 * A claim is a conditional write: insert-only when there is no row, `If-Match` on the row read when it
 * has expired, so that of two instances claiming at once one wins. The holder renews its claim while
 * the work runs and deletes the row when done; an instance that dies stops renewing, and once the claim
 * expires another instance takes the work over. A holder that finds its claim taken, or cannot renew it
 * before it expires, aborts its work's `lost` signal, so that two holders do not both carry on; the work
 * also confirms its claim (a renewal, see `HeldClaim`) just before each write.
 * Within this instance, `LocalLeases` keeps one holder.
 */
export class AzureTableLeases implements Leases {
  private readonly local = new LocalLeases();
  private readonly holder = randomUUID();

  constructor(
    private readonly table: TableClient,
    private readonly leaseMs = DEFAULT_LEASE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  hold<T>(name: string, work: (lease: HeldLease) => Promise<T>): Promise<LeaseOutcome<T>> {
    return this.local
      .hold(name, async () => {
        const claimedAt = this.now();
        const etag = await this.claim(name);
        if (etag === undefined) return { ran: false } as const;
        const claim = new HeldClaim(etag, claimedAt, (current) => this.write(name, current), {
          name,
          leaseMs: this.leaseMs,
          now: this.now,
        });
        try {
          return { ran: true, value: await work(claim.lease) } as const;
        } finally {
          const current = await claim.release();
          if (current !== undefined) {
            await this.table
              .deleteEntity(PARTITION, tableKey(name), { etag: current })
              .catch(() => undefined);
          }
        }
      })
      .then((outcome) => (outcome.ran ? outcome.value : outcome));
  }

  /** Claims `name` if nobody holds it or the claim expired; the row's new eTag, undefined if held. */
  private async claim(name: string): Promise<string | undefined> {
    try {
      const row = await this.table.getEntity(PARTITION, tableKey(name));
      if (Number(row.expiresAt) > this.now() && row.holder !== this.holder) return undefined;
      return await this.write(name, row.etag);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return this.write(name, undefined);
    }
  }

  /**
   * Writes the claim: insert-only without an eTag, `If-Match` with one; undefined when it lost the race
   * (the row exists, changed, or was deleted by a holder that took it over and finished).
   */
  private async write(name: string, etag: string | undefined): Promise<string | undefined> {
    const row = {
      partitionKey: PARTITION,
      rowKey: tableKey(name),
      holder: this.holder,
      expiresAt: this.now() + this.leaseMs,
    };
    try {
      const written = etag
        ? await this.table.updateEntity(row, 'Replace', { etag })
        : await this.table.createEntity(row);
      return written.etag;
    } catch (error) {
      if (lostRace(error) || (etag && statusOf(error) === 404)) return undefined;
      throw error;
    }
  }
}
