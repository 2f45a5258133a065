import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { Writer } from 'steno';
import { KeyedLock } from './keyed-lock.js';

type StoredFile = { key: string; item: StoreItem };

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
 * Dialog state kept here survives a restart of the bot. A file that cannot be parsed is moved aside
 * (`<name>.corrupt-<timestamp>`, kept for the operator, reported to `onCorruptFile`) and read as absent,
 * so its user starts afresh instead of failing every turn.
 */
export class FileStorage implements Storage {
  private readonly lock = new KeyedLock();
  private ready: Promise<unknown> | undefined;

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
      const stored = await this.readFile(key);
      if (stored) items[key] = stored.item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureFolder();
    for (const [key, change] of Object.entries(changes)) {
      await this.lock.run(key, async () => {
        const newItem = change as StoreItem;
        const current = await this.readFile(key);
        if (current && newItem.eTag && newItem.eTag !== '*' && newItem.eTag !== current.item.eTag) {
          throw new ETagConflictError(key);
        }
        const item = { ...newItem, eTag: randomUUID() };
        const stored: StoredFile = { key, item };
        await new Writer(this.fileFor(key)).write(JSON.stringify(stored));
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.lock.run(key, async () => {
        try {
          await unlink(this.fileFor(key));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      });
    }
  }

  /**
   * Reads the file synchronously: a state file is a few kilobytes, which `readFileSync` reads in tens of
   * microseconds, where the thread pool's open, stat, read and close took ten times as long and most of
   * the file system time of a turn (`npm run bench -- --profile`, docs/BENCHMARKS.md).
   */
  private async readFile(key: string): Promise<StoredFile | undefined> {
    let text: string;
    try {
      text = readFileSync(this.fileFor(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      return this.moveAside(key, 'not valid JSON');
    }
    if (!isStoredFile(stored)) return this.moveAside(key, 'not a stored item');
    return stored.key === key ? stored : undefined;
  }

  private async moveAside(key: string, reason: string): Promise<undefined> {
    const file = this.fileFor(key);
    const movedTo = corruptFileName(file, (this.options.now ?? (() => new Date()))());
    try {
      await rename(file, movedTo);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
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

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const { key, item } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof item === 'object' && item !== null && !Array.isArray(item);
}
