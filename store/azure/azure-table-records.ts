import { odata, type TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import type { KeyedRecords } from '../keyed-records.js';
import { jsonEntity, recordOf, statusOf, tableKey } from './table-entity.js';

/**
 * Records of one kind as rows of a table (one partition, keyed by the record's key), parsed with
 * `schema` when read: the credentials outbox and the pending notices when the bot runs on Azure
 * Storage, shared by every instance. A put replaces the row whole, so a record is whole or absent.
 */
export class AzureTableRecords<S extends z.ZodType> implements KeyedRecords<z.infer<S>> {
  constructor(
    private readonly table: TableClient,
    private readonly partition: string,
    private readonly schema: S,
  ) {}

  async put(key: string, record: z.infer<S>): Promise<void> {
    await this.table.upsertEntity(
      jsonEntity(this.partition, tableKey(key), this.schema.parse(record), { key }),
      'Replace',
    );
  }

  async get(key: string): Promise<z.infer<S> | undefined> {
    try {
      return recordOf(await this.table.getEntity(this.partition, tableKey(key)), this.schema);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async keys(): Promise<string[]> {
    const keys: string[] = [];
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${this.partition}`, select: ['key'] },
    });
    for await (const row of rows) keys.push(String(row.key));
    return keys;
  }

  async delete(key: string): Promise<void> {
    try {
      await this.table.deleteEntity(this.partition, tableKey(key));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
