import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoreFile } from '../store/customer-schema.js';
import {
  contentsOf,
  fingerprintOf,
  SEGMENT_INDEX_FOLDER,
  snapshotOf,
  writeSegmentIndex,
} from '../store/segment-index.js';
import { emptyStoreFile, recordCount, segmentFileName } from '../store/store-segment.js';
import { walkRecords } from './children/walk-records.js';

/**
 * Writes a customer store of `walks` approved walks into `dataDir`, file by file exactly as the store
 * would have written them with this `segmentSize` (records in the bot's order, a new file when the newest
 * is full, compact JSON, and the index file the store writes for each file but the newest),
 * without going through thousands of writes.
 */
export async function seedStore(dataDir: string, walks: number, segmentSize: number, tag: string) {
  await mkdir(path.join(dataDir, SEGMENT_INDEX_FOLDER), { recursive: true });
  let index = 0;
  let data = emptyStoreFile();
  const flush = async () => {
    await writeFile(path.join(dataDir, segmentFileName(index)), JSON.stringify(data), 'utf8');
  };
  const seal = async () => {
    const file = path.join(dataDir, segmentFileName(index));
    await writeSegmentIndex(file, fingerprintOf(file) as string, snapshotOf(contentsOf(data)));
  };
  type RecordList = 'customers' | 'requests' | 'orders' | 'audit';
  const append = async <K extends RecordList>(key: K, record: StoreFile[K][number]) => {
    if (recordCount(data) >= segmentSize) {
      await flush();
      await seal();
      index += 1;
      data = emptyStoreFile();
    }
    (data[key] as StoreFile[K][number][]).push(record);
  };
  for (let n = 0; n < walks; n += 1) {
    const { request, customer, audit } = walkRecords(tag, n);
    await append('requests', request);
    await append('audit', audit[0]);
    await append('audit', audit[1]);
    await append('customers', customer);
    await append('audit', audit[2]);
    await append('audit', audit[3]);
  }
  if (walks > 0) await flush();
}

/** The store files in `dataDir`: how many, their total size and the largest, in bytes. */
export async function storeFilesSize(
  dataDir: string,
): Promise<{ files: number; bytes: number; largest: number }> {
  const names = (await readdir(dataDir)).filter((name) => /^customers(-\d+)?\.json$/.test(name));
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(dataDir, name))).size));
  return { files: names.length, bytes: sizes.reduce((a, b) => a + b, 0), largest: Math.max(0, ...sizes) };
}
