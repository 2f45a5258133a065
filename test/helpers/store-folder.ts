import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbCustomerStore, type LowdbCustomerStoreOptions } from '../../store/lowdb-customer-store.js';

/**
 * A temporary folder for JSON customer stores, and the stores a test opens in it (each open is a
 * restart of the bot). `remove` waits for every store's background writes (journals folded into their
 * files, index files) before deleting the folder, as the bot waits for them before it exits, so that no
 * write races the deletion.
 */
export class StoreFolder {
  private readonly opened: LowdbCustomerStore[] = [];

  private constructor(readonly dataDir: string) {}

  /** A new empty folder under the system's temporary folder, named after `prefix`. */
  static async create(prefix: string): Promise<StoreFolder> {
    return new StoreFolder(await mkdtemp(path.join(os.tmpdir(), `${prefix}-`)));
  }

  /** Opens a store on the folder, kept to be waited for by `remove`. */
  async open(options: LowdbCustomerStoreOptions = {}): Promise<LowdbCustomerStore> {
    const store = await LowdbCustomerStore.open(this.dataDir, options);
    this.opened.push(store);
    return store;
  }

  /** Waits for the background writes of every store opened, then deletes the folder. */
  async remove(): Promise<void> {
    await Promise.all(this.opened.map((store) => store.backgroundWritesDone()));
    await rm(this.dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
