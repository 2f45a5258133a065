import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { type Customer, type StoreFile, StoreFileSchema } from './customer-schema.js';
import { StoreFileError } from './store-file-error.js';
import { StoreManifest } from './store-manifest.js';

const LATER_SEGMENT = /^customers-(\d{6,})\.json$/;

/**
 * The file name of segment `index` in the data folder: `customers.json` for the first one (the store's
 * original single file, so an existing store is read as it is), then `customers-000001.json`, … .
 */
export function segmentFileName(index: number): string {
  return index === 0 ? 'customers.json' : `customers-${String(index).padStart(6, '0')}.json`;
}

/** How many records (customers, requests, orders and audit entries) a store file holds. */
export function recordCount(data: StoreFile): number {
  return data.customers.length + data.requests.length + data.orders.length + data.audit.length;
}

/** An empty store file. */
export function emptyStoreFile(): StoreFile {
  return { customers: [], requests: [], orders: [], audit: [] };
}

/**
 * One file of the customer store: a lowdb JSON file with the whole store's shape, holding the records
 * appended while it was the newest one. Each write replaces the file atomically (lowdb's writer writes
 * a temporary file, then renames it), so a crash mid-write leaves the previous version.
 *
 * Once sealed (a newer file takes the appends), a segment keeps only its customers in memory while no
 * one uses it; `use` reads its requests, orders and audit lines back from the file when needed.
 */
export class StoreSegment {
  private readonly db: Low<StoreFile>;
  private sealed = false;
  private released = false;
  private users = 0;
  private reloading: Promise<void> | undefined;

  constructor(
    readonly index: number,
    readonly file: string,
    data: StoreFile = emptyStoreFile(),
    private readonly manifest?: StoreManifest,
  ) {
    this.db = new Low<StoreFile>(new JSONFile<StoreFile>(file), data);
  }

  /** The whole content while it is in memory: just loaded, the newest segment, or inside `use`. */
  get data(): StoreFile {
    if (this.released) throw new Error(`${this.file} is not in memory; read it through use()`);
    return this.db.data;
  }

  /** Records in the file; only meaningful for the newest segment, which is never released. */
  get recordCount(): number {
    return recordCount(this.db.data);
  }

  /**
   * Runs `work` on the whole content of the file, read back first if it was released. Changes made by
   * `work` must be saved with `write` before it returns; the content stays in memory until then.
   */
  async use<T>(work: (data: StoreFile) => T | Promise<T>): Promise<T> {
    this.users += 1;
    try {
      if (this.released) await this.reload();
      return await work(this.db.data);
    } finally {
      this.users -= 1;
      this.releaseIfIdle();
    }
  }

  /**
   * Saves the whole segment; concurrent calls are merged by lowdb's writer into the latest content. The
   * first write of a new file lists it in the store's manifest.
   */
  async write(): Promise<void> {
    await this.db.write();
    if (this.manifest && !this.manifest.has(this.index)) await this.manifest.add(this.index);
  }

  /** The segment that takes the appends after this one: the next file in the same folder, empty. */
  following(): StoreSegment {
    const index = this.index + 1;
    const file = path.join(path.dirname(this.file), segmentFileName(index));
    return new StoreSegment(index, file, emptyStoreFile(), this.manifest);
  }

  /**
   * Puts each customer in place of the record with its id in this file, or appends it, and writes the
   * file once; if the write fails, the file's records are as they were.
   */
  putCustomers(customers: readonly Customer[]): Promise<void> {
    return this.use(async (data) => {
      const undo: (() => void)[] = [];
      for (const customer of customers) {
        const at = data.customers.findIndex((candidate) => candidate.id === customer.id);
        const previous = data.customers[at];
        if (previous) {
          data.customers[at] = customer;
          undo.push(() => data.customers.splice(data.customers.indexOf(customer), 1, previous));
        } else {
          data.customers.push(customer);
          undo.push(() => data.customers.splice(data.customers.lastIndexOf(customer), 1));
        }
      }
      try {
        await this.write();
      } catch (error) {
        for (const step of undo.reverse()) step();
        throw error;
      }
    });
  }

  /** Marks the segment as no longer the newest: its requests, orders and audit lines may leave memory. */
  seal(): void {
    this.sealed = true;
    this.releaseIfIdle();
  }

  private releaseIfIdle(): void {
    if (!this.sealed || this.released || this.users > 0) return;
    this.db.data = { ...emptyStoreFile(), customers: this.db.data.customers };
    this.released = true;
  }

  private reload(): Promise<void> {
    this.reloading ??= readStoreFile(this.file)
      .then((stored) => {
        this.db.data = { ...stored, customers: this.db.data.customers };
        this.released = false;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}

/**
 * Reads and validates the segment files in `dataDir` one at a time, oldest first, so that a caller can
 * index and seal each before the next is parsed (the next file is read from disk meanwhile); a new folder
 * gives one empty segment. With `keepManifest` (the store itself, not a reader of its files), a file
 * listed in `store-manifest.json` but missing is a `StoreFileError`, the files present are listed (the
 * manifest is created from them when the store has none), and new files are listed when first written.
 */
export async function* readSegments(
  dataDir: string,
  options: { keepManifest?: boolean } = {},
): AsyncGenerator<StoreSegment> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    throw new StoreFileError(`Cannot list the customer store folder ${dataDir}: ${(error as Error).message}`);
  }
  const later = names.flatMap((name) => {
    const match = LATER_SEGMENT.exec(name);
    return match ? [Number(match[1])] : [];
  });
  const indexes = [0, ...later.sort((a, b) => a - b)];
  const fileOf = (index: number) => path.join(dataDir, segmentFileName(index));
  const manifest = options.keepManifest ? await StoreManifest.read(dataDir) : undefined;
  if (manifest) {
    const present = names.includes(segmentFileName(0)) ? indexes : indexes.slice(1);
    const missing = manifest.missingFrom(present);
    if (missing.length > 0) {
      throw new StoreFileError(
        `The customer store ${missing.map(fileOf).join(', ')} is missing: ${manifest.file} lists it, so its customers would be lost. Restore it from a backup (or, to start without those customers, remove its number from ${manifest.file}).`,
      );
    }
    await manifest.add(...present);
  }
  let reading = readText(fileOf(0));
  for (const [position, index] of indexes.entries()) {
    const text = await reading;
    const following = indexes[position + 1];
    if (following !== undefined) reading = readText(fileOf(following));
    yield new StoreSegment(index, fileOf(index), parseStoreFile(fileOf(index), text), manifest);
  }
}

/** Reads and validates one store file; a missing file is an empty store. */
async function readStoreFile(file: string): Promise<StoreFile> {
  return parseStoreFile(file, await readText(file));
}

/** The text of a store file, undefined when it does not exist, or the error to throw when it is parsed. */
async function readText(file: string): Promise<string | undefined | StoreFileError> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return new StoreFileError(`Cannot read the customer store ${file}: ${(error as Error).message}`);
  }
}

function parseStoreFile(file: string, text: string | undefined | StoreFileError): StoreFile {
  if (text instanceof StoreFileError) throw text;
  if (text === undefined) return emptyStoreFile();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(`The customer store ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = StoreFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreFileError(
      `The customer store ${file} does not have the expected shape (${first?.path.join('.')}: ${first?.message})`,
    );
  }
  return parsed.data;
}
