import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import type { PartnerCenterClient } from './partner-center-client.js';
import type { PartnerCenterOffers } from './partner-center-offers.js';
import { repeatEvery } from './repeat-every.js';
import { syncPartnerCenterCustomers } from './sync-partner-center-customers.js';

/** How often what the bot reads from Partner Center is read again; tests pass their own. */
export type PartnerCenterSchedule = { offersRefreshMs: number; customerSyncMs: number };

/** Daily offers, customers every 6 hours. */
export const DEFAULT_PARTNER_CENTER_SCHEDULE: PartnerCenterSchedule = {
  offersRefreshMs: 24 * 60 * 60 * 1000,
  customerSyncMs: 6 * 60 * 60 * 1000,
};

/**
 * Keeps what the bot reads from Partner Center fresh while it runs: the offer catalog, put in place of
 * `deps.offers` (every turn reads it from there), and the store's copy of the partner's customers, read at
 * start and on each interval. A failure is a warning naming `PARTNER_CENTER_ENDPOINT`; the next interval
 * tries again, and nothing stops the bot. The timers are unref'd and `stop` clears them.
 */
export class PartnerCenterUpkeep {
  /** The sync started by `start`, settled once it is done (a failure is logged, never thrown). */
  initialSync: Promise<void> = Promise.resolve();
  private readonly stops: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly deps: Pick<BotDeps, 'offers' | 'store' | 'logger' | 'now' | 'leases'>,
    private readonly client: PartnerCenterClient,
    private readonly offers: PartnerCenterOffers,
    private readonly endpoint: string,
    private readonly schedule: PartnerCenterSchedule,
  ) {}

  /** Starts the first customer sync (without waiting for it) and both timers. */
  start(): void {
    this.initialSync = this.syncCustomers();
    const onError = (error: unknown) =>
      this.deps.logger.error({ error: describeError(error) }, 'Partner Center upkeep failed');
    this.stops.push(
      repeatEvery(this.schedule.customerSyncMs, () => this.syncCustomers(), onError),
      repeatEvery(this.schedule.offersRefreshMs, () => this.refreshOffers(), onError),
    );
  }

  /** Reads the partner's customers into the store now; resolves when done, a failure logged. */
  syncCustomers(): Promise<void> {
    return this.track(async () => {
      try {
        const held = await this.deps.leases.hold('customer-sync', async (lease) => {
          try {
            return await syncPartnerCenterCustomers(this.client, this.deps.store, this.deps.now, lease);
          } catch (error) {
            if (!lease.lost.aborted) throw error;
            this.deps.logger.warn(
              { reason: describeError(lease.lost.reason) },
              'reading customers from Partner Center stopped without writing: its lease was lost, another instance reads them',
            );
            return undefined;
          }
        });
        const read = held.ran ? held.value : undefined;
        if (read && read.skipped > 0) {
          this.deps.logger.warn(
            read,
            'customers read from Partner Center; some not written, as another instance kept changing them: written at the next sync',
          );
        } else if (read) this.deps.logger.info(read, 'customers read from Partner Center');
      } catch (error) {
        this.deps.logger.warn(
          { error: describeError(error) },
          `Reading customers from Partner Center at ${this.endpoint} failed (check PARTNER_CENTER_ENDPOINT): tried again at the next interval`,
        );
      }
    });
  }

  /** Reads the offer catalog again now; a failure keeps the current one. */
  refreshOffers(): Promise<void> {
    return this.track(async () => {
      const offers = await this.offers.refresh();
      if (offers) this.deps.offers = offers;
    });
  }

  /** Clears the timers and waits for a read under way. */
  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    await Promise.allSettled([...this.running]);
  }

  private track(work: () => Promise<void>): Promise<void> {
    const run = work();
    this.running.add(run);
    return run.finally(() => this.running.delete(run));
  }
}
