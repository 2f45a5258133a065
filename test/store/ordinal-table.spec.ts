import assert from 'node:assert/strict';
import { OrdinalTable } from '../../store/ordinal-table.js';

describe('OrdinalTable', () => {
  it('should find every key among thousands, after growing, and none it was not given', () => {
    // Arrange
    const keys = Array.from({ length: 5000 }, (_, n) => `contoso${n}`);
    const table = new OrdinalTable((at) => keys[at]);

    // Act
    for (const [at, key] of keys.entries()) table.set(key, at);

    // Assert
    assert.ok(keys.every((key, at) => table.get(key) === at));
    assert.equal(table.get('contoso5000'), undefined);
    assert.equal(table.get(''), undefined);
  });

  it('should keep only the last ordinal set under a key, and every one added under a key, lowest first', () => {
    // Arrange
    const keys = ['a', 'b', 'a', 'a', 'c'];
    const unique = new OrdinalTable((at) => keys[at]);
    const shared = new OrdinalTable((at) => keys[at]);

    // Act
    keys.forEach((key, at) => {
      unique.set(key, at);
      shared.add(key, at);
    });

    // Assert
    assert.equal(unique.get('a'), 3);
    assert.deepEqual(shared.getAll('a'), [0, 2, 3]);
    assert.deepEqual(shared.getAll('b'), [1]);
    assert.deepEqual(shared.getAll('d'), []);
  });

  it('should forget removed ordinals, also when keys are removed and added again many times', () => {
    // Arrange
    const keys = Array.from({ length: 200 }, (_, n) => `key-${n}`);
    const table = new OrdinalTable((at) => keys[at]);
    for (const [at, key] of keys.entries()) table.add(key, at);

    // Act
    for (let round = 0; round < 50; round += 1) {
      for (let at = 0; at < keys.length; at += 2) {
        table.remove(keys[at] as string, at);
        keys[at] = `key-${at}-${round}`;
        table.add(keys[at] as string, at);
      }
    }
    table.remove('key-1', 1);

    // Assert
    assert.equal(table.get('key-0'), undefined);
    assert.equal(table.get('key-0-49'), 0);
    assert.equal(table.get('key-1'), undefined);
    assert.equal(table.get('key-3'), 3);
    assert.ok(keys.every((key, at) => at === 1 || table.get(key) === at));
  });
});
