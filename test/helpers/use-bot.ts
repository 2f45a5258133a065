import { AddCustomerWalk } from './add-customer-walk.js';
import { type BotEndpoint, BotUnderTest } from './bot-under-test.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { channelThread, type TeamsConversation, TeamsUser } from './teams-user.js';

/** How the bot under test is started: its environment variables and its `createApp` dependencies. */
export type BotOptions = NonNullable<Parameters<typeof BotUnderTest.start>[0]>;

/**
 * A test user's language, Entra object id and tenant, when the test needs particular ones (an approver's,
 * another organisation's).
 */
export type UserOptions = { locale?: string; aadObjectId?: string; tenantId?: string };

/** The fake Bot Connector and the bot of the running test, and the people who talk to it. */
export type BotRig = {
  /** The bot of the running test; throws outside a test. */
  readonly bot: BotUnderTest;
  /** The fake Bot Connector of the running test; throws outside a test. */
  readonly connector: FakeBotConnector;
  /**
   * A Teams user (in a new channel thread unless told) talking to whichever bot is running when they
   * send, so that they outlive `restart` and `replace`.
   */
  user(name: string, conversation?: TeamsConversation, options?: UserOptions): TeamsUser;
  /** That user's walk through the add-customer dialog. */
  walk(name: string, conversation?: TeamsConversation, options?: UserOptions): AddCustomerWalk;
  /** Restarts the bot on the same data folder, as after a crash or a deploy. */
  restart(): Promise<void>;
  /** Stops the bot and starts a new one, on a new data folder, with these options. */
  replace(options: BotOptions): Promise<BotUnderTest>;
};

/**
 * Use in a `describe` whose tests talk to the real bot over HTTP: before each test it starts a fake
 * Bot Connector and the bot (with `options`, or what `options()` resolves to once the connector is up),
 * after each it stops both.
 */
export function useBot(options: BotOptions | (() => BotOptions | Promise<BotOptions>) = {}): BotRig {
  let running: { connector: FakeBotConnector; bot?: BotUnderTest } | undefined;
  const current = () => {
    if (!running?.bot) throw new Error('useBot: no bot is running outside a test');
    return { connector: running.connector, bot: running.bot };
  };
  const endpoint: BotEndpoint = { post: (activity, headers) => current().bot.post(activity, headers) };

  beforeEach(async () => {
    running = { connector: new FakeBotConnector() };
    await running.connector.start();
    running.bot = await BotUnderTest.start(typeof options === 'function' ? await options() : options);
  });

  afterEach(async () => {
    const stopping = running;
    running = undefined;
    await stopping?.bot?.stop();
    await stopping?.connector.stop();
  });

  const rig: BotRig = {
    get bot() {
      return current().bot;
    },
    get connector() {
      return current().connector;
    },
    user(name, conversation = channelThread(), { locale = 'en-US', aadObjectId, tenantId } = {}) {
      return new TeamsUser(endpoint, current().connector, name, conversation, locale, aadObjectId, tenantId);
    },
    walk(name, conversation, userOptions) {
      return new AddCustomerWalk(rig.user(name, conversation, userOptions), current().connector);
    },
    restart: () => current().bot.restart(),
    async replace(replacement) {
      const live = current();
      if (running) running.bot = undefined;
      await live.bot.stop();
      const bot = await BotUnderTest.start(replacement);
      if (running) running.bot = bot;
      return bot;
    },
  };
  return rig;
}
