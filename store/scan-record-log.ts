import { decodeLine, lineEnds } from './record-log-line.js';

/** Where a key's latest line is in a record log's file, and its value within it (byte offsets). */
export type LogEntry = { at: number; bytes: number; valueAt: number; valueBytes: number };

/** A line that is whole (it ends with a newline) but damaged, as found in the file. */
export type DamagedLine = {
  /** 1-based line number. */
  line: number;
  reason: string;
  /** The key the line seems to name (it may be wrong: the line is damaged), for telling its owner. */
  key: string | undefined;
  /** Whether no whole line of `key` follows it: the key reads as absent or as its record before. */
  latest: boolean;
  /** The line's bytes, newline included. */
  bytes: Buffer;
};

/** What a record log's bytes hold: each live key's latest line, and what is dead or damaged. */
export type ScannedLog = {
  index: Map<string, LogEntry>;
  /** Bytes of the live keys' latest lines. */
  liveBytes: number;
  /** Bytes up to the end of the last whole line; any after it are a line torn by a kill. */
  wholeBytes: number;
  damaged: DamagedLine[];
};

/**
 * Replays the lines of a record log's `content` (`store/record-log-line.ts`): each whole line puts or
 * deletes its key, a damaged one is set aside, and bytes after the last newline (a line a kill cut
 * short, never acknowledged) are left out.
 */
export function scanRecordLog(content: Buffer): ScannedLog {
  const index = new Map<string, LogEntry>();
  const damaged: DamagedLine[] = [];
  const lastDamaged = new Map<string, number>();
  let liveBytes = 0;
  let start = 0;
  lineEnds(content).forEach((end, at) => {
    const decoded = decodeLine(content, start, end);
    const bytes = end + 1 - start;
    if (!decoded.valid) {
      const { reason, key } = decoded;
      damaged.push({ line: at + 1, reason, key, latest: false, bytes: content.subarray(start, end + 1) });
      if (key !== undefined) lastDamaged.set(key, at + 1);
    } else {
      lastDamaged.delete(decoded.key);
      liveBytes -= index.get(decoded.key)?.bytes ?? 0;
      index.delete(decoded.key);
      if (decoded.value) {
        const valueAt = start + decoded.value.at;
        index.set(decoded.key, { at: start, bytes, valueAt, valueBytes: decoded.value.bytes });
        liveBytes += bytes;
      }
    }
    start = end + 1;
  });
  for (const line of damaged) {
    line.latest = line.key !== undefined && lastDamaged.get(line.key) === line.line;
  }
  return { index, liveBytes, wholeBytes: start, damaged };
}
