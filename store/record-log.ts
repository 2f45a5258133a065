import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { encodeLine } from './record-log-line.js';
import { type DamagedLine, type LogEntry, scanRecordLog } from './scan-record-log.js';

/** The log's name in its folder. */
export const RECORD_LOG_FILE = 'records.log';

/**
 * When a log is rewritten without its dead lines (replaced records, deleted ones, damaged ones): once
 * the dead bytes are over `deadBytesOver` and make more than `deadShareOver` of the file, and, with
 * `afterEveryDelete`, after every delete (for records that must not stay on disk once deleted). A log
 * whose keys are all deleted is cut to nothing at once, whatever these say.
 */
export type CompactionPolicy = { deadBytesOver: number; deadShareOver: number; afterEveryDelete?: boolean };

/** A line found damaged when the log was opened: skipped, its bytes kept in `keptIn` for the operator. */
export type RecordLogDamage = Omit<DamagedLine, 'bytes'> & {
  /** The file of the folder that holds the damaged lines. */
  keptIn: string;
};

/** How a record log compacts, and where it reports what its operator should know (never a record). */
export type RecordLogOptions = {
  compaction: CompactionPolicy;
  onDamage?: (damage: RecordLogDamage) => void;
  /** A compaction the disk refused: the log stays as it was, and the next change tries again. */
  onCompactionFailed?: (error: Error) => void;
  now?: () => Date;
};

/** The name damaged lines of `file` are kept under: `<name>.corrupt-<timestamp>`, beside it. */
export function corruptFileName(file: string, at: Date): string {
  return `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Records kept by key in one append-only file of a folder, `records.log`, for one process (the data
 * folder's lock): each put or delete appends one line with a checksum (`store/record-log-line.ts`) with
 * one synchronous `writeSync` to a file kept open, and an index in memory says where each live key's
 * latest line is, so `keys()` costs nothing and `get` is one `readSync`. On this machine's ext4 a put
 * costs 12–18 µs of wall time, while creating a file costs 100–800 µs and a temporary file renamed into
 * place 200–560 µs (`npx tsx bench/state-write-cost.ts`; docs/BENCHMARKS.md, "Issue 17, fifth round").
 *
 * What survives a kill (SIGKILL) at any moment: every put and delete that returned, since its line is
 * in the page cache by then. A line torn by the kill (the last one, without its newline) is cut off when
 * the log is next opened; it was never acknowledged. A damaged line before the end (not torn: a
 * checksum that does not match) is reported to `onDamage` and skipped, its key reading as its previous
 * record, and its bytes are copied to `records.log.corrupt-<timestamp>` for the operator. An append the
 * disk refuses is cut back with `ftruncate`, so the next line starts a line; if even that fails, the next
 * change first rewrites the log. Nothing is fsync'ed: a power cut may lose the last lines.
 *
 * Dead lines are dropped by compaction: the live lines are written to `records.log.tmp`, which is then
 * renamed over the log, synchronously (a crash in between leaves the old log whole, and the temporary
 * file is removed at the next open). Each log says when, in its `CompactionPolicy`.
 */
export class RecordLog {
  private fd: number | undefined;
  private index = new Map<string, LogEntry>();
  /** Bytes of whole lines in the file, where a failed append is cut back to. */
  private length = 0;
  private liveBytes = 0;
  /** True when a failed append could not be cut back: the next change rewrites the log first. */
  private broken = false;

  private constructor(
    readonly file: string,
    private readonly options: RecordLogOptions,
  ) {}

  /**
   * Opens the log of `folder`, reading it once: a torn last line is cut off, damaged lines are reported
   * and kept aside, and the log is compacted if its policy says so. A folder or log that does not exist
   * yet is an empty log, created by the first put.
   */
  static open(folder: string, options: RecordLogOptions): { log: RecordLog; damaged: RecordLogDamage[] } {
    const log = new RecordLog(path.join(folder, RECORD_LOG_FILE), options);
    const damaged = log.load();
    for (const damage of damaged) options.onDamage?.(damage);
    log.compactIfDue();
    return { log, damaged };
  }

  /** How many keys have a record. */
  get size(): number {
    return this.index.size;
  }

  /** Whether `key` has a record. */
  has(key: string): boolean {
    return this.index.has(key);
  }

  /** Every key with a record, in the order they were first put (after a compaction, in any order). */
  keys(): string[] {
    return [...this.index.keys()];
  }

  /** The JSON text of `key`'s record, read from the file, or undefined when it has none. */
  get(key: string): string | undefined {
    const entry = this.index.get(key);
    if (!entry) return undefined;
    return this.read(entry.valueAt, entry.valueBytes).toString('utf8');
  }

  /** Puts `value`, one JSON text (as `JSON.stringify` gives it: no newline), as `key`'s record. */
  put(key: string, value: string): void {
    if (value.includes('\n')) throw new Error('a record log value must be one line of JSON');
    const { bytes, valueAt } = encodeLine(key, value);
    const at = this.append(bytes);
    this.forget(key);
    this.index.set(key, {
      at,
      bytes: bytes.length,
      valueAt: at + valueAt,
      valueBytes: bytes.length - valueAt - 2,
    });
    this.liveBytes += bytes.length;
    this.compactIfDue();
  }

  /** Deletes `key`'s record; nothing to do when it has none. The last key deleted empties the file. */
  delete(key: string): void {
    if (!this.index.has(key)) return;
    if (this.index.size === 1 && !this.broken) {
      this.truncate();
      return;
    }
    this.append(encodeLine(key, undefined).bytes);
    this.forget(key);
    this.compactIfDue(this.options.compaction.afterEveryDelete);
  }

  /** Closes the file; a later call opens it again. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private load(): RecordLogDamage[] {
    removeIfThere(`${this.file}.tmp`);
    let content: Buffer;
    try {
      content = readFileSync(this.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw new Error(`Cannot read the record log ${this.file}: ${(error as Error).message}`);
    }
    const { index, liveBytes, wholeBytes, damaged } = scanRecordLog(content);
    this.index = index;
    this.liveBytes = liveBytes;
    this.length = wholeBytes;
    this.fd = openSync(this.file, 'a+');
    if (content.length > wholeBytes) ftruncateSync(this.fd, wholeBytes);
    if (damaged.length === 0) return [];
    const keptIn = corruptFileName(this.file, (this.options.now ?? (() => new Date()))());
    writeFileSync(keptIn, Buffer.concat(damaged.map((line) => line.bytes)));
    return damaged.map(({ bytes: _bytes, ...damage }) => ({ ...damage, keptIn: path.basename(keptIn) }));
  }

  private forget(key: string): void {
    const previous = this.index.get(key);
    if (!previous) return;
    this.index.delete(key);
    this.liveBytes -= previous.bytes;
  }

  /** Appends `bytes` and returns the offset of their line; a failed append is cut back, and throws. */
  private append(bytes: Buffer): number {
    if (this.broken) this.compact();
    const fd = this.handle();
    const at = this.length;
    try {
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) throw new Error(`wrote ${written} of ${bytes.length} bytes`);
    } catch (error) {
      this.cutBack(fd);
      throw new Error(`Cannot append to the record log ${this.file}: ${(error as Error).message}`);
    }
    this.length += bytes.length;
    return at;
  }

  private cutBack(fd: number): void {
    try {
      ftruncateSync(fd, this.length);
    } catch {
      this.broken = true;
    }
  }

  private truncate(): void {
    ftruncateSync(this.handle(), 0);
    this.index.clear();
    this.length = 0;
    this.liveBytes = 0;
    this.broken = false;
  }

  private compactIfDue(now = false): void {
    const dead = this.length - this.liveBytes;
    if (dead === 0) return;
    const { deadBytesOver, deadShareOver } = this.options.compaction;
    const due = now || (dead > deadBytesOver && dead > deadShareOver * this.length);
    if (this.index.size > 0 && !due) return;
    try {
      if (this.index.size === 0) this.truncate();
      else this.compact();
    } catch (error) {
      if (!this.options.onCompactionFailed) throw error;
      this.options.onCompactionFailed(error as Error);
    }
  }

  /** Writes the live lines to a temporary file and renames it over the log. */
  private compact(): void {
    const tmp = `${this.file}.tmp`;
    const live = Buffer.allocUnsafe(this.liveBytes);
    const index = new Map<string, LogEntry>();
    let length = 0;
    for (const [key, entry] of this.index) {
      this.read(entry.at, entry.bytes).copy(live, length);
      index.set(key, { ...entry, at: length, valueAt: length + entry.valueAt - entry.at });
      length += entry.bytes;
    }
    try {
      writeFileSync(tmp, live);
      renameSync(tmp, this.file);
    } catch (error) {
      removeIfThere(tmp);
      throw new Error(`Cannot compact the record log ${this.file}: ${(error as Error).message}`);
    }
    this.close();
    this.index = index;
    this.length = length;
    this.broken = false;
  }

  private read(at: number, bytes: number): Buffer {
    const buffer = Buffer.allocUnsafe(bytes);
    const fd = this.handle();
    let done = 0;
    while (done < bytes) {
      const read = readSync(fd, buffer, done, bytes - done, at + done);
      if (read === 0) throw new Error(`The record log ${this.file} ends before offset ${at + bytes}`);
      done += read;
    }
    return buffer;
  }

  private handle(): number {
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a+');
    }
    return this.fd;
  }
}

function removeIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
}
