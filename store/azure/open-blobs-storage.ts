import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AzureAccount } from './azure-account.js';
import { BlobStateStorage } from './blob-state-storage.js';

/**
 * Dialog state in the blob container `container` of `account` (`BlobStateStorage`, on the Bot Framework's
 * `BlobsStorage`): a write carries the eTag its state was read with (`If-Match`), or creates a user's first
 * state only if it does not exist yet (`If-None-Match: *`), so that a turn that read stale state fails
 * instead of overwriting a newer one. The container is created on first use. Tries are few and short, so
 * that a turn against an unreachable account answers within Teams' wait.
 */
export function openBlobsStorage(account: AzureAccount, container: string): BlobStateStorage {
  const retryOptions = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1_000, tryTimeoutInMs: 5_000 };
  const options = { storagePipelineOptions: { retryOptions } };
  if ('connectionString' in account) {
    return new BlobStateStorage(
      new BlobsStorage(account.connectionString, container, options),
      new ContainerClient(account.connectionString, container, { retryOptions }),
    );
  }
  const url = `${account.blobUrl}/${container}`;
  return new BlobStateStorage(
    new BlobsStorage('', container, options, url, account.credential),
    new ContainerClient(url, account.credential, { retryOptions }),
  );
}
