import assert from 'node:assert/strict';
import { computeRetryDelay } from '../../../bot/server/compute-retry-delay.js';
import { parseRetryAfter } from '../../../bot/server/parse-retry-after.js';

const OPTIONS = { baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 3_000 };

describe('computeRetryDelay', () => {
  it('should double the backoff at each retry, with jitter in its upper half', () => {
    // Act
    const lowest = [0, 1, 2, 3].map((retry) =>
      computeRetryDelay(retry, undefined, { ...OPTIONS, random: () => 0 }),
    );
    const highest = [0, 1, 2, 3].map((retry) =>
      computeRetryDelay(retry, undefined, { ...OPTIONS, random: () => 0.999999 }),
    );

    // Assert
    assert.deepEqual(lowest, [50, 100, 200, 400]);
    assert.deepEqual(highest, [100, 200, 400, 800]);
  });

  it('should never wait longer than maxDelayMs without a Retry-After', () => {
    // Act
    const delay = computeRetryDelay(20, undefined, { ...OPTIONS, random: () => 0.999999 });

    // Assert
    assert.equal(delay, 1_000);
  });

  it('should wait at least what Retry-After asks, up to maxRetryAfterMs', () => {
    // Act
    const asked = computeRetryDelay(0, 2_000, { ...OPTIONS, random: () => 0.5 });
    const tooLong = computeRetryDelay(0, 60_000, { ...OPTIONS, random: () => 0.5 });
    const shorterThanBackoff = computeRetryDelay(3, 10, { ...OPTIONS, random: () => 0 });

    // Assert
    assert.equal(asked, 2_000);
    assert.equal(tooLong, 3_000);
    assert.equal(shorterThanBackoff, 400);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-14T09:00:00Z');

  it('should read delay-seconds, fractions included, as milliseconds', () => {
    assert.equal(parseRetryAfter('2', now), 2_000);
    assert.equal(parseRetryAfter(' 0.25 ', now), 250);
    assert.equal(parseRetryAfter('0', now), 0);
  });

  it('should read an HTTP date as the time from now, never negative', () => {
    assert.equal(parseRetryAfter('Fri, 14 Mar 2025 09:00:03 GMT', now), 3_000);
    assert.equal(parseRetryAfter('Fri, 14 Mar 2025 08:59:00 GMT', now), 0);
  });

  it('should give undefined for an absent or unreadable value', () => {
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
  });
});
