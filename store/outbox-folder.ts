import { z } from 'zod';
import { ConversationOriginSchema, RequesterSchema } from './customer-schema.js';
import { JsonRecordLog, type JsonRecordLogOptions } from './json-record-log.js';
import type { KeyedRecords } from './keyed-records.js';
import type { CompactionPolicy } from './record-log.js';

/** One set of admin credentials waiting to reach its requester; the password is sealed, never plain. */
export const OutboxEntrySchema = z.object({
  requestId: z.string(),
  customerId: z.string(),
  requester: RequesterSchema,
  origin: ConversationOriginSchema,
  locale: z.enum(['en-US', 'zh-CN']),
  companyName: z.string(),
  adminAccount: z.string(),
  sealedPassword: z.object({ iv: z.string(), tag: z.string(), ciphertext: z.string() }),
  createdAt: z.string(),
  attempts: z.number().int().nonnegative(),
});
/** One set of admin credentials waiting to reach its requester; the password is sealed, never plain. */
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/**
 * When the outbox's log is compacted: after every delete. A deleted entry (delivered or destroyed)
 * still holds its sealed password in its lines, which must not stay on disk longer than needed. The
 * usual case, the one entry delivered, empties the log, which is cut to nothing (`ftruncate`) with no
 * rewrite; a rewrite happens only when another entry waits too, and then it is a few kilobytes. An
 * entry replaced (its attempts counted) is not compacted for: its older lines hold the same sealed
 * password as the live one, and a rewrite then would cost a rename on every delivery and slow the
 * truncate after it (ext4 writes back at once a file renamed over another): 1.0–1.7 ms of wall time per
 * delivery against 30–40 µs (`npx tsx bench/state-write-cost.ts`; docs/BENCHMARKS.md, "Issue 17, fifth
 * round").
 */
const OUTBOX_COMPACTION: CompactionPolicy = {
  deadBytesOver: 64 * 1024,
  deadShareOver: 0.5,
  afterEveryDelete: true,
};

/** Where the outbox in the data folder reports a damaged line or a compaction the disk refused. */
export type OutboxFolderOptions = Omit<JsonRecordLogOptions, 'compaction'>;

/**
 * The outbox in the data folder (`DATA_DIR/outbox/records.log`): each undelivered set of credentials is
 * a line of the folder's record log (`store/record-log.ts`), whole or absent after a kill, and the log is
 * rewritten without a delivered entry at once.
 */
export class OutboxFolder {
  private readonly records: KeyedRecords<OutboxEntry>;
  private readonly log: JsonRecordLog<typeof OutboxEntrySchema> | undefined;

  /** `where`: a folder of the data folder, or records kept elsewhere (rows of a table). */
  constructor(where: string | KeyedRecords<OutboxEntry>, options: OutboxFolderOptions = {}) {
    if (typeof where === 'string') {
      this.log = new JsonRecordLog(where, OutboxEntrySchema, { ...options, compaction: OUTBOX_COMPACTION });
    }
    this.records = this.log ?? (where as KeyedRecords<OutboxEntry>);
  }

  /** Closes the log's file, if the outbox is one (the bot is stopping). */
  close(): void {
    this.log?.close();
  }

  /** Writes (or replaces) the entry of `entry.requestId`. */
  put(entry: OutboxEntry): Promise<void> {
    return this.records.put(entry.requestId, entry);
  }

  /** The entry of `requestId`, or undefined when there is none. */
  get(requestId: string): Promise<OutboxEntry | undefined> {
    return this.records.get(requestId);
  }

  /** The request ids of every entry present. */
  requestIds(): Promise<string[]> {
    return this.records.keys();
  }

  /** Deletes the entry of `requestId`; nothing to do when it is already gone. */
  delete(requestId: string): Promise<void> {
    return this.records.delete(requestId);
  }
}
