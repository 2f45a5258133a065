import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseStoreFile, readText } from './read-store-file.js';
import type { SegmentCache } from './segment-cache.js';
import { fingerprintOf, readSegmentIndex } from './segment-index.js';
import { applyJournal, journalFileOf, readJournal } from './segment-journal.js';
import { StoreFileError } from './store-file-error.js';
import { StoreManifest } from './store-manifest.js';
import { type SegmentOptions, StoreSegment, segmentFileName } from './store-segment.js';

const LATER_SEGMENT = /^customers-(\d{6,})\.json$/;

/**
 * Reads and validates the segment files in `dataDir` one at a time, oldest first, so that a caller can
 * index and seal each before the next is parsed (the next files are read from disk meanwhile); a new folder
 * gives one empty segment. With `keepManifest` (the store itself, not a reader of its files), a file
 * listed in `store-manifest.json` but missing is a `StoreFileError`, the files present are listed (the
 * manifest is created from them when the store has none), and new files are listed when first written;
 * and every file but the newest is taken from its index file (`segment-index.ts`) when that index is of
 * the version on disk and no journal is beside it, and read and validated itself otherwise (then written
 * an index once sealed). A file's journal (`segment-journal.ts`), if any, is applied to its content. The
 * segments are kept, once sealed, in `cache`.
 */
export async function* readSegments(
  dataDir: string,
  options: { keepManifest?: boolean; cache?: SegmentCache } = {},
): AsyncGenerator<StoreSegment> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    throw new StoreFileError(`Cannot list the customer store folder ${dataDir}: ${(error as Error).message}`);
  }
  const later = names.flatMap((name) => {
    const match = LATER_SEGMENT.exec(name);
    return match ? [Number(match[1])] : [];
  });
  const indexes = [0, ...later.sort((a, b) => a - b)];
  const fileOf = (index: number) => path.join(dataDir, segmentFileName(index));
  const manifest = options.keepManifest ? await StoreManifest.read(dataDir) : undefined;
  if (manifest) {
    const present = names.includes(segmentFileName(0)) ? indexes : indexes.slice(1);
    const missing = manifest.missingFrom(present);
    if (missing.length > 0) {
      throw new StoreFileError(
        `The customer store ${missing.map(fileOf).join(', ')} is missing: ${manifest.file} lists it, so its customers would be lost. Restore it from a backup (or, to start without those customers, remove its number from ${manifest.file}).`,
      );
    }
    await manifest.add(...present);
  }
  const last = indexes.length - 1;
  const segmentOptions = { manifest, keepsIndex: manifest !== undefined, cache: options.cache };
  const listed = new Set(names);
  const hasJournal = (file: string) => listed.has(path.basename(journalFileOf(file)));
  const load = (position: number): Promise<LoadedSegment> => {
    const index = indexes[position] as number;
    const file = fileOf(index);
    const journalled = hasJournal(file);
    return segmentOptions.keepsIndex && position < last && !journalled
      ? loadSealed(index, file, segmentOptions)
      : loadText(index, file, journalled);
  };
  const ahead: Promise<LoadedSegment>[] = [];
  for (let position = 0; position <= last; position += 1) {
    while (ahead.length < READ_AHEAD && position + ahead.length <= last) {
      ahead.push(load(position + ahead.length));
    }
    const loaded = await (ahead.shift() as Promise<LoadedSegment>);
    if ('segment' in loaded) {
      yield loaded.segment;
      continue;
    }
    const data = parseStoreFile(loaded.file, loaded.text);
    if (loaded.journal instanceof StoreFileError) throw loaded.journal;
    applyJournal(loaded.file, loaded.journal, data);
    yield new StoreSegment(loaded.index, loaded.file, data, {
      ...segmentOptions,
      journalLeft: loaded.journal !== undefined,
    });
  }
}

/** How many files are read from disk ahead of the one being parsed at start-up. */
const READ_AHEAD = 8;

type LoadedSegment =
  | { segment: StoreSegment }
  | {
      index: number;
      file: string;
      text: string | undefined | StoreFileError;
      journal: string | undefined | StoreFileError;
    };

/** A file's text, and its journal's read first (see `readJournal`) when the folder listed one. */
async function loadText(index: number, file: string, withJournal: boolean): Promise<LoadedSegment> {
  // read ahead of its turn: an error is kept to be thrown in order, like the text's
  const journal = withJournal ? await readJournal(file).catch((error: StoreFileError) => error) : undefined;
  return { index, file, text: await readText(file), journal };
}

/** A sealed file from its index when the index is of the version on disk, else its text to parse. */
async function loadSealed(index: number, file: string, options: SegmentOptions): Promise<LoadedSegment> {
  const contents = await readSegmentIndex(file, fingerprintOf(file));
  if (!contents) return loadText(index, file, false);
  return { segment: StoreSegment.fromIndex(index, file, contents, options) };
}
