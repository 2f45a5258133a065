import type { TableClient } from '@azure/data-tables';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { z } from 'zod';
import { ETagConflictError } from '../file-storage.js';
import { jsonEntity, recordOf, statusOf, tableKey } from './table-entity.js';

const PARTITION = 'items';
const ItemSchema = z.record(z.string(), z.unknown());

/**
 * Bot Framework `Storage` on rows of a table, with the eTag checks of the SDK's storages: a write
 * carrying an eTag lands only on the row as it was read (`If-Match`), else fails with
 * `ETagConflictError`; `*` or no eTag overwrites. For small items read by key (the user directory)
 * when the bot runs on Azure Storage; dialog state goes to blobs (`BlobStateStorage`).
 */
export class AzureTableStorage implements Storage {
  constructor(private readonly table: TableClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      try {
        const row = await this.table.getEntity(PARTITION, tableKey(key));
        items[key] = { ...recordOf(row, ItemSchema), eTag: row.etag };
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...item } = change as StoreItem;
      const row = jsonEntity(PARTITION, tableKey(key), item);
      if (!eTag || eTag === '*') {
        await this.table.upsertEntity(row, 'Replace');
        continue;
      }
      try {
        await this.table.updateEntity(row, 'Replace', { etag: eTag });
      } catch (error) {
        if (statusOf(error) === 412) throw new ETagConflictError(key);
        if (statusOf(error) !== 404) throw error;
        await this.table.upsertEntity(row, 'Replace');
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.table.deleteEntity(PARTITION, tableKey(key));
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
  }
}
