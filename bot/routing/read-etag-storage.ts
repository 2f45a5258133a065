import type { Storage, StoreItems } from 'botbuilder';
import { CREATE_ONLY } from '../../store/azure/create-only.js';

/** Where an item read through `ReadETagStorage` keeps the eTag it was read with (hidden from JSON and hashes). */
const READ_ETAG = Symbol('readETag');

type ReadItem = Record<string, unknown> & { eTag?: string; [READ_ETAG]?: string };

/**
 * Storage for the bot's dialog state that writes an item back with the eTag it was read with.
 * `BotState.saveChanges` (botbuilder 4.23) sets `eTag = '*'` on the state before it writes, which
 * makes every write unconditional: of two instances that read the same state, the later save would
 * silently overwrite the earlier one. This wrapper remembers each item's eTag when it is read (on the
 * same object `BotState` caches and later writes) and puts it back in place of `'*'`, so that the
 * storage refuses a write on stale state with an eTag conflict (`saveTurnState` then asks the user to
 * try again). An item that did not exist when read (a user's first state in a conversation) is marked
 * `CREATE_ONLY`: the Azure `BlobStateStorage` then writes it only if nobody created it meanwhile, so that
 * of two instances creating a user's first state at once one is told to try again. (`BotState` reads
 * its state before each save, through this wrapper, so a write without a read eTag is such an item.)
 */
export class ReadETagStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items) as ReadItem[]) {
      if (item && typeof item.eTag === 'string' && item.eTag !== '*') item[READ_ETAG] = item.eTag;
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    const checked: StoreItems = {};
    for (const [key, change] of Object.entries(changes) as [string, ReadItem][]) {
      const readETag = change?.[READ_ETAG];
      if (change?.eTag !== '*') checked[key] = change;
      else if (readETag !== undefined) checked[key] = { ...change, eTag: readETag };
      else checked[key] = { ...change, [CREATE_ONLY]: true };
    }
    return this.inner.write(checked);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
