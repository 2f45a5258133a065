import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import { z } from 'zod';
import { type Customer, CustomerSchema, type StoreFile } from './customer-schema.js';

/** The folder of the data folder that holds one index file per sealed store file. */
export const SEGMENT_INDEX_FOLDER = 'store-index';

/**
 * What the store needs of a file at start-up: its customers, the ids of its requests (with those whose
 * creation was under way) and the requests its orders belong to. Requests, orders and audit lines stay in
 * the file until a call needs them.
 */
export type SegmentContents = {
  customers: Customer[];
  requestIds: string[];
  creatingRequestIds: string[];
  orderRequestIds: string[];
};

const SegmentIndexSchema = z.object({
  version: z.literal(1),
  /** The store file this index was made from, as `fingerprintOf` gave it: a file changed since does not match. */
  fingerprint: z.string(),
  customers: z.array(CustomerSchema),
  requestIds: z.array(z.string()),
  creatingRequestIds: z.array(z.string()),
  orderRequestIds: z.array(z.string()),
});

/** The index file of store file `segmentFile`: `store-index/<its name>` in the same data folder. */
export function indexFileOf(segmentFile: string): string {
  return path.join(path.dirname(segmentFile), SEGMENT_INDEX_FOLDER, path.basename(segmentFile));
}

/** What the store needs of a store file's content at start-up. */
export function contentsOf(data: StoreFile): SegmentContents {
  return {
    customers: data.customers,
    requestIds: data.requests.map((request) => request.id),
    creatingRequestIds: data.requests
      .filter((request) => request.creation?.state === 'creating')
      .map((request) => request.id),
    orderRequestIds: data.orders.map((order) => order.requestId),
  };
}

/**
 * The identity of the version of `file` on disk: size, modification and change times in nanoseconds and
 * inode. Every store write replaces the file by a rename, so any write gives a new fingerprint; undefined
 * when the file does not exist. Synchronous, so that the store can take it and the records it describes
 * in one step, with no write of its own in between.
 */
export function fingerprintOf(file: string): string | undefined {
  try {
    const facts = statSync(file, { bigint: true });
    return [facts.size, facts.mtimeNs, facts.ctimeNs, facts.ino].join(':');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The contents of `segmentFile` as its index file has them, or undefined when the index cannot be used:
 * absent, unreadable, not of the expected shape, or made from another version of the file than the one on
 * disk (`fingerprint`). The store then reads the file itself, so an index can only save time, never lose
 * a customer.
 */
export async function readSegmentIndex(
  segmentFile: string,
  fingerprint: string | undefined,
): Promise<SegmentContents | undefined> {
  if (fingerprint === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(indexFileOf(segmentFile), 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = SegmentIndexSchema.safeParse(json);
  if (!parsed.success || parsed.data.fingerprint !== fingerprint) return undefined;
  const { customers, requestIds, creatingRequestIds, orderRequestIds } = parsed.data;
  return { customers, requestIds, creatingRequestIds, orderRequestIds };
}

/**
 * The contents as JSON, taken now: the records in memory may change before the index is written, and the
 * index must hold them as they were.
 */
export function snapshotOf(contents: SegmentContents): string {
  const { customers, requestIds, creatingRequestIds, orderRequestIds } = contents;
  return JSON.stringify({ customers, requestIds, creatingRequestIds, orderRequestIds });
}

/** Writes the index of `segmentFile` (temporary file, then rename): `snapshot` of the version `fingerprint`. */
export async function writeSegmentIndex(
  segmentFile: string,
  fingerprint: string,
  snapshot: string,
): Promise<void> {
  const text = `{"version":1,"fingerprint":${JSON.stringify(fingerprint)},${snapshot.slice(1)}`;
  await new Writer(indexFileOf(segmentFile)).write(text);
}
