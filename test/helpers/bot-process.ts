import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { BotEndpoint, HttpAnswer } from './bot-under-test.js';
import { findFreePort } from './find-free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The bot as `npm start` runs it (`bot/index.ts`) in a process of its own on 127.0.0.1, for tests that
 * kill it (SIGKILL, as a crash or an out-of-memory kill would, with no chance to finish anything) or
 * stop it (SIGTERM, as a platform does).
 */
export class BotProcess implements BotEndpoint {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts the bot with `env` (plus PATH and the test CA) and resolves once it listens. */
  static async start(env: Record<string, string>, timeoutMs = 20_000): Promise<BotProcess> {
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(child, `http://127.0.0.1:${port}`);
    const listening = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bot did not listen within ${timeoutMs} ms:\n${bot.output}`)),
        timeoutMs,
      );
      const read = (chunk: Buffer) => {
        bot.output += chunk.toString('utf8');
        if (bot.output.includes('add-customer-bot is listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the bot exited with ${code} before listening:\n${bot.output}`));
      });
    });
    await listening;
    return bot;
  }

  /** The process id, as the bot writes it beside its lock on the data folder. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything the process wrote to stdout and stderr (its log lines). */
  get log(): string {
    return this.output;
  }

  async post(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const response = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      body: JSON.stringify(activity),
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { status: response.status, body: await response.text() };
  }

  /** Sends `signal`, as a platform stopping the bot does, and resolves with the exit code once it is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = once(this.child, 'exit') as Promise<[number | null]>;
    this.child.kill(signal);
    const [code] = await exited;
    return code;
  }

  /**
   * Freezes the process (SIGSTOP), as a long garbage collection or a frozen machine would: its timers
   * and sockets stand still until `resume` (SIGCONT), then everything due runs at once.
   */
  pause(): void {
    this.child.kill('SIGSTOP');
  }

  /** Lets a paused process run again (SIGCONT). */
  resume(): void {
    this.child.kill('SIGCONT');
  }

  /** Kills the process with SIGKILL and waits for it to be gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}
