/**
 * Where the bot keeps its data. `json`: lowdb files and dialog-state files in `DATA_DIR`, for one
 * process. `azure`: Azure Table Storage (customers, requests, audit, outbox, notices, user directory,
 * leases) and Blob Storage (dialog state) of one storage account, shared by every instance of the bot.
 */
export type StorageSettings = { kind: 'json' } | AzureStorageSettings;

/** One storage account, reached with a connection string or with `DefaultAzureCredential`. */
export type AzureStorageSettings = {
  kind: 'azure';
  account: { connectionString: string } | { blobUrl: string; tableUrl: string };
  /** Starts the name of every table the bot uses (`<prefix>store`, `<prefix>outbox`, …). */
  tablePrefix: string;
  /** The blob container of the dialog state. */
  stateContainer: string;
  /** How long a claim on background work lasts unless renewed: how soon another instance takes over a dead one's work. */
  leaseMs: number;
};

const DEFAULT_TABLE_PREFIX = 'addcustomerbot';
const DEFAULT_STATE_CONTAINER = 'add-customer-bot-state';
/** The longest table suffix the bot appends to the prefix (`notices`, `outbox`…), so that names stay ≤ 63. */
const LONGEST_TABLE_SUFFIX = 'notices'.length;

/** `https://<account>.blob.<suffix>` or `.table.`: the public cloud's `core.windows.net`, 21Vianet's `core.chinacloudapi.cn`. */
const ACCOUNT_URL = /^https:\/\/([a-z0-9]{3,24})\.(blob|table)\.([a-z0-9.-]+)\/?$/;

/**
 * Reads `STORE` and its Azure settings; every problem is returned (each naming its variable) for
 * `loadConfig` to list with the others. Empty values count as unset; secrets never appear in a problem.
 */
export function readStorageSettings(value: (name: string) => string | undefined): {
  settings: StorageSettings;
  problems: string[];
} {
  const store = value('STORE') ?? 'json';
  const problems: string[] = [];
  if (store !== 'json' && store !== 'azure') {
    problems.push(
      `- STORE: must be json (files in DATA_DIR) or azure (Azure Storage), not "${store.slice(0, 20)}"`,
    );
  }
  const connectionString = value('AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = value('AZURE_STORAGE_ACCOUNT_URL');
  const tablePrefix = value('AZURE_STORAGE_TABLE_PREFIX') ?? DEFAULT_TABLE_PREFIX;
  const stateContainer = value('AZURE_STORAGE_STATE_CONTAINER') ?? DEFAULT_STATE_CONTAINER;
  const leaseSeconds = value('AZURE_STORAGE_LEASE_SECONDS') ?? '60';
  if (!/^\d{1,4}$/.test(leaseSeconds) || Number(leaseSeconds) < 2 || Number(leaseSeconds) > 3600) {
    problems.push('- AZURE_STORAGE_LEASE_SECONDS: must be a whole number of seconds from 2 to 3600');
  }
  if (!new RegExp(`^[A-Za-z][A-Za-z0-9]{2,${63 - LONGEST_TABLE_SUFFIX - 1}}$`).test(tablePrefix)) {
    problems.push(
      `- AZURE_STORAGE_TABLE_PREFIX: must be 3 to ${63 - LONGEST_TABLE_SUFFIX} letters and digits, starting with a letter (Azure table names)`,
    );
  }
  if (!/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/.test(stateContainer)) {
    problems.push(
      '- AZURE_STORAGE_STATE_CONTAINER: must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (an Azure blob container name)',
    );
  }
  const url = accountUrl === undefined ? undefined : ACCOUNT_URL.exec(accountUrl.toLowerCase());
  if (accountUrl !== undefined && !url) {
    problems.push(
      '- AZURE_STORAGE_ACCOUNT_URL: must be the https URL of the storage account, such as https://<account>.blob.core.chinacloudapi.cn',
    );
  }
  if (
    connectionString !== undefined &&
    !/AccountName=|BlobEndpoint=|UseDevelopmentStorage=/i.test(connectionString)
  ) {
    problems.push(
      '- AZURE_STORAGE_CONNECTION_STRING: must be a storage account connection string (DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…), as the portal shows it under Access keys',
    );
  }
  if (store === 'azure' && connectionString === undefined && accountUrl === undefined) {
    problems.push(
      '- AZURE_STORAGE_CONNECTION_STRING: must be set when STORE=azure, or set AZURE_STORAGE_ACCOUNT_URL to sign in with the managed identity',
    );
  }
  if (connectionString !== undefined && accountUrl !== undefined) {
    problems.push(
      '- AZURE_STORAGE_ACCOUNT_URL: must be empty when AZURE_STORAGE_CONNECTION_STRING is set (use one of them)',
    );
  }
  if (store !== 'azure' || problems.length > 0) return { settings: { kind: 'json' }, problems };
  const [, account = '', , suffix = ''] = url ?? [];
  return {
    settings: {
      kind: 'azure',
      account:
        connectionString !== undefined
          ? { connectionString }
          : { blobUrl: `https://${account}.blob.${suffix}`, tableUrl: `https://${account}.table.${suffix}` },
      tablePrefix,
      stateContainer,
      leaseMs: Number(leaseSeconds) * 1000,
    },
    problems,
  };
}
