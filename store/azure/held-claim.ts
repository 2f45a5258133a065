import type { HeldLease } from '../leases.js';

/** Writes a held claim again (`If-Match` on `etag`): its new eTag, or undefined when another holder has it. */
type RenewClaim = (etag: string) => Promise<string | undefined>;

/** Which claim, how long it lasts unless renewed, and the clock it is measured on. */
type ClaimTerms = { name: string; leaseMs: number; now: () => number };

/**
 * One claim of `AzureTableLeases` while its work runs: renewed every third of its length, and on demand
 * by `lease.confirm` just before the work writes. Renewals run one at a time, since two sent at once
 * with the same eTag would race each other and the loser would wrongly conclude the claim was taken.
 * A renewal that finds the claim taken loses it (`lease.lost` aborts). One that fails (storage
 * unreachable) keeps it while it has not expired; so does one that has no answer, which is waited for
 * only until the claim expires. Each tick also checks the expiry itself, so that the claim is lost on
 * time even when a renewal never answers.
 */
export class HeldClaim {
  readonly lease: HeldLease;
  private readonly lost = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> = Promise.resolve();

  constructor(
    private etag: string,
    private renewedAt: number,
    private readonly renew: RenewClaim,
    private readonly terms: ClaimTerms,
  ) {
    this.timer = setInterval(() => {
      if (this.expired(0)) this.lose('could not be renewed before it expired');
      else this.renewNow(0).catch(() => undefined);
    }, terms.leaseMs / 3);
    this.timer.unref();
    this.lease = { lost: this.lost.signal, confirm: () => this.renewNow(terms.leaseMs / 3) };
  }

  /**
   * Stops renewing once the work ended. The eTag of the claim as last written, for deleting it;
   * undefined when the claim was lost, as the row then belongs to another holder.
   */
  async release(): Promise<string | undefined> {
    clearInterval(this.timer);
    await this.renewing;
    return this.lost.signal.aborted ? undefined : this.etag;
  }

  /**
   * Renews the claim after any renewal under way. When the write fails, the claim is kept only if more
   * than `margin` of it is left: a confirmed write must land before the claim can expire.
   */
  private renewNow(margin: number): Promise<void> {
    const next = this.renewing.then(() => this.renewOnce(margin));
    this.renewing = next.catch(() => undefined);
    return next;
  }

  private async renewOnce(margin: number): Promise<void> {
    this.lost.signal.throwIfAborted();
    const sentAt = this.terms.now();
    let renewed: string | undefined;
    try {
      renewed = await this.beforeExpiry(this.renew(this.etag));
    } catch (error) {
      if (!this.expired(margin)) return;
      throw this.lose('could not be renewed before it expired', error);
    }
    if (renewed === undefined) throw this.lose('was taken by another holder');
    this.etag = renewed;
    this.renewedAt = sentAt;
  }

  /** `write`, or a rejection once the claim expires without it having answered. */
  private async beforeExpiry<T>(write: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      const left = Math.max(0, this.renewedAt + this.terms.leaseMs - this.terms.now());
      timer = setTimeout(() => reject(new Error('the renewal had no answer before the claim expired')), left);
    });
    try {
      return await Promise.race([write, expiry]);
    } finally {
      clearTimeout(timer);
    }
  }

  private expired(margin: number): boolean {
    return this.terms.now() - this.renewedAt >= this.terms.leaseMs - margin;
  }

  /** Aborts `lease.lost` (once) and clears the timer; the reason, for the caller to throw. */
  private lose(why: string, cause?: unknown): unknown {
    clearInterval(this.timer);
    if (!this.lost.signal.aborted)
      this.lost.abort(new Error(`the lease ${this.terms.name} ${why}`, { cause }));
    return this.lost.signal.reason;
  }
}
