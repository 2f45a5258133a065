import { z } from 'zod';
import { ConversationOriginSchema, RequesterSchema } from './customer-schema.js';
import { JsonRecordFolder } from './json-record-folder.js';
import type { KeyedRecords } from './keyed-records.js';

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
 * The outbox in the data folder (`DATA_DIR/outbox/`): one JSON file per undelivered set of credentials,
 * written atomically (temporary file, then rename), so that an entry is either whole or absent.
 */
export class OutboxFolder {
  private readonly records: KeyedRecords<OutboxEntry>;

  /** `where`: a folder of the data folder, or records kept elsewhere (rows of a table). */
  constructor(where: string | KeyedRecords<OutboxEntry>) {
    this.records = typeof where === 'string' ? new JsonRecordFolder(where, OutboxEntrySchema) : where;
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
