/**
 * The turns the adapter is processing, counted until each has run to its end: a message turn answered
 * at the deadline (see `answerWithin`) goes on after Teams has its answer, still saving state and
 * starting work, so "the bot is idle" and "the bot may stop" wait for it too.
 */
export class TurnsInFlight {
  private readonly running = new Set<Promise<void>>();

  /** Runs `turn`, counting it until it settles; resolves or rejects as it does. */
  async track(turn: Promise<void>): Promise<void> {
    this.running.add(turn);
    try {
      await turn;
    } finally {
      this.running.delete(turn);
    }
  }

  /** Resolves when no turn is running, including turns that started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
