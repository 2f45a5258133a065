import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { CustomerKeyIndex } from '../store/customer-key-index.js';
import { keysOf } from '../store/customer-keys.js';
import { DEFAULT_SEGMENT_SIZE } from '../store/lowdb-customer-store.js';
import { readStoreFile } from '../store/read-store-file.js';
import { SEGMENT_INDEX_FOLDER } from '../store/segment-index.js';
import { createScratch } from './bench-context.js';
import { walkRecords } from './children/walk-records.js';
import { seedStore } from './seed-store.js';

/**
 * `node --expose-gc --import tsx bench/measure-key-memory.ts [--customers 100000] [--files 10000]`: where
 * the JSON store's memory goes. Prints the heap a `CustomerKeyIndex` of bench customers holds per customer
 * (`v8.getHeapStatistics()` after full GCs: what building it adds, and what dropping it frees) and the
 * mean length of each key, the heap of one parsed store file of the default size (what the segment cache
 * holds per file), and the bytes of the index files against the store files of a store of `files`
 * customers seeded as the bench does.
 */
const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, files: { type: 'string', default: '10000' } },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx');
const heap = () => {
  for (let i = 0; i < 4; i += 1) gc();
  return v8.getHeapStatistics().used_heap_size;
};
const count = Number(values.customers);
const text = JSON.stringify(
  Array.from({ length: count }, (_, n) => keysOf(walkRecords('abcd1234', n).customer)),
);
/** The index of every customer in `text`, built in a function of its own so that nothing of the parse stays reachable. */
function indexOf(json: string): CustomerKeyIndex {
  const index = new CustomerKeyIndex();
  for (const [n, keys] of (JSON.parse(json) as ReturnType<typeof keysOf>[]).entries()) {
    index.add(keys, Math.floor(n / 33));
  }
  return index;
}
/** `count` parsed copies of a store file. */
async function parsedCopies(file: string, count: number): Promise<unknown[]> {
  const copies: unknown[] = [];
  for (let i = 0; i < count; i += 1) copies.push(await readStoreFile(file));
  return copies;
}
const holder: { index?: CustomerKeyIndex; files?: unknown[] } = {};
const base = heap();
holder.index = indexOf(text);
const withIndex = heap();
holder.index = undefined;
const without = heap();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
process.stdout.write(
  `CustomerKeyIndex: ${((withIndex - base) / count).toFixed(0)} bytes per customer (${((withIndex - without) / count).toFixed(0)} freed once dropped)\n`,
);
const sample = (JSON.parse(text) as Record<string, string | undefined>[]).slice(0, 1000);
const fields = ['id', 'requestId', 'domainPrefix', 'normalisedName', 'contactEmail', 'searchName', 'domain'];
const lengths = fields.map((field) => {
  const mean = sample.reduce((sum, keys) => sum + (keys[field]?.length ?? 0), 0) / sample.length;
  return `${field} ${mean.toFixed(1)}`;
});
process.stdout.write(`mean key lengths: ${lengths.join(', ')}\n`);
const scratch = await createScratch();
try {
  const dataDir = path.join(scratch.dir, 'store');
  await seedStore(dataDir, Number(values.files), DEFAULT_SEGMENT_SIZE, 'abcd1234');
  const sizeOf = async (dir: string, pattern: RegExp) => {
    const names = (await readdir(dir)).filter((name) => pattern.test(name));
    return (await Promise.all(names.map(async (name) => (await stat(path.join(dir, name))).size))).reduce(
      (a, b) => a + b,
      0,
    );
  };
  const storeBytes = await sizeOf(dataDir, /^customers(-\d+)?\.json$/);
  const indexBytes = await sizeOf(path.join(dataDir, SEGMENT_INDEX_FOLDER), /\.json$/);
  process.stdout.write(
    `${values.files} customers: store files ${kb(storeBytes)}, index files ${kb(indexBytes)} (${((100 * indexBytes) / storeBytes).toFixed(1)} %)\n`,
  );
  const file = path.join(dataDir, 'customers-000001.json');
  const empty = heap();
  holder.files = await parsedCopies(file, 20);
  const withFiles = heap();
  holder.files = undefined;
  const parsedBytes = (withFiles - empty) / 20;
  process.stdout.write(
    `one parsed store file of ${kb((await stat(file)).size)}: ${kb(parsedBytes)} of heap\n`,
  );
} finally {
  await scratch.dispose();
}
