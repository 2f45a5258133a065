import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  generateTemporaryPassword,
  PASSWORD_CLASSES,
  type RandomInt,
  TEMPORARY_PASSWORD_LENGTH,
} from '../../../bot/credentials/generate-temporary-password.js';

const AMBIGUOUS = [...'0Oo1lI'];
const CLASSES = Object.values(PASSWORD_CLASSES);

function assertWellFormed(password: string) {
  assert.equal(password.length, 16);
  assert.match(password, /^[\x21-\x7e]+$/, `${password} is not printable ASCII`);
  for (const alphabet of CLASSES) {
    assert.ok(
      [...password].some((c) => alphabet.includes(c)),
      `${password} lacks one of ${alphabet}`,
    );
  }
  for (const character of password) {
    assert.ok(!AMBIGUOUS.includes(character), `${password} contains the ambiguous ${character}`);
    assert.ok(
      CLASSES.some((alphabet) => alphabet.includes(character)),
      `${password} has stray ${character}`,
    );
  }
}

describe('generateTemporaryPassword', () => {
  it('should keep the ambiguous characters out of every class', () => {
    for (const alphabet of CLASSES) {
      assert.deepEqual(
        [...alphabet].filter((c) => AMBIGUOUS.includes(c)),
        [],
      );
    }
    assert.equal(TEMPORARY_PASSWORD_LENGTH, 16);
  });

  it('should make 10 000 distinct 16-character ASCII passwords with all four classes', () => {
    const samples = Array.from({ length: 10_000 }, () => generateTemporaryPassword());

    for (const password of samples) assertWellFormed(password);
    assert.equal(new Set(samples).size, samples.length);
  });

  it('should contain all four classes even when the random source always returns 0', () => {
    const fakeRandom = sinon.fake<Parameters<RandomInt>, number>(() => 0);

    const password = generateTemporaryPassword(fakeRandom);

    assertWellFormed(password);
    assert.ok(fakeRandom.called);
  });

  it('should contain all four classes when the random source always returns its highest value', () => {
    const fakeRandom = sinon.fake<Parameters<RandomInt>, number>((max) => max - 1);

    const password = generateTemporaryPassword(fakeRandom);

    assertWellFormed(password);
  });

  it('should only ask the random source for positive whole bounds', () => {
    const fakeRandom = sinon.fake<Parameters<RandomInt>, number>(() => 0);

    generateTemporaryPassword(fakeRandom);

    for (const [max] of fakeRandom.args) assert.ok(Number.isInteger(max) && max > 0, `bad bound ${max}`);
  });
});
