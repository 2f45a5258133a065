import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openSealedSecret, sealSecret } from '../../../bot/credentials/seal-secret.js';

describe('sealSecret', () => {
  const key = randomBytes(32);

  it('should open what it sealed, and show nothing of it in the sealed parts', () => {
    // Act
    const sealed = sealSecret(key, 'Plain-Passw0rd!');

    // Assert
    assert.equal(openSealedSecret(key, sealed), 'Plain-Passw0rd!');
    assert.ok(!JSON.stringify(sealed).includes('Plain-Passw0rd!'));
    assert.notDeepEqual(sealSecret(key, 'Plain-Passw0rd!').iv, sealed.iv);
  });

  it('should refuse to open with another key or after a change', () => {
    // Arrange
    const sealed = sealSecret(key, 'Plain-Passw0rd!');
    const altered = { ...sealed, ciphertext: Buffer.from('Plain-Passw0rd?').toString('base64') };

    // Act & Assert
    assert.throws(() => openSealedSecret(randomBytes(32), sealed));
    assert.throws(() => openSealedSecret(key, altered));
  });
});
