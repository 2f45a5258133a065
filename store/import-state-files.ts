import { renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { listFolder } from './list-folder.js';
import { corruptFileName, type RecordLog } from './record-log.js';
import { decodeStateSlot, readSlotFile, type ValidSlot } from './state-slot.js';

/** A state file of an earlier version: `<sha256 of the key>.json` or `<sha256>.b.json`. */
const STATE_FILE = /^([0-9a-f]{64})(\.b)?\.json$/;

/** A state file that could not be read, moved aside: names in the folder, and why (never its content). */
export type MovedStateFile = { file: string; movedTo: string; reason: string };

/**
 * Imports into `log` the dialog state that earlier versions kept in slot files of `folder`
 * (`store/state-slot.ts`): each key's newest whole slot becomes its record (eTag and all, so a turn in
 * flight across the upgrade still matches), then the key's files are removed. A key the log already
 * holds was written since an earlier import, which a failure stopped before its files were gone: the
 * log's record is newer, the files are only removed. A key none of whose slots can be read has each
 * moved aside as `<name>.corrupt-<timestamp>` and reported to `onMoved`; the hashes of those keys are
 * returned, so that their users can be told their card was reset when they next come.
 */
export function importStateFiles(
  folder: string,
  log: RecordLog,
  options: { now: () => Date; onMoved: (moved: MovedStateFile) => void },
): Set<string> {
  const unreadableHashes = new Set<string>();
  const byHash = new Map<string, string[]>();
  for (const name of listFolder(folder)) {
    const hash = STATE_FILE.exec(name)?.[1];
    if (hash) byHash.set(hash, [...(byHash.get(hash) ?? []), name]);
  }
  const imported: string[] = [];
  for (const [hash, names] of byHash) {
    let newest: ValidSlot | undefined;
    const unreadable: { name: string; reason: string }[] = [];
    for (const name of names) {
      const bytes = readSlotFile(path.join(folder, name));
      if (bytes === undefined) continue;
      const decoded = decodeStateSlot(bytes);
      if (!decoded.valid) unreadable.push({ name, reason: decoded.reason });
      else if (!newest || decoded.sequence > newest.sequence) newest = decoded;
    }
    if (newest) {
      const { key, item } = newest.stored;
      if (!log.has(key)) log.put(key, JSON.stringify(item));
      imported.push(...names);
    } else if (unreadable.length > 0) {
      unreadableHashes.add(hash);
      moveAside(folder, unreadable, options);
    }
  }
  for (const name of imported) unlinkSync(path.join(folder, name));
  return unreadableHashes;
}

function moveAside(
  folder: string,
  unreadable: { name: string; reason: string }[],
  options: { now: () => Date; onMoved: (moved: MovedStateFile) => void },
): void {
  const at = options.now();
  for (const { name, reason } of unreadable) {
    const movedTo = corruptFileName(name, at);
    renameSync(path.join(folder, name), path.join(folder, movedTo));
    options.onMoved({ file: name, movedTo, reason });
  }
}
