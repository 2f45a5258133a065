import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import { createAccountInfoSchema } from '../store/customers/account-info-schema.js';
import { loadOfferCatalog } from '../store/customers/offer-catalog.js';
import { FileStorage } from '../store/file-storage.js';
import { pickLocale, translator } from '../store/i18n/translate.js';
import { KeyedLock } from '../store/keyed-lock.js';
import { LowdbCustomerStore, type LowdbCustomerStoreOptions } from '../store/lowdb-customer-store.js';
import { answerApprovalAction } from './approval/answer-approval-action.js';
import type { ApprovalDeps } from './approval/approval-deps.js';
import { RequestApproval } from './approval/request-approval.js';
import type { Config } from './config/load-config.js';
import { generateTemporaryPassword } from './credentials/generate-temporary-password.js';
import { AddCustomerDialog } from './dialogs/add-customer-dialog.js';
import { AddSubscriptionDialog } from './dialogs/add-subscription-dialog.js';
import { DialogRunner } from './dialogs/dialog-runner.js';
import { cancelAddCustomer } from './handlers/cancel-add-customer.js';
import { completeCredentials } from './handlers/complete-credentials.js';
import { continueCardDialog } from './handlers/continue-card-dialog.js';
import { refuseForeignCard } from './handlers/refuse-foreign-card.js';
import { resubmitRequest } from './handlers/resubmit-request.js';
import { showCustomers } from './handlers/show-customers.js';
import { showHelp } from './handlers/show-help.js';
import { startAddCustomer } from './handlers/start-add-customer.js';
import { startAddSubscription } from './handlers/start-add-subscription.js';
import { createLogger } from './logging/create-logger.js';
import { TeamsMessenger } from './messaging/teams-messenger.js';
import { UserDirectory } from './messaging/user-directory.js';
import { FulfilNow } from './provisioning/fulfil-request.js';
import { LocalProvisioner } from './provisioning/local-provisioner.js';
import { AddCustomerBot } from './routing/add-customer-bot.js';
import { RememberUsers } from './routing/remember-users.js';
import { SerializeUserTurns } from './routing/serialize-user-turns.js';
import { type AdapterOptions, createAdapter } from './server/create-adapter.js';
import { createServer } from './server/create-server.js';

/** The edges of the bot that tests replace: logging, the clock, ids and password randomness. */
export type AppDeps = {
  logger?: Logger;
  now?: () => Date;
  newId?: () => string;
  generatePassword?: () => string;
  /** The Bot Framework edge: OpenID metadata URL, authentication timeout, Bot Connector retries. */
  botFramework?: AdapterOptions;
  /** How the customer store splits its files; the benchmarks compare layouts with it. */
  customerStore?: LowdbCustomerStoreOptions;
};

/** A built bot, ready to listen. */
export type App = {
  server: restify.Server;
  adapter: CloudAdapter;
  store: LowdbCustomerStore;
  logger: Logger;
  /** Starts listening; resolves with the URL the server answers on. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
};

/** Builds the whole bot from its configuration. Nothing is wired at import time. */
export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const offers = await loadOfferCatalog(config.offersFile);
  const store = await LowdbCustomerStore.open(config.dataDir, deps.customerStore);
  const storage = new FileStorage(path.join(config.dataDir, 'dialog-state'));

  const adapter = createAdapter(config, logger, deps.botFramework);
  const directory = new UserDirectory(storage);
  adapter.use(new SerializeUserTurns());
  adapter.use(new RememberUsers(directory));
  const messenger = new TeamsMessenger(adapter, config.auth.appId);
  const provisioner = new LocalProvisioner(store, {
    now,
    newId,
    generatePassword: deps.generatePassword ?? (() => generateTemporaryPassword()),
  });
  const creation = { provisioner, store, messenger, offers, logger, now, orders: new KeyedLock() };
  const approval: ApprovalDeps = {
    store,
    messenger,
    directory,
    adapter,
    appId: config.auth.appId,
    offers,
    approverIds: config.approverIds,
    logger,
    now,
    creation,
  };
  const submitter = config.approverIds.length > 0 ? new RequestApproval(approval) : new FulfilNow(creation);
  const accountInfoSchema = createAccountInfoSchema({ partnerEmailDomains: config.partnerEmailDomains });
  const runner = new DialogRunner(storage, [
    new AddCustomerDialog({
      accountInfoSchema,
      store,
      offers,
      submitter,
      now,
      resellerInviteUrl: config.resellerInviteUrl,
    }),
    new AddSubscriptionDialog({ store, offers, submitter, now }),
  ]);

  const bot = new AddCustomerBot({
    startAddCustomer: (context) => startAddCustomer(runner, newId, context),
    continueCardDialog: (context, submit) => continueCardDialog(runner, store, newId, context, submit),
    startAddSubscription: (context) => startAddSubscription(runner, store, newId, context),
    cancelAddCustomer: (context) => cancelAddCustomer(runner, context),
    showHelp,
    refuseForeignCard,
    completeCredentials: (context, customerId) => completeCredentials(store, context, customerId),
    showCustomers: (context, options) => showCustomers(store, offers, context, options),
    resubmitRequest: (context, requestId) => resubmitRequest(runner, store, newId, context, requestId),
    answerCardAction: (context, action) => answerApprovalAction(approval, context, action),
    cardExpired: async (context) => {
      await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.cardExpired'));
    },
  });
  const server = createServer(adapter, bot);

  return {
    server,
    adapter,
    store,
    logger,
    listen: (port, host) =>
      new Promise((resolve) => {
        server.listen(port, host, () => {
          const address = server.address();
          resolve(`http://${host}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
