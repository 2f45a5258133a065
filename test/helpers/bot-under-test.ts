import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config/load-config.js';
import { type App, type AppDeps, createApp } from '../../bot/create-app.js';
import { generateTemporaryPassword } from '../../bot/credentials/generate-temporary-password.js';
import { createLogger } from '../../bot/logging/create-logger.js';
import { CapturedLogs } from './capture-logs.js';
import { secretWatch } from './secret-watch.js';

/** An HTTP answer from the bot's server. */
export type HttpAnswer = { status: number; body: string };

/** Where a test user's activities go: the bot under test, or a bot the benchmarks run in another process. */
export type BotEndpoint = { post(activity: object, headers?: Record<string, string>): Promise<HttpAnswer> };

/** Retries as in production but without the waits, so that fault tests stay fast. */
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 20, maxRetryAfterMs: 100, attemptTimeoutMs: 2_000 };

/**
 * The real bot (restify server, CloudAdapter, lowdb file, file-backed dialog state) listening on a
 * random 127.0.0.1 port, with its logs captured. Restarting keeps the data folder. Every password it
 * generates and the app secret it is given are reported to the secret watch, which searches its logs,
 * its data folder and its answers in shared conversations for them when it stops.
 */
export class BotUnderTest {
  readonly logs = new CapturedLogs();
  private app: App | undefined;
  private readonly sharedAnswers: string[] = [];
  private readonly closeWatches: (() => Promise<void>)[] = [];
  url = '';

  private constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly deps: AppDeps,
  ) {
    if (env.MicrosoftAppPassword) secretWatch.remember('app secret', env.MicrosoftAppPassword);
    this.closeWatches.push(
      secretWatch.watch(`the logs of the bot on ${dataDir}`, () => this.logs.text),
      secretWatch.watch(`the bot's answers in shared conversations (${dataDir})`, () =>
        this.sharedAnswers.join('\n'),
      ),
    );
  }

  static async start(options: { env?: Record<string, string>; deps?: AppDeps } = {}): Promise<BotUnderTest> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-'));
    const bot = new BotUnderTest(dataDir, options.env ?? {}, options.deps ?? {});
    await bot.startApp();
    return bot;
  }

  get store() {
    return this.running().store;
  }

  get adapter() {
    return this.running().adapter;
  }

  /** The restify server; its `server` is the Node `http.Server`. */
  get server() {
    return this.running().server;
  }

  /** Resolves when the work the bot carries on after answering turns is done. */
  idle(): Promise<void> {
    return this.running().idle();
  }

  /** What keeps offers and customers read from Partner Center; undefined without Partner Center. */
  get partnerCenterUpkeep() {
    return this.running().partnerCenterUpkeep;
  }

  /** Stops the server and starts a new one on the same data folder, as after a crash or deploy. */
  async restart(): Promise<void> {
    await this.app?.close();
    await this.startApp();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    for (const file of await listFiles(this.dataDir)) {
      secretWatch.scan(`store file ${file}`, await readFile(file, 'utf8'));
    }
    for (const close of this.closeWatches.splice(0)) await close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Posts an activity to `/api/messages` as Teams would, and waits for the work the bot carries on after
   * answering (creating a customer), so that a test sees its outcome; `postOnly` does not wait.
   */
  async post(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const answer = await this.request('POST', '/api/messages', JSON.stringify(activity), headers);
    await this.app?.idle();
    const { conversation } = activity as { conversation?: { conversationType?: string } };
    if (conversation?.conversationType !== 'personal') this.sharedAnswers.push(answer.body);
    return answer;
  }

  /** Posts an activity and returns as soon as the bot answers the turn, with the work after it still running. */
  postOnly(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.request('POST', '/api/messages', JSON.stringify(activity), headers);
  }

  async request(method: string, route: string, body?: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.url}${route}`, {
      method,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { status: response.status, body: await response.text() };
  }

  private running(): App {
    if (!this.app) throw new Error('the bot is not running');
    return this.app;
  }

  private async startApp(): Promise<void> {
    const config = loadConfig({ DATA_DIR: this.dataDir, LOG_LEVEL: 'debug', ...this.env });
    const generate = this.deps.generatePassword ?? (() => generateTemporaryPassword());
    this.app = await createApp(config, {
      logger: createLogger('debug', this.logs),
      ...this.deps,
      generatePassword: () => secretWatch.remember('generated password', generate()),
      botFramework: { ...this.deps.botFramework, retry: { ...FAST_RETRY, ...this.deps.botFramework?.retry } },
    });
    this.url = await this.app.listen(0, '127.0.0.1');
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
