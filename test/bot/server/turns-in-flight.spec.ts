import assert from 'node:assert/strict';
import sinon from 'sinon';
import { TurnsInFlight } from '../../../bot/server/turns-in-flight.js';

describe('TurnsInFlight', () => {
  afterEach(() => sinon.restore());

  it('should settle once every turn ended, turns started meanwhile included', async () => {
    // Arrange
    const turns = new TurnsInFlight();
    const ended: string[] = [];
    let endFirst = () => {};
    const first = turns.run(
      () =>
        new Promise<void>((resolve) => {
          endFirst = resolve;
        }),
    );

    // Act
    const settled = turns.settled(60_000);
    const second = turns.run(async () => {
      await first;
      ended.push('second');
    });
    endFirst();

    // Assert
    assert.equal(await settled, true);
    assert.deepEqual(ended, ['second']);
    assert.equal(turns.count, 0);
    await second;
  });

  it('should give up after its time-out with the turns still running counted', async () => {
    // Arrange
    const clock = sinon.useFakeTimers();
    const turns = new TurnsInFlight();
    void turns.run(() => new Promise<void>(() => {}));

    // Act
    const settled = turns.settled(10_000);
    await clock.tickAsync(10_000);

    // Assert
    assert.equal(await settled, false);
    assert.equal(turns.count, 1);
  });
});
