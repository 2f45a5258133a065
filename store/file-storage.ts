import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

type StoredFile = { key: string; item: StoreItem };

/** What is known of a key's file: its text and eTag, or `null` when there is none. */
type Known = { text: string; eTag: unknown } | null;

/** How many keys' files are kept in memory: a few kilobytes each, for the users active lately. */
const MAX_KNOWN = 1_000;

/** Where `FileStorage` reports a state file it could not read and moved aside. */
export type FileStorageOptions = {
  onCorruptFile?: (moved: { file: string; movedTo: string; reason: string }) => void;
  now?: () => Date;
};

/** The name a corrupt state file is kept under: `<name>.corrupt-<timestamp>`, beside the others. */
export function corruptFileName(file: string, at: Date): string {
  return `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** Thrown when a write carries an eTag that is no longer the stored one: someone else wrote first. */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * Bot Framework `Storage` on the local disk: one JSON file per key in a folder, written atomically
 * (temporary file, then rename), with optimistic concurrency on eTags like the SDK's `MemoryStorage`.
 * Dialog state kept here survives a restart of the bot, and a kill (SIGKILL) of it: a write has
 * renamed its file into place before it resolves. A file that cannot be parsed is moved aside
 * (`<name>.corrupt-<timestamp>`, kept for the operator, reported to `onCorruptFile`) and read as absent,
 * so its user starts afresh instead of failing every turn.
 *
 * The folder belongs to one process (the data folder's lock), so the files of the last `MAX_KNOWN` keys
 * read or written are also kept in memory: a turn reads its state, and checks its eTag when writing,
 * without touching the disk. Files are read, written and renamed with the synchronous calls: a state
 * file is a few kilobytes, which `writeFileSync` and `renameSync` write with about half the CPU of the
 * promise calls (open, write, close, rename through the thread pool; `bench/state-write-cost.ts`),
 * and on a loaded 2-core machine each hand-off to the thread pool and back added to the turn's wait
 * (A/B in docs/BENCHMARKS.md, "Issue 17, third round"). Being synchronous, each write is also whole
 * before anything else runs, so no lock per key is needed. The cost: while a write waits on the disk,
 * the whole process waits, not only its turn; on a network share (App Service's `/home` is one) that is
 * each write's round trip, not measured here.
 */
export class FileStorage implements Storage {
  private ready: Promise<unknown> | undefined;
  private readonly known = new Map<string, Known>();

  private readonly resetKeys = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly options: FileStorageOptions = {},
  ) {}

  /** Whether `key`'s file was found corrupt and moved aside since the last call for it; forgets it. */
  takeReset(key: string): boolean {
    return this.resetKeys.delete(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = this.readKey(key);
      if (stored) items[key] = stored.item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureFolder();
    for (const [key, change] of Object.entries(changes)) {
      const newItem = change as StoreItem;
      const current = this.knownOf(key);
      if (current && newItem.eTag && newItem.eTag !== '*' && newItem.eTag !== current.eTag) {
        throw new ETagConflictError(key);
      }
      const item = { ...newItem, eTag: randomUUID() };
      const text = JSON.stringify({ key, item } satisfies StoredFile);
      const file = this.fileFor(key);
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
      writeFileSync(temporary, text);
      renameSync(temporary, file);
      this.remember(key, { text, eTag: item.eTag });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        unlinkSync(this.fileFor(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      this.remember(key, null);
    }
  }

  /** The stored item of `key` as a new object (the caller may change it), or undefined. */
  private readKey(key: string): StoredFile | undefined {
    const known = this.knownOf(key);
    if (!known) return undefined;
    const stored = JSON.parse(known.text) as StoredFile;
    return stored.key === key ? stored : undefined;
  }

  /** What is known of `key`'s file, read from disk the first time (a file moved aside is read as absent). */
  private knownOf(key: string): Known {
    const cached = this.known.get(key);
    if (cached !== undefined) {
      this.remember(key, cached);
      return cached;
    }
    let text: string;
    try {
      text = readFileSync(this.fileFor(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.remember(key, null);
      return null;
    }
    const stored = parseStoredFile(text);
    if (!isStoredFile(stored)) {
      this.moveAside(key, stored === undefined ? 'not valid JSON' : 'not a stored item');
      return null;
    }
    const known = { text, eTag: stored.item.eTag };
    this.remember(key, known);
    return known;
  }

  private remember(key: string, known: Known): void {
    this.known.delete(key);
    this.known.set(key, known);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= MAX_KNOWN) break;
      this.known.delete(oldest);
    }
  }

  private moveAside(key: string, reason: string): undefined {
    const file = this.fileFor(key);
    const movedTo = corruptFileName(file, (this.options.now ?? (() => new Date()))());
    this.known.delete(key);
    try {
      renameSync(file, movedTo);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    this.remember(key, null);
    this.resetKeys.add(key);
    this.options.onCorruptFile?.({ file: path.basename(file), movedTo: path.basename(movedTo), reason });
    return undefined;
  }

  private fileFor(key: string): string {
    return path.join(this.folder, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private ensureFolder(): Promise<unknown> {
    this.ready ??= mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

function parseStoredFile(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const { key, item } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof item === 'object' && item !== null && !Array.isArray(item);
}
