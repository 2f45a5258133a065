import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { StoreItem } from 'botbuilder';

/*
 * How earlier versions of `FileStorage` kept dialog state, read now only to import it into the folder's
 * record log (`store/import-state-files.ts`). Each key had two slot files, `<sha256 of the key>.json`
 * and `<sha256>.b.json`, each write going in place to the one that did not hold the current version, and
 * each slot starting with a header that says which version is newer and whether the slot is whole:
 *
 *     dialog-state-slot/1 seq=000000000042 bytes=00003012 crc32=89abcdef\n{"key":…,"item":…}
 *
 * `seq` grew by one per write of the key (higher is newer), `bytes` is the length of the record that
 * follows (a slot was never truncated, so bytes of an older, longer record may follow it), and `crc32`
 * covers the header before it and the record. A slot whose header or checksum is wrong was torn by a
 * kill; the other slot holds the version before. Files of versions before slots, plain JSON
 * `{key, item}` without a header, are read as sequence 0, older than any slot.
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
