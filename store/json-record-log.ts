import type { z } from 'zod';
import { importRecordFiles } from './import-record-files.js';
import type { KeyedRecords } from './keyed-records.js';
import { type CompactionPolicy, RecordLog, type RecordLogDamage } from './record-log.js';

/** How a `JsonRecordLog` compacts, and where it reports what the operator should know (never a record). */
export type JsonRecordLogOptions = {
  compaction: CompactionPolicy;
  /** A damaged line of the log, skipped; or a record file of an earlier version that was not JSON, moved aside. */
  onDamage?: (damage: { file: string; keptIn: string; reason: string }) => void;
  onCompactionFailed?: (error: Error) => void;
};

/**
 * Small JSON records kept by key in the record log of a folder (`<folder>/records.log`,
 * `store/record-log.ts`), parsed with `schema` when read. For records that live until they are done
 * with (the credentials outbox, notices for later), not for the customer store. The whole index is in
 * memory, so `keys()` costs no disk access and `get` one read; a put or delete is a line appended. Files
 * of earlier versions, one `<key in hex>.json` per record, are imported into the log when it is opened
 * (the first call), then removed.
 */
export class JsonRecordLog<S extends z.ZodType> implements KeyedRecords<z.infer<S>> {
  private opened: RecordLog | undefined;

  constructor(
    readonly folder: string,
    private readonly schema: S,
    private readonly options: JsonRecordLogOptions,
  ) {}

  /** Writes (or replaces) the record of `key`. */
  async put(key: string, record: z.infer<S>): Promise<void> {
    this.log().put(key, JSON.stringify(this.schema.parse(record)));
  }

  /** The record of `key`, or undefined when there is none. */
  async get(key: string): Promise<z.infer<S> | undefined> {
    const text = this.log().get(key);
    return text === undefined ? undefined : this.schema.parse(JSON.parse(text));
  }

  /** The keys of every record present. */
  async keys(): Promise<string[]> {
    return this.log().keys();
  }

  /** Deletes the record of `key`; nothing to do when it is already gone. */
  async delete(key: string): Promise<void> {
    this.log().delete(key);
  }

  /** Closes the log's file (the bot is stopping); a later call opens it again. */
  close(): void {
    this.opened?.close();
  }

  private log(): RecordLog {
    if (this.opened) return this.opened;
    const { onDamage } = this.options;
    const { log } = RecordLog.open(this.folder, {
      compaction: this.options.compaction,
      onDamage: (damage: RecordLogDamage) =>
        onDamage?.({
          file: 'records.log',
          keptIn: damage.keptIn,
          reason: `line ${damage.line}: ${damage.reason}`,
        }),
      onCompactionFailed: this.options.onCompactionFailed,
    });
    importRecordFiles(this.folder, log, { onMoved: (moved) => onDamage?.(moved) });
    this.opened = log;
    return log;
  }
}
