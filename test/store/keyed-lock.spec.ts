import assert from 'node:assert/strict';
import { KeyedLock } from '../../store/keyed-lock.js';
import { deferred } from '../helpers/deferred.js';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('should run work for the same key one at a time, in arrival order', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const gates = [deferred(), deferred(), deferred()];

    const runs = gates.map((gate, index) =>
      lock.run('user-1', async () => {
        events.push(`start ${index}`);
        await gate.promise;
        events.push(`end ${index}`);
        return index;
      }),
    );
    await settle();
    const startedFirst = [...events];
    gates[2]?.resolve();
    gates[1]?.resolve();
    await settle();
    const whileFirstRuns = [...events];
    gates[0]?.resolve();

    assert.deepEqual(await Promise.all(runs), [0, 1, 2]);
    assert.deepEqual(startedFirst, ['start 0']);
    assert.deepEqual(whileFirstRuns, ['start 0']);
    assert.deepEqual(events, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('should run work for different keys in parallel', async () => {
    const lock = new KeyedLock();
    const slow = deferred();

    const first = lock.run('user-1', () => slow.promise.then(() => 'slow'));
    const second = await lock.run('user-2', async () => 'fast');
    slow.resolve();

    assert.equal(second, 'fast');
    assert.equal(await first, 'slow');
  });

  it('should pass a rejection to its caller and still run the next work for that key', async () => {
    const lock = new KeyedLock();
    const failing = deferred();

    const first = lock.run('user-1', () => failing.promise);
    const second = lock.run('user-1', async () => 'next');
    failing.reject(new Error('turn failed'));

    await assert.rejects(first, /turn failed/);
    assert.equal(await second, 'next');
  });

  it('should count the keys with queued work and forget every key once all work is done', async () => {
    const lock = new KeyedLock();
    const gate = deferred();

    const runs = [
      lock.run('a', () => gate.promise),
      lock.run('a', () => gate.promise),
      lock.run('b', () => Promise.reject(new Error('boom'))),
    ];
    const sizeWhileRunning = lock.size;
    gate.resolve();
    await Promise.allSettled(runs);

    assert.equal(sizeWhileRunning, 2);
    assert.equal(lock.size, 0);
  });
});
