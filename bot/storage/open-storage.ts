import path from 'node:path';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { AzureAccount } from '../../store/azure/azure-account.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { lockDataFolder } from '../../store/data-folder-lock.js';
import { FileStorage } from '../../store/file-storage.js';
import { type Leases, LocalLeases } from '../../store/leases.js';
import { LowdbCustomerStore, type LowdbCustomerStoreOptions } from '../../store/lowdb-customer-store.js';
import { OutboxFolder } from '../../store/outbox-folder.js';
import { PendingNotices } from '../../store/pending-notices.js';
import type { Config } from '../config/load-config.js';
import type { AzureStorageSettings } from '../config/storage-config.js';
import { describeError } from '../logging/describe-error.js';

/** Everything the bot keeps, on one backend. */
export type BotStorage = {
  store: CustomerStore;
  /** Dialog state (`PrivateConversationState`), written with eTag checks. */
  dialogState: Storage;
  /** The JSON backend's dialog state, which moves corrupt files aside and says so; undefined on Azure. */
  fileStorage: FileStorage | undefined;
  /** Where `UserDirectory` keeps Entra id → Teams user id. */
  directory: Storage;
  outbox: OutboxFolder;
  notices: PendingNotices;
  /**
   * Claims on background work: one process (JSON, where every claim is lost with the lock on the data
   * folder) or one instance of several (Azure).
   */
  leases: Leases;
  /** Lets go of the backend: the JSON store finishes writing its index files, then frees the data folder. */
  release(): Promise<void>;
};

/** What opening the storage takes besides the configuration. */
export type OpenStorageOptions = {
  logger: Logger;
  customerStore?: LowdbCustomerStoreOptions;
  /** How long an Azure lease lasts unless renewed; tests shorten it. */
  leaseMs?: number;
  onDataFolderLockLost?: (error: Error) => void;
};

/**
 * Opens the backend `STORE` names: the JSON files of `DATA_DIR` (held by this process alone, with its
 * lock), or Azure Storage shared by every instance (no lock: conditional writes and leases instead).
 * The Azure modules are loaded only then, so that the JSON bot starts without them.
 */
export async function openStorage(config: Config, options: OpenStorageOptions): Promise<BotStorage> {
  if (config.storage.kind === 'azure') return openAzureStorage(config.storage, options);
  const { logger } = options;
  const folderLost = new AbortController();
  const lock = await lockDataFolder(config.dataDir, {
    onLost: (error) => {
      folderLost.abort(new Error('the lock on the data folder was lost', { cause: error }));
      logger.fatal(
        { error: describeError(error), dataDir: config.dataDir },
        'the lock on the data folder was lost: another process may write it',
      );
      options.onDataFolderLockLost?.(error);
    },
  });
  try {
    const store = await LowdbCustomerStore.open(config.dataDir, options.customerStore);
    const onCompactionFailed = (error: Error) =>
      logger.warn(
        { error: describeError(error) },
        'record log not compacted: tried again at its next change',
      );
    const fileStorage = new FileStorage(path.join(config.dataDir, 'dialog-state'), {
      onCorruptFile: (moved) =>
        logger.warn(moved, 'unreadable state file moved aside: its user starts afresh'),
      onCompactionFailed,
    });
    const recordLogOptions = (folder: string) => ({
      onDamage: (damage: { file: string; keptIn: string; reason: string }) =>
        logger.warn({ folder, ...damage }, 'damaged record skipped and kept aside'),
      onCompactionFailed,
    });
    const outbox = new OutboxFolder(path.join(config.dataDir, 'outbox'), recordLogOptions('outbox'));
    const notices = new PendingNotices(
      path.join(config.dataDir, 'pending-notices'),
      recordLogOptions('pending-notices'),
    );
    return {
      store,
      dialogState: fileStorage,
      fileStorage,
      directory: fileStorage,
      outbox,
      notices,
      leases: new LocalLeases(folderLost.signal),
      release: async () => {
        await store.backgroundWritesDone();
        for (const log of [fileStorage, outbox, notices]) log.close();
        if (!folderLost.signal.aborted) await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openAzureStorage(
  settings: AzureStorageSettings,
  options: OpenStorageOptions,
): Promise<BotStorage> {
  const [{ openTable }, tableStore, records, tableStorage, tableLeases, blobs, outboxModule, noticesModule] =
    await Promise.all([
      import('../../store/azure/azure-account.js'),
      import('../../store/azure/azure-table-customer-store.js'),
      import('../../store/azure/azure-table-records.js'),
      import('../../store/azure/azure-table-storage.js'),
      import('../../store/azure/azure-table-leases.js'),
      import('../../store/azure/open-blobs-storage.js'),
      import('../../store/outbox-folder.js'),
      import('../../store/pending-notices.js'),
    ]);
  const account = await azureAccountOf(settings);
  const prefix = settings.tablePrefix;
  const [store, outboxTable, noticesTable, usersTable, leasesTable] = await Promise.all([
    tableStore.AzureTableCustomerStore.open(account, prefix),
    openTable(account, `${prefix}outbox`),
    openTable(account, `${prefix}notices`),
    openTable(account, `${prefix}users`),
    openTable(account, `${prefix}leases`),
  ]);
  return {
    store,
    dialogState: blobs.openBlobsStorage(account, settings.stateContainer),
    fileStorage: undefined,
    directory: new tableStorage.AzureTableStorage(usersTable),
    outbox: new OutboxFolder(
      new records.AzureTableRecords(outboxTable, 'outbox', outboxModule.OutboxEntrySchema),
    ),
    notices: new PendingNotices(
      new records.AzureTableRecords(noticesTable, 'notices', noticesModule.PendingNoticeSchema),
    ),
    leases: new tableLeases.AzureTableLeases(leasesTable, options.leaseMs ?? settings.leaseMs),
    release: async () => undefined,
  };
}

/** The storage account of the settings; the managed identity (`DefaultAzureCredential`) without a connection string. */
async function azureAccountOf(settings: AzureStorageSettings): Promise<AzureAccount> {
  if ('connectionString' in settings.account) return settings.account;
  const { AzureAuthorityHosts, DefaultAzureCredential } = await import('@azure/identity');
  const china = settings.account.blobUrl.endsWith('.chinacloudapi.cn');
  const credential = new DefaultAzureCredential(
    china ? { authorityHost: AzureAuthorityHosts.AzureChina } : undefined,
  );
  return { ...settings.account, credential };
}
