import assert from 'node:assert/strict';
import { runCrashTest } from '../../scripts/crash-test/run-crash-test.js';

describe('the customer store when its process is killed', () => {
  it('should open after each of 20 SIGKILLs at random moments, with every acknowledged customer exactly once', async function () {
    this.timeout(120_000);

    // Act
    const report = await runCrashTest({ runs: 20, lanes: 2 });

    // Assert
    assert.equal(report.runs, 20);
    assert.ok(report.acknowledged > 0, 'the writers should have acknowledged customers before being killed');
    assert.deepEqual(report.unreadable, []);
    assert.deepEqual(report.lost, []);
    assert.deepEqual(report.duplicated, []);
  });
});
