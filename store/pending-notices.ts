import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import { z } from 'zod';

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
  constructor(readonly folder: string) {}

  /** Keeps `notice` until it is taken. */
  async put(notice: PendingNotice): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await new Writer(this.fileFor(notice.requestId)).write(JSON.stringify(PendingNoticeSchema.parse(notice)));
  }

  /** The notices kept for the Teams user `userId`. */
  async forUser(userId: string): Promise<PendingNotice[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const notices: PendingNotice[] = [];
    for (const name of names.filter((file) => /^([0-9a-f]{2})+\.json$/.test(file))) {
      const notice = PendingNoticeSchema.parse(
        JSON.parse(await readFile(path.join(this.folder, name), 'utf8')),
      );
      if (notice.userId === userId) notices.push(notice);
    }
    return notices;
  }

  /** Forgets the notice of `requestId` once it was sent. */
  async delete(requestId: string): Promise<void> {
    try {
      await unlink(this.fileFor(requestId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private fileFor(requestId: string): string {
    return path.join(this.folder, `${Buffer.from(requestId, 'utf8').toString('hex')}.json`);
  }
}
