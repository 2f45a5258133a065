/**
 * Runs async work one at a time per key, in arrival order; different keys run in parallel.
 * Use it where a read-check-write must not interleave within this process (eTag checks,
 * one user's turns). It holds no lock across processes.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** How many keys have work queued or running; for tests and diagnostics. */
  get size(): number {
    return this.tails.size;
  }
}
