import assert from 'node:assert/strict';
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
  RestError,
} from '@azure/core-rest-pipeline';
import { createLogger } from '../../../bot/logging/create-logger.js';
import {
  type ConnectorRetryOptions,
  DEFAULT_CONNECTOR_RETRY,
} from '../../../bot/server/connector-retry-options.js';
import { createRetryStrategy } from '../../../bot/server/create-retry-strategy.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';

const NOW = Date.parse('2025-03-14T09:00:00Z');
const REQUEST = { method: 'POST', path: '/v3/conversations/19%3Aabc/activities' };

function response(status: number, headers: Record<string, string> = {}): PipelineResponse {
  const request = createPipelineRequest({ url: `https://smba.example.test${REQUEST.path}`, method: 'POST' });
  return { status, headers: createHttpHeaders(headers), request };
}

describe('createRetryStrategy', () => {
  let logs: CapturedLogs;

  beforeEach(() => {
    logs = new CapturedLogs();
  });

  function strategy(overrides: Partial<ConnectorRetryOptions> = {}, startedAt = NOW) {
    const options = {
      ...DEFAULT_CONNECTOR_RETRY,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      maxRetryAfterMs: 3_000,
      random: () => 0.5,
      now: () => NOW,
      ...overrides,
    };
    return createRetryStrategy(options, createLogger('debug', logs), REQUEST, startedAt);
  }

  it('should retry 408, 412, 429, 502, 503 and 504', () => {
    for (const status of [408, 412, 429, 502, 503, 504]) {
      // Act
      const modifiers = strategy().retry({ retryCount: 0, response: response(status) });

      // Assert
      assert.deepEqual(modifiers, { retryAfterInMs: 75 }, `status ${status}`);
    }
  });

  it('should leave a final status such as 403, 400 or 500 to the policy, which hands it on', () => {
    for (const status of [200, 400, 401, 403, 404, 409, 500, 501]) {
      // Act
      const modifiers = strategy().retry({ retryCount: 0, response: response(status) });

      // Assert
      assert.deepEqual(modifiers, { skipStrategy: true }, `status ${status}`);
    }
    assert.equal(logs.lines.length, 0);
  });

  it('should double the backoff at each retry, with jitter in its upper half, up to maxDelayMs', () => {
    // Act
    const delays = (random: number) =>
      [0, 1, 2, 3, 6].map(
        (retryCount) =>
          strategy({ random: () => random }).retry({ retryCount, response: response(502) }).retryAfterInMs,
      );

    // Assert
    assert.deepEqual(delays(0), [50, 100, 200, 400, 500]);
    assert.deepEqual(delays(0.999999), [100, 200, 400, 800, 1_000]);
  });

  it('should wait at least what Retry-After asks, in seconds or as a date, cut to maxRetryAfterMs', () => {
    // Act
    const wait = (retryAfter: string, retryCount = 0) =>
      strategy().retry({ retryCount, response: response(429, { 'Retry-After': retryAfter }) }).retryAfterInMs;

    // Assert
    assert.equal(wait('2'), 2_000);
    assert.equal(wait('0.25'), 250);
    assert.equal(wait('Fri, 14 Mar 2025 09:00:02 GMT'), 2_000);
    assert.equal(wait('Fri, 14 Mar 2025 08:59:00 GMT'), 75, 'a date in the past asks for no wait');
    assert.equal(wait('3600'), 3_000);
    assert.equal(wait('0', 3), 600, 'a shorter Retry-After does not shorten the backoff');
    assert.equal(wait('soon'), 75, 'an unreadable Retry-After is ignored');
    assert.equal(wait('-5'), 75);
  });

  it('should retry transport errors it knows, and leave others to the policy', () => {
    // Arrange
    const withCode = (code: string) => new RestError(`failed: ${code}`, { code });

    // Act
    const reset = strategy().retry({ retryCount: 0, responseError: withCode('ECONNRESET') });
    const timedOut = strategy().retry({ retryCount: 1, responseError: withCode('ETIMEDOUT') });
    const unknown = strategy().retry({
      retryCount: 0,
      responseError: withCode('ERR_TLS_CERT_ALTNAME_INVALID'),
    });

    // Assert
    assert.deepEqual(reset, { retryAfterInMs: 75 });
    assert.deepEqual(timedOut, { retryAfterInMs: 150 });
    assert.deepEqual(unknown, { skipStrategy: true });
  });

  it('should start no retry that would begin after the budget', () => {
    // Arrange
    const startedAt = NOW - 950;

    // Act
    const within = strategy({ budgetMs: 1_100 }, startedAt).retry({ retryCount: 0, response: response(503) });
    const beyond = strategy({ budgetMs: 1_000 }, startedAt).retry({ retryCount: 0, response: response(503) });
    const longRetryAfter = strategy({ budgetMs: 2_000 }).retry({
      retryCount: 0,
      response: response(429, { 'Retry-After': '3' }),
    });

    // Assert
    assert.deepEqual(within, { retryAfterInMs: 75 });
    assert.deepEqual(beyond, { skipStrategy: true });
    assert.deepEqual(longRetryAfter, { skipStrategy: true });
  });

  it('should log method, path, status and wait of each retry, and no header', () => {
    // Act
    strategy().retry({
      retryCount: 0,
      response: response(429, { 'Retry-After': '1', authorization: 'Bearer secret-token' }),
    });

    // Assert
    assert.equal(logs.lines.length, 1);
    const line = JSON.parse(logs.lines[0] ?? '{}') as Record<string, unknown>;
    assert.equal(line.msg, 'Bot Connector request failed; retrying');
    assert.equal(line.method, 'POST');
    assert.equal(line.path, REQUEST.path);
    assert.equal(line.attempt, 1);
    assert.equal(line.failure, 429);
    assert.equal(line.delayMs, 1_000);
    assert.doesNotMatch(logs.text, /secret-token|Retry-After/i);
  });
});
