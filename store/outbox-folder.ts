import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import { z } from 'zod';
import { ConversationOriginSchema, RequesterSchema } from './customer-schema.js';

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

/** A file name safe for any request id: the id in hex, so that no id can reach outside the folder. */
function fileNameOf(requestId: string): string {
  return `${Buffer.from(requestId, 'utf8').toString('hex')}.json`;
}

/**
 * The outbox in the data folder (`DATA_DIR/outbox/`): one JSON file per undelivered set of credentials,
 * written atomically (temporary file, then rename), so that an entry is either whole or absent.
 */
export class OutboxFolder {
  private ready: Promise<unknown> | undefined;

  constructor(readonly folder: string) {}

  /** Writes (or replaces) the entry of `entry.requestId`. */
  async put(entry: OutboxEntry): Promise<void> {
    this.ready ??= mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    await new Writer(this.fileFor(entry.requestId)).write(JSON.stringify(OutboxEntrySchema.parse(entry)));
  }

  /** The entry of `requestId`, or undefined when there is none. */
  async get(requestId: string): Promise<OutboxEntry | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(requestId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return OutboxEntrySchema.parse(JSON.parse(text));
  }

  /** The request ids of every entry present. */
  async requestIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => /^([0-9a-f]{2})+\.json$/.test(name))
      .map((name) => Buffer.from(name.slice(0, -'.json'.length), 'hex').toString('utf8'));
  }

  /** Deletes the entry of `requestId`; nothing to do when it is already gone. */
  async delete(requestId: string): Promise<void> {
    try {
      await unlink(this.fileFor(requestId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private fileFor(requestId: string): string {
    return path.join(this.folder, fileNameOf(requestId));
  }
}
