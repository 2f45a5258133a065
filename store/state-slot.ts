import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { StoreItem } from 'botbuilder';

/*
 * The format of one slot file of `FileStorage`: each key's dialog state has two slot files, and each
 * write goes, in place, to the one that does not hold the current version.
 *
 * Why: on ext4 (this machine's disk), replacing a file by rename, or truncating it (`writeFileSync`,
 * which opens with `O_TRUNC`), makes the kernel allocate and start writing back its data at once
 * (`auto_da_alloc`); that cost 250–425 µs of wall time per state write, on every turn
 * (`bench/state-write-cost.ts`). Writing an existing file at offset 0 without truncating it costs a
 * tenth of that or less. But a write in place can be torn: a process killed (SIGKILL) in the middle of
 * a write of more than one page can leave the first pages new and the rest old, since Linux may stop a
 * write between pages on a fatal signal. So the other slot keeps the version before, and each slot
 * starts with a header that says which version is newer and whether the slot is whole:
 *
 *     dialog-state-slot/1 seq=000000000042 bytes=00003012 crc32=89abcdef\n{"key":…,"item":…}
 *
 * `seq` grows by one per write of the key (higher is newer), `bytes` is the length of the record that
 * follows (a slot is never truncated, so bytes of an older, longer record may follow it), and `crc32`
 * covers the header before it and the record. A slot whose header or checksum is wrong is ignored when
 * the other one is whole: it is a torn write, and the version before it is read.
 *
 * What survives what: a kill at any moment leaves the new version or the one before, whole (a write
 * resolves once its bytes are in the page cache, so a kill after the answer loses nothing). The one
 * exception is a key's first write, which has no version before it: torn, it reads as corrupt, and its
 * user, whose turn got no answer, is told their card was reset. Nothing is fsync'ed, as before with
 * rename: a power loss or a kernel crash may lose the writes of the last seconds, bringing back an older
 * version of a key, or leave no slot whole (the key is then moved aside as corrupt, and its user told).
 * Files of earlier versions, plain JSON `{key, item}` without a header, are read as sequence 0, older
 * than any slot.
 */

/** The record a slot holds: the key (to tell keys apart should their hashes meet) and its item. */
export type StoredFile = { key: string; item: StoreItem };

/** A slot that was read whole: its sequence, the record's JSON text, and the record. */
export type ValidSlot = { valid: true; sequence: number; text: string; stored: StoredFile };

/** A slot that cannot be used, and why (for the operator's log; never its content). */
export type InvalidSlot = { valid: false; reason: string };

const MAGIC = 'dialog-state-slot/1';
const HEADER = /^dialog-state-slot\/1 seq=(\d{12}) bytes=(\d{8}) crc32=([0-9a-f]{8})\n/;
const HEADER_BYTES = `${MAGIC} seq=${'0'.repeat(12)} bytes=${'0'.repeat(8)} crc32=${'0'.repeat(8)}\n`.length;
const CHECKED_BYTES = `${MAGIC} seq=${'0'.repeat(12)} bytes=${'0'.repeat(8)}`.length;
const MAX_RECORD_BYTES = 99_999_999;

/** The bytes of a slot holding `text` (the record's JSON) as version `sequence` of its key. */
export function encodeStateSlot(sequence: number, text: string): Buffer {
  const record = Buffer.from(text, 'utf8');
  if (record.length > MAX_RECORD_BYTES) {
    throw new Error(`a dialog state record of ${record.length} bytes is over ${MAX_RECORD_BYTES}`);
  }
  const checked = `${MAGIC} seq=${pad(sequence, 12)} bytes=${pad(record.length, 8)}`;
  const crc = crc32(record, crc32(checked)).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${checked} crc32=${crc}\n`, 'latin1'), record]);
}

/** What a slot file's bytes hold: a whole record with its sequence, or why they cannot be used. */
export function decodeStateSlot(bytes: Buffer): ValidSlot | InvalidSlot {
  if (bytes.length === 0) return { valid: false, reason: 'empty' };
  const start = bytes.subarray(0, MAGIC.length).toString('latin1');
  if (start !== MAGIC) return recordOf(0, bytes.toString('utf8'));
  const header = HEADER.exec(bytes.subarray(0, HEADER_BYTES).toString('latin1'));
  if (!header) return { valid: false, reason: 'header unreadable' };
  const [, sequence = '', length = '', crc = ''] = header;
  const end = HEADER_BYTES + Number(length);
  if (end > bytes.length) return { valid: false, reason: 'cut short' };
  const record = bytes.subarray(HEADER_BYTES, end);
  const checked = crc32(record, crc32(bytes.subarray(0, CHECKED_BYTES)));
  if (checked !== Number.parseInt(crc, 16)) return { valid: false, reason: 'checksum mismatch' };
  return recordOf(Number(sequence), record.toString('utf8'));
}

/** The bytes of the slot file `file`, or `undefined` when there is none. */
export function readSlotFile(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `bytes` over the start of `file`, creating it if needed but never truncating it (see above
 * for why), synchronously: the bytes are in the page cache when it returns.
 */
export function writeSlotFile(file: string, bytes: Buffer): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o666);
  try {
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(fd, bytes, written, bytes.length - written, written);
    }
  } finally {
    closeSync(fd);
  }
}

function recordOf(sequence: number, text: string): ValidSlot | InvalidSlot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { valid: false, reason: 'not valid JSON' };
  }
  if (!isStoredFile(value)) return { valid: false, reason: 'not a stored item' };
  return { valid: true, sequence, text, stored: value };
}

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const { key, item } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof item === 'object' && item !== null && !Array.isArray(item);
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
