import { TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

/**
 * A storage account: by connection string (Azurite, the public cloud, 21Vianet's `core.chinacloudapi.cn`),
 * or by its endpoints with a token credential (a managed identity through `DefaultAzureCredential`).
 */
export type AzureAccount =
  | { connectionString: string }
  | { blobUrl: string; tableUrl: string; credential: TokenCredential };

/**
 * Plain http is allowed for a loopback endpoint only: Azurite on the developer's machine or in tests.
 * A cloud account is always reached over https.
 */
export function isLoopbackHttp(account: AzureAccount): boolean {
  if (!('connectionString' in account)) return false;
  if (/^\s*UseDevelopmentStorage=true;?\s*$/i.test(account.connectionString)) return true;
  const endpoints = [...account.connectionString.matchAll(/(?:Blob|Table)Endpoint=([^;]+)/gi)].map(
    (m) => m[1] ?? '',
  );
  return (
    endpoints.length > 0 &&
    endpoints.every((url) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i.test(url))
  );
}

/** How the bot's storage calls are retried: a few quick tries, so that a turn answers within Teams' wait. */
export const STORAGE_RETRY = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 };

/** A client of the table `name` of `account`; the table is created if it does not exist yet. */
export async function openTable(account: AzureAccount, name: string): Promise<TableClient> {
  const options = { allowInsecureConnection: isLoopbackHttp(account), retryOptions: STORAGE_RETRY };
  const client =
    'connectionString' in account
      ? TableClient.fromConnectionString(account.connectionString, name, options)
      : new TableClient(account.tableUrl, name, account.credential, options);
  await client.createTable();
  return client;
}
