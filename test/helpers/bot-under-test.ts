import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config/load-config.js';
import { type App, type AppDeps, createApp } from '../../bot/create-app.js';
import { createLogger } from '../../bot/logging/create-logger.js';
import { CapturedLogs } from './capture-logs.js';

/** An HTTP answer from the bot's server. */
export type HttpAnswer = { status: number; body: string };

/**
 * The real bot (restify server, CloudAdapter, lowdb file, file-backed dialog state) listening on a
 * random 127.0.0.1 port, with its logs captured. Restarting keeps the data folder.
 */
export class BotUnderTest {
  readonly logs = new CapturedLogs();
  private app: App | undefined;
  url = '';

  private constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly deps: AppDeps,
  ) {}

  static async start(options: { env?: Record<string, string>; deps?: AppDeps } = {}): Promise<BotUnderTest> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-'));
    const bot = new BotUnderTest(dataDir, options.env ?? {}, options.deps ?? {});
    await bot.startApp();
    return bot;
  }

  get store() {
    if (!this.app) throw new Error('the bot is not running');
    return this.app.store;
  }

  /** Stops the server and starts a new one on the same data folder, as after a crash or deploy. */
  async restart(): Promise<void> {
    await this.app?.close();
    await this.startApp();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** Posts an activity to `/api/messages` as Teams would. */
  async post(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
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

  private async startApp(): Promise<void> {
    const config = loadConfig({ DATA_DIR: this.dataDir, LOG_LEVEL: 'debug', ...this.env });
    this.app = await createApp(config, { logger: createLogger('debug', this.logs), ...this.deps });
    this.url = await this.app.listen(0, '127.0.0.1');
  }
}
