import assert from 'node:assert/strict';
import { decodeStateSlot } from '../../store/state-slot.js';
import { encodeStateSlot } from '../helpers/encode-state-slot.js';

describe('state slot', () => {
  const record = JSON.stringify({ key: 'conversation/user', item: { step: 2, name: '李雷', eTag: 'e1' } });

  it('should decode what it encoded, with its sequence, ignoring the bytes of a longer record after it', () => {
    const older = encodeStateSlot(
      6,
      JSON.stringify({ key: 'conversation/user', item: { text: 'x'.repeat(500) } }),
    );
    const slot = Buffer.from(older);
    encodeStateSlot(7, record).copy(slot, 0);

    const decoded = decodeStateSlot(slot);

    assert.ok(decoded.valid);
    assert.equal(decoded.sequence, 7);
    assert.equal(decoded.text, record);
    assert.equal(decoded.stored.item.name, '李雷');
  });

  it('should start with a header an operator can read', () => {
    const slot = encodeStateSlot(42, record);

    assert.match(
      slot.toString('utf8'),
      /^dialog-state-slot\/1 seq=000000000042 bytes=\d{8} crc32=[0-9a-f]{8}\n\{"key"/,
    );
  });

  it('should refuse a slot whose sequence in the header was changed', () => {
    const slot = Buffer.from(
      encodeStateSlot(41, record).toString('latin1').replace('seq=000000000041', 'seq=000000000049'),
      'latin1',
    );

    assert.deepEqual(decodeStateSlot(slot), { valid: false, reason: 'checksum mismatch' });
  });

  it('should refuse a slot cut short, and an empty one', () => {
    const slot = encodeStateSlot(1, record);

    assert.deepEqual(decodeStateSlot(slot.subarray(0, slot.length - 1)), {
      valid: false,
      reason: 'cut short',
    });
    assert.deepEqual(decodeStateSlot(slot.subarray(0, 30)), { valid: false, reason: 'header unreadable' });
    assert.deepEqual(decodeStateSlot(Buffer.alloc(0)), { valid: false, reason: 'empty' });
  });

  it('should read plain JSON of earlier versions as sequence 0, and refuse JSON that is not a stored item', () => {
    const legacy = decodeStateSlot(Buffer.from(record));

    assert.ok(legacy.valid);
    assert.equal(legacy.sequence, 0);
    assert.deepEqual(decodeStateSlot(Buffer.from('[1]')), { valid: false, reason: 'not a stored item' });
  });
});
