import { json } from 'node:stream/consumers';
import type { ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { CREATE_ONLY } from './create-only.js';
import { statusOf } from './table-entity.js';

/** The eTag conflict `saveTurnState` tells apart (`isETagConflict`): the state changed since it was read. */
class StateConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * Dialog state in one blob container, one JSON blob per key, each read with its eTag. A write is
 * conditional on what its turn read: `If-Match` the eTag it was read with, or, for an item whose key did
 * not exist then (marked `CREATE_ONLY`), `If-None-Match: *`, so that two instances creating a user's
 * first state at once do not both win. The Bot Framework's `BlobsStorage` (botbuilder-azure-blobs 4.23)
 * cannot send `If-None-Match` and writes such an item unconditionally; this storage writes blobs under
 * the same names and in the same JSON, so state it saved stays readable. The container is created on
 * first use (tried again after a failure).
 */
export class BlobStateStorage implements Storage {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly container: ContainerClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    await this.created();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const blob = await this.container.getBlobClient(blobName(key)).download();
          if (!blob.readableStreamBody) return;
          items[key] = { ...((await json(blob.readableStreamBody)) as StoreItem), eTag: blob.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.created();
    await Promise.all(
      Object.entries(changes).map(async ([key, change]: [string, StoreItem & { [CREATE_ONLY]?: true }]) => {
        const { eTag, ...item } = change;
        const body = JSON.stringify(item);
        const conditions = change[CREATE_ONLY]
          ? { ifNoneMatch: '*' }
          : typeof eTag === 'string' && eTag !== '*' && eTag !== ''
            ? { ifMatch: eTag }
            : {};
        try {
          await this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
            conditions,
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        } catch (error) {
          const status = statusOf(error);
          if (status === 412 || status === 409) throw new StateConflictError(key);
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.created();
    await Promise.all(keys.map((key) => this.container.getBlobClient(blobName(key)).deleteIfExists()));
  }

  private created(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/**
 * The blob a key is kept in, as botbuilder-azure-blobs 4.23 names it (`sanitizeBlobKey`): empty path
 * segments dropped, the rest percent-encoded, at most 1 024 characters.
 */
function blobName(key: string): string {
  const joined = key
    .split('/')
    .reduce((name, part, index) => (part ? `${name}${index < 255 ? '/' : ''}${part}` : name));
  return encodeURIComponent(joined).slice(0, 1024);
}
