/** Memory of a process, in bytes, as `process.memoryUsage()` reports it. */
export type MemorySample = { rss: number; heapUsed: number; heapTotal: number; external: number };

/** What a bot child process tells the bench when it is listening. */
export type ReadyMessage = {
  type: 'ready';
  url: string;
  /** Milliseconds from the process start to listening. */
  uptimeMs: number;
  /** Milliseconds spent importing the bot's modules (botbuilder, restify, the bot's own). */
  importMs: number;
  /** Milliseconds spent building the app (`createApp`), the part the store size changes. */
  createAppMs: number;
};

/** What the bench asks a child process. */
export type ParentMessage =
  | { type: 'memory'; gc: boolean }
  | { type: 'clock' }
  | { type: 'cpu' }
  | { type: 'stop' };

/** A child's answer to `memory`. */
export type MemoryMessage = { type: 'memory'; memory: MemorySample };

/** A child's answer to `clock`: its monotonic clock in microseconds, the clock of `--cpu-prof` profiles. */
export type ClockMessage = { type: 'clock'; microseconds: number };

/** A child's answer to `cpu`: the CPU time (user and system) it has used so far, in microseconds. */
export type CpuMessage = { type: 'cpu'; microseconds: number };

/** Reads this process's memory, after a full garbage collection when asked and possible. */
export function sampleMemory(gc: boolean): MemorySample {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (gc && collect) {
    collect();
    collect();
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}
