import { crc32 } from 'node:zlib';

/**
 * The bytes of a dialog-state slot file as versions before the record log wrote them
 * (`store/state-slot.ts` describes the format): `text`, the `{key, item}` JSON, as version `sequence` of
 * its key. Tests write such files to check that they are imported.
 */
export function encodeStateSlot(sequence: number, text: string): Buffer {
  const record = Buffer.from(text, 'utf8');
  const checked = `dialog-state-slot/1 seq=${String(sequence).padStart(12, '0')} bytes=${String(record.length).padStart(8, '0')}`;
  const crc = crc32(record, crc32(checked)).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${checked} crc32=${crc}\n`, 'latin1'), record]);
}
