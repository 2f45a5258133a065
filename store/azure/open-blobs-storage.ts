import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AzureAccount } from './azure-account.js';

/**
 * Dialog state in the blob container `container` of `account`, through the Bot Framework's own
 * `BlobsStorage`: a write carries the eTag its state was read with (`If-Match`), so that a turn that
 * read stale state fails instead of overwriting a newer one. The container is created on first use.
 * Tries are few and short, so that a turn against an unreachable account answers within Teams' wait.
 */
export function openBlobsStorage(account: AzureAccount, container: string): BlobsStorage {
  const options = {
    storagePipelineOptions: {
      retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1_000, tryTimeoutInMs: 5_000 },
    },
  };
  if ('connectionString' in account) return new BlobsStorage(account.connectionString, container, options);
  return new BlobsStorage('', container, options, `${account.blobUrl}/${container}`, account.credential);
}
