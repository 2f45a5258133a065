import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import { type CustomerKeys, keysOf, keysSignature } from './customer-keys.js';
import type { StoreFile } from './customer-schema.js';
import { contentsOfIndex, SEGMENT_INDEX_VERSION, type SegmentContents } from './segment-index-shape.js';

export type { SegmentContents } from './segment-index-shape.js';

/** The folder of the data folder that holds one index file per sealed store file. */
export const SEGMENT_INDEX_FOLDER = 'store-index';

/** The index file of store file `segmentFile`: `store-index/<its name>` in the same data folder. */
export function indexFileOf(segmentFile: string): string {
  return path.join(path.dirname(segmentFile), SEGMENT_INDEX_FOLDER, path.basename(segmentFile));
}

/** What the store needs of a store file's content at start-up. */
export function contentsOf(data: StoreFile): SegmentContents {
  return {
    customers: data.customers.map(keysOf),
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
 * absent, unreadable, not of this version or shape, made from another version of the file than the one on
 * disk (`fingerprint`), or with keys normalised otherwise than this code does (`keysSignature`). The store then reads the file itself, so an index can only save time, never lose
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
  return contentsOfIndex(json, fingerprint, keysSignature());
}

/**
 * The contents as JSON, taken now: the records in memory may change before the index is written, and the
 * index must hold them as they were.
 */
export function snapshotOf(contents: SegmentContents): string {
  const { requestIds, creatingRequestIds, orderRequestIds } = contents;
  const customers = contents.customers.map(keyTupleOf);
  return JSON.stringify({ customers, requestIds, creatingRequestIds, orderRequestIds });
}

/** One customer's keys as the index file holds them: an array, null for a key it does not have. */
export function keyTupleOf(keys: CustomerKeys): (string | null)[] {
  const { id, requestId, domainPrefix, normalisedName, contactEmail, searchName, domain } = keys;
  return [id, requestId ?? null, domainPrefix, normalisedName, contactEmail ?? null, searchName, domain];
}

/** Writes the index of `segmentFile` (temporary file, then rename): `snapshot` of the version `fingerprint`. */
export async function writeSegmentIndex(
  segmentFile: string,
  fingerprint: string,
  snapshot: string,
): Promise<void> {
  const header = { version: SEGMENT_INDEX_VERSION, fingerprint, keys: keysSignature() };
  const text = `${JSON.stringify(header).slice(0, -1)},${snapshot.slice(1)}`;
  await new Writer(indexFileOf(segmentFile)).write(text);
}
