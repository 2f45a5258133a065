import { readFileSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { listFolder } from './list-folder.js';
import { corruptFileName, type RecordLog } from './record-log.js';

/** A record file of an earlier version: the key in hex, `.json`. */
const RECORD_FILE = /^((?:[0-9a-f]{2})+)\.json$/;
/** A temporary file `steno` left when a write of an earlier version was killed before its rename. */
const STENO_TEMPORARY = /^\.(?:[0-9a-f]{2})+\.json\.tmp$/;

/**
 * Imports into `log` the records that earlier versions kept one file per key in `folder`
 * (`<key in hex>.json`, written whole by a temporary file and a rename), then removes the files. A key
 * the log already holds was written since an earlier import that a failure stopped before the files
 * were gone: the log's record is newer. A file that is not JSON is moved aside
 * (`<name>.corrupt-<timestamp>`) and reported; a temporary file of a write that was killed (never
 * acknowledged, and for the outbox holding sealed credentials) is removed.
 */
export function importRecordFiles(
  folder: string,
  log: RecordLog,
  options: { onMoved: (moved: { file: string; keptIn: string; reason: string }) => void; now?: () => Date },
): void {
  const imported: string[] = [];
  for (const name of listFolder(folder)) {
    if (STENO_TEMPORARY.test(name)) {
      imported.push(name);
      continue;
    }
    const hex = RECORD_FILE.exec(name)?.[1];
    if (!hex) continue;
    const key = Buffer.from(hex, 'hex').toString('utf8');
    const file = path.join(folder, name);
    let text: string;
    try {
      text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      if (error instanceof SyntaxError) {
        const keptIn = corruptFileName(name, (options.now ?? (() => new Date()))());
        renameSync(file, path.join(folder, keptIn));
        options.onMoved({ file: name, keptIn, reason: 'not valid JSON' });
        continue;
      }
      throw error;
    }
    if (!log.has(key)) log.put(key, text);
    imported.push(name);
  }
  for (const name of imported) unlinkSync(path.join(folder, name));
}
