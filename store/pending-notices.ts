import { z } from 'zod';
import { JsonRecordFolder } from './json-record-folder.js';
import type { KeyedRecords } from './keyed-records.js';

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
 * Notices kept in the data folder (`DATA_DIR/pending-notices/`, one file per request, written
 * atomically) until their user next talks to the bot.
 */
export class PendingNotices {
  private readonly records: KeyedRecords<PendingNotice>;

  /** `where`: a folder of the data folder, or records kept elsewhere (rows of a table). */
  constructor(where: string | KeyedRecords<PendingNotice>) {
    this.records = typeof where === 'string' ? new JsonRecordFolder(where, PendingNoticeSchema) : where;
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
