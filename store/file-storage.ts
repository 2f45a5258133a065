import { createHash, randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { importStateFiles } from './import-state-files.js';
import { type CompactionPolicy, RecordLog } from './record-log.js';

export { corruptFileName } from './record-log.js';

/** What is known of a key: its item's JSON text and eTag; `null` when there is none. */
type Known = { text: string; eTag: unknown } | null;

/** How many keys' records are kept in memory: a few kilobytes each, for the users active lately. */
const MAX_KNOWN = 1_000;

/**
 * When the dialog state's log is compacted: once 8 MiB of it are dead and the dead make more than half
 * of it. Each turn writes a 1–5 KB record, so that is every 2 000 or so turns; the rewrite costs about
 * as much per byte as the appends it makes up for (it writes the live records once, and at least as
 * many dead bytes were appended since the last one): one synchronous rewrite of the live records once
 * in a while (its time is not measured here) instead of 100–800 µs for each file created at every
 * key's first writes.
 */
const STATE_COMPACTION: CompactionPolicy = { deadBytesOver: 8 * 1024 * 1024, deadShareOver: 0.5 };

/** Where `FileStorage` reports state it could not read and kept aside for the operator. */
export type FileStorageOptions = {
  onCorruptFile?: (moved: { file: string; movedTo: string; reason: string }) => void;
  /** A compaction of the log the disk refused (nothing is lost: the log stays as it was). */
  onCompactionFailed?: (error: Error) => void;
  now?: () => Date;
};

/** Thrown when a write carries an eTag that is no longer the stored one: someone else wrote first. */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * Bot Framework `Storage` on the local disk: every key's state is a record of the folder's record log
 * (`<folder>/records.log`, `store/record-log.ts`), with optimistic concurrency on eTags like the SDK's
 * `MemoryStorage`. Dialog state kept here survives a restart of the bot, and a kill (SIGKILL) of it: a
 * write is a line appended to the log, in the page cache before it resolves; a line torn by a kill was
 * never answered and is cut off at the next start.
 *
 * Why one log: each turn writes its state, and on this machine's ext4 creating a file costs 100–800 µs
 * of wall time and a temporary file renamed into place 200–560 µs, while a record put in the log costs
 * 12–18 µs (`npx tsx bench/state-write-cost.ts`; docs/BENCHMARKS.md, "Issue 17, fifth round"). Earlier versions wrote two
 * slot files per key in place (`store/state-slot.ts`), and a key's first two writes created them; those
 * files are imported into the log when the folder is opened, then removed.
 *
 * A damaged line of the log (a checksum that does not match; not a torn last line) is reported to
 * `onCorruptFile`, its bytes kept in `records.log.corrupt-<timestamp>`, and skipped: its key reads as
 * its record before, or, with none, as absent, and then `takeReset` says so once, so that its user is
 * told their card was reset. Slot files of earlier versions none of whose slots can be read are moved
 * aside (`<name>.corrupt-<timestamp>`) and reported the same way. Nothing is fsync'ed: a power loss may
 * bring back an older version of a key, or reset it.
 *
 * The folder belongs to one process (the data folder's lock), so the records of the last `MAX_KNOWN`
 * keys read or written are also kept in memory: a turn reads its state, and checks its eTag when
 * writing, without touching the disk. The log is read and written with synchronous calls (A/B in
 * docs/BENCHMARKS.md, "Issue 17, third round": each hand-off to the thread pool added to the turn's
 * wait); being synchronous, each write is also whole before anything else runs, so no lock per key is
 * needed. The cost: while a write waits on the disk, the whole process waits; on a network share (App
 * Service's `/home` is one) that is each write's round trip, not measured here.
 */
export class FileStorage implements Storage {
  private opened: RecordLog | undefined;
  private readonly known = new Map<string, Known>();
  private readonly resetKeys = new Set<string>();
  /** sha256 of keys whose state files of an earlier version could not be read, until their key comes. */
  private unreadableHashes = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly options: FileStorageOptions = {},
  ) {}

  /** Whether `key`'s state was found corrupt and dropped since the last call for it; forgets it. */
  takeReset(key: string): boolean {
    return this.resetKeys.delete(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const known = this.knownOf(key);
      if (known) items[key] = JSON.parse(known.text) as StoreItem;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const newItem = change as StoreItem;
      const current = this.knownOf(key);
      if (current && newItem.eTag && newItem.eTag !== '*' && newItem.eTag !== current.eTag) {
        throw new ETagConflictError(key);
      }
      const item = { ...newItem, eTag: randomUUID() };
      const text = JSON.stringify(item);
      this.log().put(key, text);
      this.remember(key, { text, eTag: item.eTag });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.log().delete(key);
      this.remember(key, null);
    }
  }

  /** Closes the log's file (the bot is stopping); a later call opens it again. */
  close(): void {
    this.opened?.close();
  }

  /** What is known of `key`: from memory, or read from the log the first time. */
  private knownOf(key: string): Known {
    const cached = this.known.get(key);
    if (cached !== undefined) {
      this.remember(key, cached);
      return cached;
    }
    const log = this.log();
    if (this.unreadableHashes.size > 0) {
      const hash = createHash('sha256').update(key).digest('hex');
      if (this.unreadableHashes.delete(hash)) this.resetKeys.add(key);
    }
    const text = log.get(key);
    const known = text === undefined ? null : { text, eTag: (JSON.parse(text) as StoreItem).eTag };
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

  /** The folder's log, opened (and the state files of earlier versions imported) at the first call. */
  private log(): RecordLog {
    if (this.opened) return this.opened;
    const now = this.options.now ?? (() => new Date());
    const { log, damaged } = RecordLog.open(this.folder, {
      compaction: STATE_COMPACTION,
      now,
      onDamage: ({ line, reason, keptIn }) =>
        this.options.onCorruptFile?.({
          file: 'records.log',
          movedTo: keptIn,
          reason: `line ${line}: ${reason}`,
        }),
      onCompactionFailed: this.options.onCompactionFailed,
    });
    for (const { key, latest } of damaged) {
      if (key !== undefined && latest && !log.has(key)) this.resetKeys.add(key);
    }
    this.unreadableHashes = importStateFiles(this.folder, log, {
      now,
      onMoved: (moved) => this.options.onCorruptFile?.(moved),
    });
    this.opened = log;
    return log;
  }
}
