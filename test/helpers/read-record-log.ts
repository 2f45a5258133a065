import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CompactionPolicy, RECORD_LOG_FILE } from '../../store/record-log.js';
import { scanRecordLog } from '../../store/scan-record-log.js';

/** A compaction policy that never rewrites the log, for tests that read its dead lines. */
export const NEVER_COMPACTED: CompactionPolicy = { deadBytesOver: Number.MAX_SAFE_INTEGER, deadShareOver: 1 };

/** What a folder's record log holds on disk: each live key's value text, and its damaged lines' numbers. */
export type RecordLogContent = { records: Map<string, string>; damagedLines: number[]; bytes: number };

/**
 * Reads the record log of `folder` the way opening it would (a torn last line left out, damaged lines
 * skipped), without opening it: it changes nothing, so a test may read the log of a bot that is running.
 * A folder without a log, or a file where the folder should be, reads as empty.
 */
export async function readRecordLog(folder: string): Promise<RecordLogContent> {
  let content: Buffer;
  try {
    content = await readFile(path.join(folder, RECORD_LOG_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { records: new Map(), damagedLines: [], bytes: 0 };
    }
    throw error;
  }
  const { index, damaged } = scanRecordLog(content);
  const records = new Map(
    [...index].map(([key, entry]) => [
      key,
      content.toString('utf8', entry.valueAt, entry.valueAt + entry.valueBytes),
    ]),
  );
  return { records, damagedLines: damaged.map((line) => line.line), bytes: content.length };
}
