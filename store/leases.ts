/** What `Leases.hold` came to: the work's value, or `held` when another holder has the lease. */
export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/** The claim a running work holds, as `Leases.hold` gives it to the work. */
export type HeldLease = {
  /**
   * Aborts when the claim is lost while the work runs (another holder took it, or it could not be
   * renewed before it expired): the work should then stop without writing, as another holder may run it.
   */
  lost: AbortSignal;
  /**
   * Makes sure the claim is still held, renewing it now; throws (and aborts `lost`) when it is not. Call
   * it just before each write: a holder that was paused past its claim (a long garbage collection, a
   * frozen machine) would otherwise write before its next renewal tells it that another holder took over.
   */
  confirm(): Promise<void>;
};

/**
 * Claims on background work (creating a request's customer, delivering its credentials, syncing
 * customers), so that one holder at a time does each, and another takes over when a holder dies:
 * `LocalLeases` in one process, `AzureTableLeases` across instances sharing a storage account.
 */
export interface Leases {
  /**
   * Runs `work` if `name` can be claimed, holding the claim until the work ends; answers `ran: false`
   * without running it when the lease is held, here or by another instance whose claim has not expired.
   */
  hold<T>(name: string, work: (lease: HeldLease) => Promise<T>): Promise<LeaseOutcome<T>>;
}

/**
 * Leases within one process (the JSON store has one process per data folder): held while the work runs.
 * `folderLost` aborts when the process loses its lock on the data folder (another process may then own
 * the folder and resume the same work): every claim is then lost, and its work stops writing.
 */
export class LocalLeases implements Leases {
  private readonly held = new Set<string>();

  constructor(private readonly folderLost: AbortSignal = new AbortController().signal) {}

  async hold<T>(name: string, work: (lease: HeldLease) => Promise<T>): Promise<LeaseOutcome<T>> {
    const lost = this.folderLost;
    if (this.held.has(name) || lost.aborted) return { ran: false };
    this.held.add(name);
    try {
      return { ran: true, value: await work({ lost, confirm: async () => lost.throwIfAborted() }) };
    } finally {
      this.held.delete(name);
    }
  }
}
