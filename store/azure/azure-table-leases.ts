import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { type LeaseOutcome, type Leases, LocalLeases } from '../leases.js';
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
 * before it expires, aborts its work's `lost` signal, so that two holders do not both carry on.
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

  hold<T>(name: string, work: (lost: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
    return this.local
      .hold(name, async () => {
        const etag = await this.claim(name);
        if (etag === undefined) return { ran: false } as const;
        let current = etag;
        let renewedAt = this.now();
        const lost = new AbortController();
        const lose = (why: string) => {
          clearInterval(renewing);
          lost.abort(new Error(`the lease ${name} ${why}`));
        };
        const renewing = setInterval(() => {
          this.write(name, current)
            .then((renewed) => {
              if (!renewed) return lose('was taken by another holder');
              current = renewed;
              renewedAt = this.now();
            })
            .catch(() => {
              if (this.now() - renewedAt >= this.leaseMs) lose('could not be renewed before it expired');
            });
        }, this.leaseMs / 3);
        renewing.unref();
        try {
          return { ran: true, value: await work(lost.signal) } as const;
        } finally {
          clearInterval(renewing);
          await this.table.deleteEntity(PARTITION, tableKey(name), { etag: current }).catch(() => undefined);
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

  /** Writes the claim: insert-only without an eTag, `If-Match` with one; undefined when it lost the race. */
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
      if (lostRace(error)) return undefined;
      throw error;
    }
  }
}
