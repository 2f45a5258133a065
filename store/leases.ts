/** What `Leases.hold` came to: the work's value, or `held` when another holder has the lease. */
export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/**
 * Claims on background work (creating a request's customer, delivering its credentials, syncing
 * customers), so that one holder at a time does each, and another takes over when a holder dies:
 * `LocalLeases` in one process, `AzureTableLeases` across instances sharing a storage account.
 */
export interface Leases {
  /**
   * Runs `work` if `name` can be claimed, holding the claim until the work ends; answers `ran: false`
   * without running it when the lease is held, here or by another instance whose claim has not expired.
   * `lost` aborts when the claim is lost while the work runs (another holder took it, or it could not be
   * renewed before it expired): the work should then stop without writing, as another holder may run it.
   */
  hold<T>(name: string, work: (lost: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>>;
}

/** Leases within one process (the JSON store has one process per data folder): held while the work runs. */
export class LocalLeases implements Leases {
  private readonly held = new Set<string>();

  /** A claim in one process is never lost while its work runs: `lost` never aborts. */
  async hold<T>(name: string, work: (lost: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
    if (this.held.has(name)) return { ran: false };
    this.held.add(name);
    try {
      return { ran: true, value: await work(new AbortController().signal) };
    } finally {
      this.held.delete(name);
    }
  }
}
