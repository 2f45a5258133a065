import type { Logger } from 'pino';
import { describeError } from './logging/describe-error.js';

/**
 * Work the bot carries on after answering a turn (creating a customer in Partner Center can take longer
 * than the 15 s Teams waits). Each piece gets an `AbortSignal` that `close` raises, so that a stopping
 * bot abandons it without writing (the store still says where it stood, and the next start resumes it).
 * A failure that the work did not handle itself is logged, never thrown into a turn.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` now and returns at once; `what` names it in the log if it fails. */
  start(what: string, work: (signal: AbortSignal) => Promise<void>): void {
    if (this.stopping.signal.aborted) return;
    const running: Promise<void> = work(this.stopping.signal)
      .catch((error: unknown) => {
        if (this.stopping.signal.aborted) return;
        this.logger.error({ work: what, error: describeError(error) }, 'background work failed');
      })
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }

  /** Resolves when no work is running, including work started by work that finished meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Aborts the work in flight and waits up to `graceMs` for it to let go. */
  async close(graceMs: number): Promise<void> {
    this.stopping.abort(new Error('the bot is stopping'));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.idle(), grace]);
    clearTimeout(timer);
  }
}
