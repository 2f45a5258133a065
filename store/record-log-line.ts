import { crc32 } from 'node:zlib';

/*
 * One line of a record log (`store/record-log.ts`): the crc32 of what follows the space, in hex, then
 * the record as JSON, the key first:
 *
 *     1c291ca3 {"k":"msteams/…/users/29:1alex","v":{"dialogStack":[…],"eTag":"…"}}
 *     0b9a4f3e {"k":"msteams/…/users/29:1alex"}
 *
 * The second form deletes its key. The value is whatever JSON text the caller gave, written as it is, so
 * that reading a record back is one read at its offset, without parsing the line around it; the key is
 * JSON-escaped, so neither holds a newline and the line's end is its `\n`. Opening a log finds each key
 * by scanning the bytes after `{"k":` to the first unescaped quote (a quote or backslash byte is never
 * part of a multi-byte UTF-8 character), so the values are never parsed on start-up.
 */

const CRC_DIGITS = 8;
/** Bytes before the JSON: the checksum and a space. */
const BODY_AT = CRC_DIGITS + 1;
const KEY_PREFIX = '{"k":';
const VALUE_PREFIX = ',"v":';
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSING_BRACE = 0x7d;

/** A line ready to append, and where its value starts within it (for a put). */
export type EncodedLine = { bytes: Buffer; valueAt: number };

/** What a whole line holds: a put (its value's place in the line) or a delete, or why it is damaged. */
export type DecodedLine =
  | { valid: true; key: string; value: { at: number; bytes: number } | undefined }
  | { valid: false; reason: string; key: string | undefined };

/** The line that puts `value` (one JSON text) under `key`, or deletes `key` when `value` is undefined. */
export function encodeLine(key: string, value: string | undefined): EncodedLine {
  const keyJson = JSON.stringify(key);
  const head = `${'0'.repeat(CRC_DIGITS)} ${KEY_PREFIX}${keyJson}`;
  const text = value === undefined ? `${head}}\n` : `${head}${VALUE_PREFIX}${value}}\n`;
  const bytes = Buffer.from(text, 'utf8');
  const crc = crc32(bytes.subarray(BODY_AT, bytes.length - 1));
  bytes.write(crc.toString(16).padStart(CRC_DIGITS, '0'), 0, 'latin1');
  return { bytes, valueAt: Buffer.byteLength(head) + VALUE_PREFIX.length };
}

/**
 * Decodes the line of `buffer` from `start` to `end` (its newline excluded). A damaged line still gives
 * the key it seems to name when that can be read, so that its owner can be told; it may be wrong.
 */
export function decodeLine(buffer: Buffer, start: number, end: number): DecodedLine {
  const located = locateKey(buffer, start, end);
  if (end - start < BODY_AT + KEY_PREFIX.length + 3 || buffer[start + CRC_DIGITS] !== 0x20) {
    return { valid: false, reason: 'not a record line', key: located?.key };
  }
  const written = Number.parseInt(buffer.toString('latin1', start, start + CRC_DIGITS), 16);
  if (written !== crc32(buffer.subarray(start + BODY_AT, end))) {
    return { valid: false, reason: 'checksum mismatch', key: located?.key };
  }
  if (!located) return { valid: false, reason: 'not a record line', key: undefined };
  const after = located.keyEnd;
  if (after === end - 1 && buffer[after] === CLOSING_BRACE) {
    return { valid: true, key: located.key, value: undefined };
  }
  const valueAt = after + VALUE_PREFIX.length;
  if (buffer.toString('latin1', after, valueAt) !== VALUE_PREFIX || buffer[end - 1] !== CLOSING_BRACE) {
    return { valid: false, reason: 'not a record line', key: located.key };
  }
  return { valid: true, key: located.key, value: { at: valueAt - start, bytes: end - 1 - valueAt } };
}

/** Where each line of `buffer` ends (the offset of its newline); bytes after the last one are a torn line. */
export function lineEnds(buffer: Buffer): number[] {
  const ends: number[] = [];
  for (let at = buffer.indexOf(NEWLINE); at >= 0; at = buffer.indexOf(NEWLINE, at + 1)) ends.push(at);
  return ends;
}

function locateKey(buffer: Buffer, start: number, end: number): { key: string; keyEnd: number } | undefined {
  const keyAt = start + BODY_AT + KEY_PREFIX.length;
  if (buffer.toString('latin1', start + BODY_AT, keyAt) !== KEY_PREFIX || buffer[keyAt] !== QUOTE) {
    return undefined;
  }
  for (let at = keyAt + 1; at < end; at++) {
    if (buffer[at] === BACKSLASH) at++;
    else if (buffer[at] === QUOTE) {
      try {
        return { key: JSON.parse(buffer.toString('utf8', keyAt, at + 1)) as string, keyEnd: at + 1 };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
