import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type {
  ClockMessage,
  CpuMessage,
  MemoryMessage,
  MemorySample,
  ParentMessage,
  ReadyMessage,
} from './children/child-messages.js';
import type { CompiledBot } from './compile-for-bench.js';

const START_TIMEOUT_MS = 60_000;
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A bot (or the echo baseline) running in its own Node process on 127.0.0.1, started from the compiled
 * code with only the environment given here. Counts the error lines the bot logs.
 */
export class BotChild {
  /** Log lines at level error or fatal, and the last few of them. */
  errorLines = 0;
  readonly lastErrors: string[] = [];
  /** Log lines at level warn, and the first few of them. */
  warnLines = 0;
  readonly firstWarnings: string[] = [];
  private partialLine = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: ReadyMessage,
    /** Milliseconds from `fork` to the child's "listening" message, as the bench saw it. */
    readonly startMs: number,
  ) {}

  get url(): string {
    return this.ready.url;
  }

  /**
   * Starts `mode` from `compiled` with `env` (DATA_DIR, APPROVER_IDS, LOG_LEVEL …) and waits until it
   * listens; `nodeOptions` adds Node flags such as `--cpu-prof`, `segmentSize` changes the store's layout.
   */
  static async start(
    compiled: CompiledBot,
    mode: 'bot' | 'echo',
    env: Record<string, string>,
    nodeOptions: string[] = [],
    segmentSize?: number,
  ): Promise<BotChild> {
    const started = performance.now();
    const args = segmentSize === undefined ? [mode] : [mode, String(segmentSize)];
    const child = fork(path.join(compiled.dir, 'bench/children/bot-process.js'), args, {
      execArgv: ['--expose-gc', ...nodeOptions],
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const pending: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => pending.push(chunk.toString()));
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${mode} did not start within ${START_TIMEOUT_MS} ms: ${stderr.join('')}`));
      }, START_TIMEOUT_MS);
      child.once('message', (message: ReadyMessage) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${mode} exited with ${code} before listening: ${stderr.join('')}`));
      });
    });
    const bot = new BotChild(child, ready, performance.now() - started);
    child.stdout?.removeAllListeners('data');
    bot.countErrors(pending.join(''));
    child.stdout?.on('data', (chunk: Buffer) => bot.countErrors(chunk.toString()));
    return bot;
  }

  /** The child's memory, after a full garbage collection unless `gc` is false. */
  memory(gc = true): Promise<MemorySample> {
    return new Promise((resolve) => {
      this.child.once('message', (message: MemoryMessage) => resolve(message.memory));
      this.send({ type: 'memory', gc });
    });
  }

  /** The child's monotonic clock in microseconds: where a `--cpu-prof` profile's window of interest starts. */
  clock(): Promise<number> {
    return new Promise((resolve) => {
      this.child.once('message', (message: ClockMessage) => resolve(message.microseconds));
      this.send({ type: 'clock' });
    });
  }

  /** The CPU time (user and system) the child has used since it started, in milliseconds. */
  cpuMs(): Promise<number> {
    return new Promise((resolve) => {
      this.child.once('message', (message: CpuMessage) => resolve(message.microseconds / 1000));
      this.send({ type: 'cpu' });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }

  private countErrors(text: string): void {
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const { level } = JSON.parse(line) as { level?: number };
      if (level === 40) {
        this.warnLines += 1;
        if (this.firstWarnings.length < 5) this.firstWarnings.push(line.slice(0, 500));
      }
      if ((level ?? 0) < 50) continue;
      this.errorLines += 1;
      this.lastErrors.push(line.slice(0, 500));
      if (this.lastErrors.length > 5) this.lastErrors.shift();
    }
  }
}
