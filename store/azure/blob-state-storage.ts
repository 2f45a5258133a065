import type { ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import { CREATE_ONLY } from './create-only.js';
import { statusOf } from './table-entity.js';

/** The eTag conflict `saveTurnState` tells apart (`isETagConflict`): the state changed since it was read. */
class StateConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

type StateChange = StoreItem & { [CREATE_ONLY]?: true };

/**
 * Dialog state in one blob container, one JSON blob per key, through the Bot Framework's `BlobsStorage`
 * (botbuilder-azure-blobs 4.23): reads give each item its eTag, and a write carries the eTag its turn read
 * (`If-Match`). The one write `BlobsStorage` cannot make is a user's first state (marked `CREATE_ONLY` by
 * `read-etag-storage.ts`): it sends no condition for it, so two instances creating the same state would
 * both win. Such an item is written here, under the same blob name, with `If-None-Match: *`.
 */
export class BlobStateStorage implements Storage {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly blobs: BlobsStorage,
    private readonly container: ContainerClient,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes) as [string, StateChange][];
    const updates = entries.filter(([, change]) => !change[CREATE_ONLY]);
    const creations = entries.filter(([, change]) => change[CREATE_ONLY]);
    await Promise.all([
      updates.length > 0 ? this.blobs.write(Object.fromEntries(updates)) : undefined,
      ...creations.map(([key, change]) => this.create(key, change)),
    ]);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  /** Writes a state that must not exist yet; another instance's creation of it is an eTag conflict. */
  private async create(key: string, change: StateChange): Promise<void> {
    await this.containerCreated();
    const { eTag: _readWith, ...item } = change;
    const body = JSON.stringify(item);
    try {
      await this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) throw new StateConflictError(key);
      throw error;
    }
  }

  /** The container, created on first use as `BlobsStorage` does (tried again after a failure). */
  private containerCreated(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/**
 * The blob a key is kept in, as botbuilder-azure-blobs 4.23 names it (its `sanitizeBlobKey`, which the
 * package does not export): empty path segments dropped, the rest percent-encoded, at most 1 024 characters.
 */
function blobName(key: string): string {
  const joined = key
    .split('/')
    .reduce((name, part, index) => (part ? `${name}${index < 255 ? '/' : ''}${part}` : name));
  return encodeURIComponent(joined).slice(0, 1024);
}
