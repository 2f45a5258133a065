/**
 * The turns the adapter is running, counted so that a stopping bot can let them finish: a turn goes on
 * after Teams got its answer (see `answerWithin`), and its last store writes and sends come then.
 */
export class TurnsInFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** How many turns are running now. */
  get count(): number {
    return this.running.size;
  }

  /** Runs `turn`, counted until it settles. */
  async run<T>(turn: () => Promise<T>): Promise<T> {
    const running = turn();
    this.running.add(running);
    try {
      return await running;
    } finally {
      this.running.delete(running);
    }
  }

  /** Resolves when no turn runs, turns started meanwhile included. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Resolves true once no turn runs (turns started meanwhile included), or false after `timeoutMs`
   * with some still running.
   */
  async settled(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const drained = this.idle().then(() => true as const);
    const result = await Promise.race([drained, timeout]);
    clearTimeout(timer);
    return result;
  }
}
