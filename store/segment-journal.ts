import { closeSync, ftruncateSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  ApprovalRequestSchema,
  AuditEntrySchema,
  type Customer,
  CustomerSchema,
  type StoreFile,
  SubscriptionOrderSchema,
} from './customer-schema.js';
import { StoreFileError } from './store-file-error.js';

/**
 * What one write changed in a store file: the records it put (customers and requests in place of the
 * record of their id, or appended) and the lines it appended (orders and audit entries). The changed
 * records are already in the file's content in memory; this says which ones to journal.
 */
export type SegmentChange = Partial<Pick<StoreFile, 'customers' | 'requests' | 'orders' | 'audit'>>;

const JournalLineSchema = z.object({
  n: z.number().int().positive(),
  customers: z.array(CustomerSchema).optional(),
  requests: z.array(ApprovalRequestSchema).optional(),
  orders: z.array(SubscriptionOrderSchema).optional(),
  audit: z.array(AuditEntrySchema).optional(),
});

/** `customers-000012.json` → `customers-000012.journal.jsonl`, beside it. */
export function journalFileOf(storeFile: string): string {
  return storeFile.replace(/\.json$/, '.journal.jsonl');
}

/**
 * Puts one journalled change into a store file's content, exactly as the write that journalled it did:
 * a customer in place of the latest copy of its id (or appended), a request in place of its id (or
 * appended), orders and audit entries appended.
 */
export function applyChange(data: StoreFile, change: SegmentChange): void {
  for (const customer of change.customers ?? []) putLatest(data.customers, customer);
  for (const request of change.requests ?? []) {
    const at = data.requests.findIndex((candidate) => candidate.id === request.id);
    if (at >= 0) data.requests[at] = request;
    else data.requests.push(request);
  }
  data.orders.push(...(change.orders ?? []));
  data.audit.push(...(change.audit ?? []));
}

/** Replaces the latest copy of `customer.id` in `customers` (the one readers take), or appends it. */
export function putLatest(customers: Customer[], customer: Customer): void {
  const at = customers.findLastIndex((candidate) => candidate.id === customer.id);
  if (at >= 0) customers[at] = customer;
  else customers.push(customer);
}

/**
 * The text of the journal beside `storeFile`, or undefined when there is none. Read it before the store
 * file: the journal is removed only after the file holding its changes has replaced the old one, so
 * whichever version of the file is read next, the two together are the store as it was at one moment.
 */
export async function readJournal(storeFile: string): Promise<string | undefined> {
  const file = journalFileOf(storeFile);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreFileError(`Cannot read the customer store journal ${file}: ${(error as Error).message}`);
  }
}

/**
 * Applies to `data` (the store file's content as parsed) the changes of its journal's `text` it does not
 * hold yet, those numbered above `data.journaled`, and records the number of the last one there. A last
 * line cut short is a write that never finished, so never answered: it is left out. Any other line that
 * does not parse is damage, and a `StoreFileError`.
 */
export function applyJournal(storeFile: string, text: string | undefined, data: StoreFile): void {
  if (text === undefined) return;
  // the part after the last newline is empty, or a line cut short
  const complete = text.split('\n').slice(0, -1);
  complete.forEach((line, at) => {
    const parsed = JournalLineSchema.safeParse(parseJson(line));
    if (!parsed.success) {
      throw new StoreFileError(
        `The customer store journal ${journalFileOf(storeFile)} is damaged at line ${at + 1}; restore the folder from a backup.`,
      );
    }
    const { n, ...change } = parsed.data;
    if (n <= (data.journaled ?? 0)) return;
    applyChange(data, change);
    data.journaled = n;
  });
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * The journal of a store file: each change after the file's first write is appended as one line
 * (`{"n": 7, "requests": [...]}`) instead of rewriting the whole file. On this machine's ext4, replacing
 * a file by rename makes the kernel allocate and write back its data at once, and the file's
 * `JSON.stringify` grows with the file; a line appended to an open file costs a small fraction of that
 * (`npx tsx bench/state-write-cost.ts`; docs/BENCHMARKS.md, "Issue 17, fourth round"). The store file
 * itself is rewritten whole only when it is sealed and when the store opens on a journal left beside
 * it, recording the number of the last change it holds, after which the journal is removed.
 *
 * A line is written with one synchronous call before the write resolves, so a kill of the process right
 * after loses nothing the bot has answered on, like the rename it replaces. Nothing is fsync'ed, as
 * before: a power cut may lose the last lines, never the file's earlier content, which is never
 * rewritten in place.
 */
export class SegmentJournal {
  private fd: number | undefined;
  /** Bytes of whole lines in the file, where a failed append is cut back to. */
  private length = 0;
  /** False once a failed append could not be cut back: the next change writes the whole store file. */
  usable = true;

  /** `present`: whether the file may be there already, left by a previous run. */
  constructor(
    readonly file: string,
    private present = false,
  ) {}

  /** Whether the file may exist: left by a previous run, or appended to since it was last removed. */
  get exists(): boolean {
    return this.present;
  }

  /** Appends change `n`; if the disk refuses it, the file is cut back to its last whole line and it throws. */
  append(n: number, change: SegmentChange): void {
    const line = Buffer.from(`${JSON.stringify({ n, ...change })}\n`);
    try {
      this.fd ??= openSync(this.file, 'a');
      const written = writeSync(this.fd, line);
      if (written !== line.length) throw new Error(`wrote ${written} of ${line.length} bytes`);
      this.length += line.length;
      this.present = true;
    } catch (error) {
      this.cutBack();
      throw new StoreFileError(
        `Cannot append to the customer store journal ${this.file}: ${(error as Error).message}`,
      );
    }
  }

  /** Cuts the file back to its last whole line after a failed append, so that the next one starts a line. */
  private cutBack(): void {
    if (this.fd === undefined) return;
    try {
      ftruncateSync(this.fd, this.length);
    } catch {
      // a line cut short stays at the end: no line may follow it, so changes write the whole file again
      this.usable = false;
    }
  }

  /** Closes and deletes the file, once a whole write of the store file holds every change in it. */
  remove(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.length = 0;
    this.usable = true;
    this.present = false;
    try {
      unlinkSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
