import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile, DataFileSync } from 'lowdb/node';
import type { Customer, StoreFile } from './customer-schema.js';
import { emptyStoreFile, readStoreFile } from './read-store-file.js';
import type { SegmentCache } from './segment-cache.js';
import {
  contentsOf,
  fingerprintOf,
  indexFileOf,
  type SegmentContents,
  snapshotOf,
  writeSegmentIndex,
} from './segment-index.js';
import { journalFileOf, putLatest, type SegmentChange, SegmentJournal } from './segment-journal.js';
import type { StoreManifest } from './store-manifest.js';

export { emptyStoreFile } from './read-store-file.js';

/**
 * The file name of segment `index` in the data folder: `customers.json` for the first one (the store's
 * original single file, so an existing store is read as it is), then `customers-000001.json`, … .
 */
export function segmentFileName(index: number): string {
  return index === 0 ? 'customers.json' : `customers-${String(index).padStart(6, '0')}.json`;
}

/**
 * Store files are written as compact JSON: lowdb's `JSONFile` indents with two spaces, which made its
 * `stringify` the largest single function of a turn's profile and the files a third larger, and nothing
 * reads them by eye (docs/BENCHMARKS.md). Files written indented by earlier versions read the same.
 */
const compactJson = { parse: JSON.parse, stringify: (data: StoreFile) => JSON.stringify(data) };

/** How many records (customers, requests, orders and audit entries) a store file holds. */
export function recordCount(data: StoreFile): number {
  return data.customers.length + data.requests.length + data.orders.length + data.audit.length;
}

/** Where a segment lists itself, whether it keeps an index, its cache, and whether a journal was found. */
export type SegmentOptions = {
  manifest?: StoreManifest;
  keepsIndex?: boolean;
  cache?: SegmentCache;
  journalLeft?: boolean;
};

/**
 * One file of the customer store: a lowdb JSON file with the whole store's shape, holding the records
 * appended while it was the newest one. Each change after the file's first write is appended to its
 * journal (`segment-journal.ts`); the file itself is written whole, atomically (a temporary file, then a
 * rename), when it is created, when it is sealed, and when the store opens on a journal left beside it.
 * A whole write records how many journalled changes it holds; the journal goes once it holds them all.
 *
 * Once sealed (a newer file takes the appends), a segment's content may leave memory while no call uses
 * it: the store's `SegmentCache` keeps the few used last and releases the others, and `use` reads a
 * released file back (and validates it) when a call needs its customers, requests, orders or audit lines.
 * When the store keeps indexes, a sealed segment also writes, once idle, an index file (`segment-index.ts`)
 * with the look-up keys from which the next start indexes its customers without reading the store file.
 */
export class StoreSegment {
  private readonly db: Low<StoreFile>;
  private sealed = false;
  private released = false;
  private users = 0;
  private reloading: Promise<void> | undefined;
  /** Writes started so far: an index is saved only for a version no write has changed since. */
  private writes = 0;
  /** The write count of the version whose index is written, or being written. */
  private indexedAtWrite: number | undefined;
  private indexing: Promise<void> = Promise.resolve();
  private indexedContents: SegmentContents | undefined;
  private readonly journal: SegmentJournal;
  /** Whether the store file exists on disk; known once asked. */
  private onDisk: boolean | undefined;
  private compacting: Promise<void> = Promise.resolve();

  constructor(
    readonly index: number,
    readonly file: string,
    data: StoreFile = emptyStoreFile(),
    private readonly options: SegmentOptions = {},
  ) {
    this.db = new Low<StoreFile>(new DataFile<StoreFile>(file, compactJson), data);
    this.journal = new SegmentJournal(journalFileOf(file), options.journalLeft);
  }

  /** A sealed segment indexed from its up-to-date index file: nothing of it in memory until a call uses it. */
  static fromIndex(
    index: number,
    file: string,
    contents: SegmentContents,
    options: SegmentOptions,
  ): StoreSegment {
    const segment = new StoreSegment(index, file, emptyStoreFile(), { ...options, keepsIndex: true });
    segment.sealed = true;
    segment.released = true;
    segment.indexedAtWrite = 0;
    segment.indexedContents = contents;
    return segment;
  }

  /**
   * What the store indexes of this file when it opens: taken from the index file, or from the content just
   * read. Given once: the keys are not kept here afterwards.
   */
  takeContents(): SegmentContents {
    const contents = this.indexedContents ?? contentsOf(this.data);
    this.indexedContents = undefined;
    return contents;
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
      this.settle();
    }
  }

  /**
   * Saves `change`, already made to the content in memory: appended to the journal once the file is on
   * disk, else by writing the whole file. The first write of a new file lists it in the manifest.
   */
  async write(change: SegmentChange): Promise<void> {
    this.writes += 1;
    if (this.journal.usable && this.isOnDisk()) {
      // the content in memory numbers the journalled changes it holds, as a whole write records them
      const n = this.journaled + 1;
      this.journal.append(n, change);
      this.db.data.journaled = n;
      return;
    }
    if (this.isOnDisk()) await this.writeWhole();
    else this.createOnDisk();
    const { manifest } = this.options;
    if (manifest && !manifest.has(this.index)) await manifest.add(this.index);
  }

  /**
   * Writes the whole file, with the number of the last journalled change it holds, and removes the
   * journal when no change was appended meanwhile. Used as the store opens on a journal left by a
   * previous run, so that new changes never follow a line that run may have cut short.
   */
  async compact(): Promise<void> {
    await this.use(() => this.writeWhole());
  }

  /**
   * Writes a new file whole and synchronously (lowdb's `DataFileSync`: a temporary file, then a rename),
   * so that every later change goes to the journal. Through the asynchronous writer, a new file under
   * steady writes was not known to be on disk until the writer's queue drained, and each change meanwhile
   * rewrote it whole (docs/BENCHMARKS.md, "Issue 17, fifth round: a new store file written once").
   */
  private createOnDisk(): void {
    new DataFileSync<StoreFile>(this.file, compactJson).write(this.db.data);
    this.onDisk = true;
  }

  private async writeWhole(): Promise<void> {
    const held = this.journaled;
    await this.db.write();
    this.onDisk = true;
    if (this.journal.exists && held === this.journaled) this.journal.remove();
  }

  /** Whether a journal file may be beside the store file (one left by a previous run, or appended to). */
  get hasJournal(): boolean {
    return this.journal.exists;
  }

  /** The number of the last journalled change the content in memory holds (0 for none). */
  private get journaled(): number {
    return this.db.data.journaled ?? 0;
  }

  private isOnDisk(): boolean {
    this.onDisk ??= existsSync(this.file);
    return this.onDisk;
  }

  /** The segment that takes the appends after this one: the next file in the same folder, empty. */
  following(): StoreSegment {
    const index = this.index + 1;
    const file = path.join(path.dirname(this.file), segmentFileName(index));
    return new StoreSegment(index, file, emptyStoreFile(), this.options);
  }

  /**
   * Puts each customer in place of the record with its id in this file, or appends it, and writes the
   * file once; if the write fails, the file's records are as they were.
   */
  putCustomers(customers: readonly Customer[]): Promise<void> {
    return this.use(async (data) => {
      const undo: (() => void)[] = [];
      for (const customer of customers) {
        const previous = data.customers.findLast((candidate) => candidate.id === customer.id);
        putLatest(data.customers, customer);
        undo.push(() =>
          previous
            ? data.customers.splice(data.customers.indexOf(customer), 1, previous)
            : data.customers.splice(data.customers.lastIndexOf(customer), 1),
        );
      }
      try {
        await this.write({ customers: [...customers] });
      } catch (error) {
        for (const step of undo.reverse()) step();
        throw error;
      }
    });
  }

  /** No longer the newest: its journal is folded into the file in the background; its content may leave memory. */
  seal(): void {
    this.sealed = true;
    if (this.journal.exists) this.compacting = this.compact().catch(() => undefined);
    this.settle();
  }

  /** Resolves once the journal folding and the index file this segment started, if any, are done. */
  async backgroundWritesDone(): Promise<void> {
    await this.compacting;
    await this.indexing;
  }

  /** Lets a sealed segment's content leave memory unless a call uses it (the cache's least recently used). */
  release(): void {
    if (!this.sealed || this.released || this.users > 0) return;
    this.db.data = emptyStoreFile();
    this.released = true;
  }

  /** Once a sealed segment is idle: writes its index if it is stale, and hands it to the cache (or releases it). */
  private settle(): void {
    if (!this.sealed || this.released || this.users > 0) return;
    this.saveIndex();
    if (this.options.cache) this.options.cache.keep(this);
    else this.release();
  }

  /**
   * Writes the index of the version on disk, in the background. Called when no call uses the segment, so
   * memory holds what the file holds (failed writes are undone); the file's fingerprint and the records
   * are taken together, synchronously, so the index never names another version than the one it holds.
   * Failing to write it loses nothing: the next start reads the store file instead.
   */
  private saveIndex(): void {
    // with a journal beside the file, the next start reads the file and its journal, not an index
    if (!this.options.keepsIndex || this.journal.exists || this.indexedAtWrite === this.writes) return;
    const writes = this.writes;
    const fingerprint = fingerprintOf(this.file);
    if (fingerprint === undefined) return;
    const snapshot = snapshotOf(contentsOf(this.db.data));
    this.indexedAtWrite = writes;
    this.indexing = this.indexing.then(async () => {
      try {
        await mkdir(path.dirname(indexFileOf(this.file)), { recursive: true });
        await writeSegmentIndex(this.file, fingerprint, snapshot);
      } catch {
        // An index that could not be written is only a slower next start: the store file is read instead.
        if (this.indexedAtWrite === writes) this.indexedAtWrite = undefined;
      }
    });
  }

  private reload(): Promise<void> {
    this.reloading ??= readStoreFile(this.file)
      .then((stored) => {
        this.db.data = stored;
        this.released = false;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
