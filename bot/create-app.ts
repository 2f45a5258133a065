import { randomBytes, randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import type { CustomerStore } from '../store/customer-store.js';
import { createAccountInfoSchema } from '../store/customers/account-info-schema.js';
import { loadOfferCatalog } from '../store/customers/offer-catalog.js';
import { KeyedLock } from '../store/keyed-lock.js';
import type { LowdbCustomerStoreOptions } from '../store/lowdb-customer-store.js';
import { RequestApproval } from './approval/request-approval.js';
import { BackgroundWork } from './background-work.js';
import type { BotDeps } from './bot-deps.js';
import type { Config } from './config/load-config.js';
import { generateTemporaryPassword } from './credentials/generate-temporary-password.js';
import { createLogger } from './logging/create-logger.js';
import { TeamsMessenger } from './messaging/teams-messenger.js';
import { UserDirectory } from './messaging/user-directory.js';
import type { PartnerCenterSchedule, PartnerCenterUpkeep } from './partner-center/partner-center-upkeep.js';
import { resumeCreation } from './provisioning/create-requested-customer.js';
import {
  CredentialsOutbox,
  DEFAULT_OUTBOX_SCHEDULE,
  type OutboxSchedule,
} from './provisioning/credentials-outbox.js';
import { FulfilNow } from './provisioning/fulfil-request.js';
import { LocalProvisioner } from './provisioning/local-provisioner.js';
import { AddCustomerBot } from './routing/add-customer-bot.js';
import { deferredNotices } from './routing/deferred-notices.js';
import { stateResetNotice } from './routing/state-reset-notice.js';
import { DEFAULT_TYPING_SCHEDULE, type TypingSchedule, typingIndicator } from './routing/typing-indicator.js';
import type { ConnectorRetryOptions } from './server/connector-retry-options.js';
import { type AdapterOptions, createAdapter } from './server/create-adapter.js';
import { createServer } from './server/create-server.js';
import { applyHttpLimits, DEFAULT_HTTP_LIMITS, type HttpLimits } from './server/http-limits.js';
import { TurnsInFlight } from './server/turns-in-flight.js';
import { type BotStorage, openStorage } from './storage/open-storage.js';
import { sweepUnfinishedWork } from './storage/sweep-unfinished-work.js';

/** The edges of the bot that tests replace: logging, the clock, ids and password randomness. */
export type AppDeps = {
  logger?: Logger;
  now?: () => Date;
  newId?: () => string;
  generatePassword?: () => string;
  /** The Bot Framework edge: OpenID metadata URL, authentication timeout, Bot Connector retries. */
  botFramework?: AdapterOptions;
  /** How long a message turn may run before Teams gets its answer (`TURN_ANSWER_MS`); tests pass less. */
  turnAnswerMs?: number;
  /** How Partner Center calls are retried; tests pass tiny delays. */
  partnerCenterRetry?: Partial<ConnectorRetryOptions>;
  /** How often offers and customers are read again from Partner Center; tests keep the timers out of the way. */
  partnerCenterSchedule?: Partial<PartnerCenterSchedule>;
  /** When the typing indicator shows and on which timers; tests pass a fake clock's. */
  typing?: Partial<TypingSchedule>;
  /** Time-outs and the connection cap of the HTTP server; tests shorten them. */
  http?: Partial<HttpLimits>;
  /** How the customer store splits its files; the benchmarks compare layouts with it. */
  customerStore?: LowdbCustomerStoreOptions;
  /** How undelivered credentials are retried and when they expire; tests shorten the waits. */
  outbox?: Partial<OutboxSchedule>;
  /** Called after the lock on the data folder was lost (logged as fatal); `bot/index.ts` exits. */
  onDataFolderLockLost?: (error: Error) => void;
  /** With `STORE=azure`: how long a lease on background work lasts unless renewed (else `AZURE_STORAGE_LEASE_SECONDS`). */
  leaseMs?: number;
};

/** A built bot, ready to listen. */
export type App = {
  server: restify.Server;
  adapter: CloudAdapter;
  store: CustomerStore;
  logger: Logger;
  /**
   * Resolves when no turn is running (some go on after Teams has its answer) and the work the bot
   * carries on after turns (creating customers) is done.
   */
  idle(): Promise<void>;
  /** Reads offers and customers from Partner Center while the bot runs; undefined without Partner Center. */
  partnerCenterUpkeep: PartnerCenterUpkeep | undefined;
  /** Starts listening; resolves with the URL the server answers on, rejects when the port cannot be had (`EADDRINUSE`). */
  listen(port: number, host: string): Promise<string>;
  /**
   * Stops the bot: no new connection is accepted, idle and half-sent ones are closed at once, requests
   * and turns in flight get `HttpLimits.closeGraceMs` (10 s) to finish, then background work gets
   * `BACKGROUND_GRACE_MS` to let go, and the data folder is released. Every store write is awaited by the
   * turn or work that makes it, so nothing is left unwritten.
   */
  close(): Promise<void>;
};

/** How long `close` lets work in flight (a Partner Center call) finish before abandoning it. */
const BACKGROUND_GRACE_MS = 5_000;

/**
 * Builds the whole bot from its configuration, on the storage `STORE` names (see `openStorage`). With
 * the JSON store it holds the data folder for as long as it runs (released by `close`): a second process
 * on the same folder fails with a `DataFolderLockedError`. Nothing is wired at import time.
 */
export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const storage = await openStorage(config, {
    logger,
    customerStore: deps.customerStore,
    leaseMs: deps.leaseMs,
    onDataFolderLockLost: deps.onDataFolderLockLost,
  });
  try {
    return await assembleApp(config, deps, logger, storage);
  } catch (error) {
    await storage.release();
    throw error;
  }
}

async function assembleApp(config: Config, deps: AppDeps, logger: Logger, storage: BotStorage): Promise<App> {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const fileOffers = await loadOfferCatalog(config.offersFile);
  const { store, notices } = storage;

  const adapter = createAdapter(config, logger, deps.botFramework);
  adapter.use(typingIndicator({ ...DEFAULT_TYPING_SCHEDULE, ...deps.typing }, logger));
  if (storage.fileStorage) adapter.use(stateResetNotice(storage.fileStorage));
  const background = new BackgroundWork(logger);
  const messenger = new TeamsMessenger(adapter, config.auth.appId);
  adapter.use(deferredNotices({ notices, messenger, background }));
  if (!config.credentialsKey) {
    logger.warn(
      'no CREDENTIALS_KEY: undelivered admin credentials are sealed with a key kept in memory only, so a restart before delivery loses them (their requesters are told to reset the password)',
    );
  }
  const outbox = new CredentialsOutbox(
    { store, messenger, background, logger, now, notices, leases: storage.leases },
    storage.outbox,
    config.credentialsKey ?? randomBytes(32),
    { ...DEFAULT_OUTBOX_SCHEDULE, ...deps.outbox },
  );
  const settings = config.partnerCenter;
  const modules = settings && (await loadPartnerCenterModules());
  const partnerCenter =
    settings &&
    modules &&
    new modules.PartnerCenterClient(settings, logger, { retry: deps.partnerCenterRetry });
  const partnerCenterOffers =
    settings &&
    partnerCenter &&
    modules &&
    new modules.PartnerCenterOffers({
      client: partnerCenter,
      logger,
      endpoint: settings.endpoint,
      narrowing: config.offersFile === undefined ? undefined : fileOffers,
      dataDir: config.dataDir,
    });
  const offers = partnerCenterOffers ? await partnerCenterOffers.load() : fileOffers;
  const botDeps: BotDeps = {
    store,
    offers,
    accountInfoSchema: createAccountInfoSchema({ partnerEmailDomains: config.partnerEmailDomains }),
    submitter: { submit: () => Promise.reject(new Error('the submitter is set below')) },
    provisioner:
      partnerCenter && modules
        ? new modules.PartnerCenterProvisioner(store, partnerCenter, now)
        : new LocalProvisioner(store, {
            now,
            newId,
            generatePassword: deps.generatePassword ?? (() => generateTemporaryPassword()),
          }),
    partnerCenter,
    messenger,
    directory: new UserDirectory(storage.directory, background),
    adapter,
    appId: config.auth.appId,
    approverIds: config.approverIds,
    allowedTenantIds: config.allowedTenantIds,
    allowedUserIds: config.allowedUserIds,
    resellerInviteUrl: config.resellerInviteUrl,
    orders: new KeyedLock(),
    leases: storage.leases,
    background,
    outbox,
    logger,
    now,
    newId,
  };
  botDeps.submitter = config.approverIds.length > 0 ? new RequestApproval(botDeps) : new FulfilNow(botDeps);
  const turns = new TurnsInFlight();
  const server = createServer(
    adapter,
    new AddCustomerBot(botDeps, storage.dialogState),
    deps.turnAnswerMs,
    turns,
  );
  const httpLimits = { ...DEFAULT_HTTP_LIMITS, ...deps.http };
  const closeServer = applyHttpLimits(server.server, httpLimits);
  for (const requestId of await store.unfinishedRequestIds()) resumeCreation(botDeps, requestId);
  await outbox.resume();
  const stopSweep =
    config.storage.kind === 'azure'
      ? sweepUnfinishedWork(botDeps, deps.leaseMs ?? config.storage.leaseMs)
      : () => undefined;
  const partnerCenterUpkeep =
    partnerCenter &&
    partnerCenterOffers &&
    modules &&
    new modules.PartnerCenterUpkeep(
      botDeps,
      partnerCenter,
      partnerCenterOffers,
      config.partnerCenter?.endpoint ?? '',
      {
        ...modules.DEFAULT_PARTNER_CENTER_SCHEDULE,
        ...deps.partnerCenterSchedule,
      },
    );
  partnerCenterUpkeep?.start();

  return {
    server,
    adapter,
    store,
    logger,
    partnerCenterUpkeep,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(`http://${host}:${server.address().port}`);
        });
      }),
    idle: async () => {
      await turns.idle();
      await background.idle();
    },
    close: async () => {
      await partnerCenterUpkeep?.stop();
      const serverClosed = closeServer();
      if (!(await turns.settled(httpLimits.closeGraceMs))) {
        logger.warn({ turns: turns.count }, 'turns still running when the bot stopped were abandoned');
      }
      await serverClosed;
      stopSweep();
      outbox.close();
      await background.close(BACKGROUND_GRACE_MS);
      await storage.release();
    },
  };
}

/**
 * The Partner Center modules, loaded only when Partner Center is configured: its client pulls in
 * `@azure/msal-node`, which a bot on the local store has no use for at start-up.
 */
async function loadPartnerCenterModules() {
  const [client, offers, provisioner, upkeep] = await Promise.all([
    import('./partner-center/partner-center-client.js'),
    import('./partner-center/partner-center-offers.js'),
    import('./partner-center/partner-center-provisioner.js'),
    import('./partner-center/partner-center-upkeep.js'),
  ]);
  return {
    PartnerCenterClient: client.PartnerCenterClient,
    PartnerCenterOffers: offers.PartnerCenterOffers,
    PartnerCenterProvisioner: provisioner.PartnerCenterProvisioner,
    PartnerCenterUpkeep: upkeep.PartnerCenterUpkeep,
    DEFAULT_PARTNER_CENTER_SCHEDULE: upkeep.DEFAULT_PARTNER_CENTER_SCHEDULE,
  };
}
