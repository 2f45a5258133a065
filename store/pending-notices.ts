import { z } from 'zod';
import { JsonRecordLog, type JsonRecordLogOptions } from './json-record-log.js';
import type { KeyedRecords } from './keyed-records.js';
import type { CompactionPolicy } from './record-log.js';

/** A message for a user that could not be sent when it arose; no secret, only what the text needs. */
export const PendingNoticeSchema = z.object({
  requestId: z.string(),
  userId: z.string(),
  conversationId: z.string(),
  locale: z.enum(['en-US', 'zh-CN']),
  key: z.enum(['credentials.expired', 'credentials.unreadable']),
  company: z.string(),
  account: z.string(),
  createdAt: z.string(),
});
/** A message for a user that could not be sent when it arose; no secret, only what the text needs. */
export type PendingNotice = z.infer<typeof PendingNoticeSchema>;

/**
 * When the notices' log is compacted: once 64 KiB of it are dead and more than half of it. A notice is
 * a few hundred bytes and rare (both chats refused a reset message), and holds no secret, so dead ones
 * may wait; the log is cut to nothing whenever its last notice is sent.
 */
const NOTICES_COMPACTION: CompactionPolicy = { deadBytesOver: 64 * 1024, deadShareOver: 0.5 };

/** Where the notices in the data folder report a damaged line or a compaction the disk refused. */
export type PendingNoticesOptions = Omit<JsonRecordLogOptions, 'compaction'>;

/**
 * Notices kept until their user next talks to the bot: in the data folder, lines of the record log
 * `DATA_DIR/pending-notices/records.log` (`store/record-log.ts`), whose keys are in memory, so looking
 * for a user's notices after every turn reads nothing from disk when there are none.
 */
export class PendingNotices {
  private readonly records: KeyedRecords<PendingNotice>;
  private readonly log: JsonRecordLog<typeof PendingNoticeSchema> | undefined;

  /** `where`: a folder of the data folder, or records kept elsewhere (rows of a table). */
  constructor(where: string | KeyedRecords<PendingNotice>, options: PendingNoticesOptions = {}) {
    if (typeof where === 'string') {
      this.log = new JsonRecordLog(where, PendingNoticeSchema, {
        ...options,
        compaction: NOTICES_COMPACTION,
      });
    }
    this.records = this.log ?? (where as KeyedRecords<PendingNotice>);
  }

  /** Closes the log's file, if the notices are kept in one (the bot is stopping). */
  close(): void {
    this.log?.close();
  }

  /** Keeps `notice` until it is taken. */
  put(notice: PendingNotice): Promise<void> {
    return this.records.put(notice.requestId, notice);
  }

  /** The notices kept for the Teams user `userId`. */
  async forUser(userId: string): Promise<PendingNotice[]> {
    const notices: PendingNotice[] = [];
    for (const requestId of await this.records.keys()) {
      const notice = await this.records.get(requestId);
      if (notice?.userId === userId) notices.push(notice);
    }
    return notices;
  }

  /** Forgets the notice of `requestId` once it was sent. */
  delete(requestId: string): Promise<void> {
    return this.records.delete(requestId);
  }
}
