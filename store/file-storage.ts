import { createHash, randomUUID } from 'node:crypto';
import { renameSync, unlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import {
  decodeStateSlot,
  encodeStateSlot,
  readSlotFile,
  type StoredFile,
  writeSlotFile,
} from './state-slot.js';

/**
 * A key's two slot files: `0` is `<sha256 of the key>.json` (the name files of earlier versions had,
 * read as the oldest version), `1` is `<sha256 of the key>.b.json`. See `store/state-slot.ts`.
 */
type Slot = 0 | 1;
const SLOT_FILE_SUFFIXES = ['.json', '.b.json'] as const;
const SLOTS: readonly Slot[] = [0, 1];

/** What is known of a key: its record's text and eTag, its sequence and slot; `null` when there is none. */
type Known = { text: string; eTag: unknown; sequence: number; slot: Slot } | null;

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
 * Bot Framework `Storage` on the local disk: each key's state in two slot files of a folder, with
 * optimistic concurrency on eTags like the SDK's `MemoryStorage`. Dialog state kept here survives a
 * restart of the bot, and a kill (SIGKILL) of it: a write is in the page cache before it resolves, and
 * a write torn by a kill leaves the version before it readable in the other slot. A key none of whose
 * slots can be read is moved aside (`<name>.corrupt-<timestamp>`, kept for the operator, reported to
 * `onCorruptFile`) and read as absent, so its user starts afresh instead of failing every turn.
 *
 * Each write goes in place to the slot that does not hold the current version, without truncating or
 * renaming (`store/state-slot.ts` explains the format): on ext4, replacing a file by rename, or
 * truncating it, makes the kernel allocate and start writing back its data at once, and that was most
 * of a state write's cost (`bench/state-write-cost.ts`: 14–36 µs of wall time per write in place
 * against 250–425 µs for a truncating write or a temporary file renamed into place; docs/BENCHMARKS.md,
 * "Issue 17, fourth round"). A key's first two writes create its slot files, which costs about as much
 * as the temporary file and rename did. Nothing is fsync'ed, before or now: a power loss may bring back
 * an older version of a key, or reset it.
 *
 * The folder belongs to one process (the data folder's lock), so the records of the last `MAX_KNOWN`
 * keys read or written are also kept in memory: a turn reads its state, and checks its eTag when
 * writing, without touching the disk. Files are read and written with the synchronous calls: a state
 * file is a few kilobytes, and on a loaded 2-core machine each hand-off to the thread pool and back
 * added to the turn's wait (A/B in docs/BENCHMARKS.md, "Issue 17, third round"). Being synchronous,
 * each write is also whole before anything else runs, so no lock per key is needed. The cost: while a
 * write waits on the disk, the whole process waits, not only its turn; on a network share (App
 * Service's `/home` is one) that is each write's round trip, not measured here.
 */
export class FileStorage implements Storage {
  private ready: Promise<unknown> | undefined;
  private readonly known = new Map<string, Known>();

  private readonly resetKeys = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly options: FileStorageOptions = {},
  ) {}

  /** Whether `key`'s files were found corrupt and moved aside since the last call for it; forgets it. */
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
      const sequence = (current?.sequence ?? 0) + 1;
      const slot: Slot = current?.slot === 0 ? 1 : 0;
      writeSlotFile(this.fileFor(key, slot), encodeStateSlot(sequence, text));
      this.remember(key, { text, eTag: item.eTag, sequence, slot });
    }
  }

  /**
   * Removes both slots of each key, the one without the current version first: a kill in between
   * leaves the key as it was, not an older version of it.
   */
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const current = this.known.get(key);
      const order: readonly Slot[] = current?.slot === 1 ? [0, 1] : [1, 0];
      for (const slot of order) {
        try {
          unlinkSync(this.fileFor(key, slot));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
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

  /**
   * What is known of `key`, read from disk the first time: the newest slot that is whole (one that is
   * not, beside a whole one, is a torn write and ignored). Slots none of which is whole are moved aside
   * and read as absent.
   */
  private knownOf(key: string): Known {
    const cached = this.known.get(key);
    if (cached !== undefined) {
      this.remember(key, cached);
      return cached;
    }
    let newest: Known = null;
    const unreadable: { slot: Slot; reason: string }[] = [];
    for (const slot of SLOTS) {
      const bytes = readSlotFile(this.fileFor(key, slot));
      if (bytes === undefined) continue;
      const decoded = decodeStateSlot(bytes);
      if (!decoded.valid) {
        unreadable.push({ slot, reason: decoded.reason });
      } else if (!newest || decoded.sequence > newest.sequence) {
        const { text, sequence, stored } = decoded;
        newest = { text, eTag: stored.item.eTag, sequence, slot };
      }
    }
    if (!newest && unreadable.length > 0) return this.moveAside(key, unreadable);
    this.remember(key, newest);
    return newest;
  }

  private remember(key: string, known: Known): void {
    this.known.delete(key);
    this.known.set(key, known);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= MAX_KNOWN) break;
      this.known.delete(oldest);
    }
  }

  private moveAside(key: string, unreadable: { slot: Slot; reason: string }[]): null {
    const at = (this.options.now ?? (() => new Date()))();
    const moved: { file: string; movedTo: string; reason: string }[] = [];
    for (const { slot, reason } of unreadable) {
      const file = this.fileFor(key, slot);
      const movedTo = corruptFileName(file, at);
      try {
        renameSync(file, movedTo);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      moved.push({ file: path.basename(file), movedTo: path.basename(movedTo), reason });
    }
    this.remember(key, null);
    if (moved.length > 0) this.resetKeys.add(key);
    for (const report of moved) this.options.onCorruptFile?.(report);
    return null;
  }

  private fileFor(key: string, slot: Slot): string {
    const name = createHash('sha256').update(key).digest('hex');
    return path.join(this.folder, `${name}${SLOT_FILE_SUFFIXES[slot]}`);
  }

  private ensureFolder(): Promise<unknown> {
    this.ready ??= mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}
