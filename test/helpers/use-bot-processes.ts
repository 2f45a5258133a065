import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AddCustomerWalk } from './add-customer-walk.js';
import { BotProcess } from './bot-process.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { channelThread, TeamsUser } from './teams-user.js';

/** The fake Bot Connector, the data folder and the bot processes of the running test. */
export type BotProcessRig = {
  readonly connector: FakeBotConnector;
  readonly dataDir: string;
  /** Starts `bot/index.ts` on the test's data folder with `env`; walks talk to the one started last. */
  start(env: Record<string, string>): Promise<BotProcess>;
  /** The bot process started last; throws before the first. */
  readonly bot: BotProcess;
  /** A user's add-customer walk in a new channel thread, with whichever process was started last. */
  walk(name: string): AddCustomerWalk;
};

/**
 * Use in a `describe` whose tests kill bot processes (see `BotProcess`): before each test it starts a
 * fake Bot Connector and makes a data folder, after each it kills every process the test started, stops
 * the connector and removes the folder.
 */
export function useBotProcesses(): BotProcessRig {
  let connector: FakeBotConnector | undefined;
  let dataDir = '';
  let bots: BotProcess[] = [];

  beforeEach(async () => {
    connector = new FakeBotConnector();
    await connector.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-process-'));
    bots = [];
  });

  afterEach(async () => {
    for (const bot of bots) await bot.kill();
    await connector?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const rig: BotProcessRig = {
    get connector() {
      if (!connector) throw new Error('useBotProcesses: no connector outside a test');
      return connector;
    },
    get dataDir() {
      return dataDir;
    },
    async start(env) {
      const bot = await BotProcess.start({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
      bots.push(bot);
      return bot;
    },
    get bot() {
      const last = bots.at(-1);
      if (!last) throw new Error('useBotProcesses: no bot process was started');
      return last;
    },
    walk(name) {
      const endpoint = { post: (activity: object) => rig.bot.post(activity) };
      return new AddCustomerWalk(
        new TeamsUser(endpoint, rig.connector, name, channelThread()),
        rig.connector,
      );
    },
  };
  return rig;
}
