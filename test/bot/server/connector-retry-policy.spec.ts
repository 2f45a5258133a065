import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/create-logger.js';
import {
  type ConnectorRetryOptions,
  DEFAULT_CONNECTOR_RETRY,
} from '../../../bot/server/connector-retry-options.js';
import {
  createConnectorRetryPolicy,
  type PipelineRequest,
  type PipelineResponse,
} from '../../../bot/server/connector-retry-policy.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';

type Answer = number | { status: number; retryAfter?: string } | Error;

function response(status: number, retryAfter?: string): PipelineResponse {
  return { status, headers: { get: (name) => (name === 'retry-after' ? retryAfter : undefined) } };
}

function errorWith(name: string, code?: string): Error {
  return Object.assign(new Error(`${name} ${code ?? ''}`), { name, code });
}

describe('createConnectorRetryPolicy', () => {
  let clock: number;
  let fakeSleep: sinon.SinonSpy<[number], Promise<void>>;
  let logs: CapturedLogs;

  beforeEach(() => {
    clock = 0;
    fakeSleep = sinon.fake(async (ms: number) => {
      clock += ms;
    });
    logs = new CapturedLogs();
  });

  function send(
    answers: Answer[],
    overrides: Partial<ConnectorRetryOptions> = {},
    request?: PipelineRequest,
  ) {
    const options: ConnectorRetryOptions = {
      ...DEFAULT_CONNECTOR_RETRY,
      random: () => 0.5,
      sleep: fakeSleep,
      now: () => clock,
      ...overrides,
    };
    const policy = createConnectorRetryPolicy(options, createLogger('debug', logs));
    const fakeNext = sinon.fake(async () => {
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      return typeof answer === 'number' ? response(answer) : response(answer.status, answer.retryAfter);
    });
    const sent = request ?? {
      method: 'POST',
      url: 'http://127.0.0.1:1/v3/conversations/19%3Aabc/activities',
      timeout: 0,
    };
    return { result: policy.sendRequest(sent, fakeNext), fakeNext, request: sent };
  }

  it('should retry 429, 412, 502, 503 and 504, then hand on the success', async () => {
    // Act
    const { result, fakeNext } = send([429, 412, 502, 503, 200], { maxRetries: 4 });

    // Assert
    assert.equal((await result).status, 200);
    assert.equal(fakeNext.callCount, 5);
    assert.deepEqual(
      fakeSleep.args.map(([ms]) => ms),
      [375, 750, 1_500, 3_000],
    );
  });

  it('should answer a final status such as 403 or 400 at once, without retrying', async () => {
    for (const status of [400, 401, 403, 404, 500, 501]) {
      // Act
      const { result, fakeNext } = send([status]);

      // Assert
      assert.equal((await result).status, status);
      assert.equal(fakeNext.callCount, 1, `status ${status}`);
    }
    assert.equal(fakeSleep.callCount, 0);
  });

  it('should give up after maxRetries and hand on the last failure', async () => {
    // Act
    const { result, fakeNext } = send([503, 503, 503, 503, 503, 503], { maxRetries: 2 });

    // Assert
    assert.equal((await result).status, 503);
    assert.equal(fakeNext.callCount, 3);
    assert.match(logs.text, /giving up/);
  });

  it('should wait what Retry-After asks, cut to maxRetryAfterMs', async () => {
    // Act
    const { result } = send([{ status: 429, retryAfter: '2' }, { status: 429, retryAfter: '3600' }, 200], {
      maxRetryAfterMs: 2_500,
    });

    // Assert
    assert.equal((await result).status, 200);
    assert.deepEqual(
      fakeSleep.args.map(([ms]) => ms),
      [2_000, 2_500],
    );
  });

  it('should start no retry that would begin after the budget', async () => {
    // Act
    const { result, fakeNext } = send([502, 502, 502, 502, 502], { budgetMs: 1_000 });

    // Assert
    assert.equal((await result).status, 502);
    assert.equal(fakeNext.callCount, 2);
    assert.deepEqual(
      fakeSleep.args.map(([ms]) => ms),
      [375],
    );
  });

  it('should retry connection errors and timed-out attempts, and throw the last error when giving up', async () => {
    // Arrange
    const reset = errorWith('RestError', 'ECONNRESET');
    const timedOut = errorWith('AbortError');

    // Act
    const recovered = send([reset, timedOut, 200]);
    const failed = send([reset, reset], { maxRetries: 1 });

    // Assert
    assert.equal((await recovered.result).status, 200);
    await assert.rejects(failed.result, reset);
    assert.equal(failed.fakeNext.callCount, 2);
  });

  it('should not retry an error it does not know, nor a request its caller aborted', async () => {
    // Arrange
    const unknown = new TypeError('bug');
    const aborted = { method: 'GET', url: 'http://127.0.0.1:1/', timeout: 0, abortSignal: { aborted: true } };

    // Act
    const bug = send([unknown]);
    const cancelled = send([errorWith('AbortError')], {}, aborted);

    // Assert
    await assert.rejects(bug.result, unknown);
    await assert.rejects(cancelled.result, /AbortError/);
    assert.equal(bug.fakeNext.callCount + cancelled.fakeNext.callCount, 2);
  });

  it('should give each attempt the attempt timeout, keeping a shorter one set by the caller', async () => {
    // Arrange
    const shorter = { method: 'GET', url: 'http://127.0.0.1:1/', timeout: 500 };

    // Act
    const { request } = send([200], { attemptTimeoutMs: 4_000 });
    const kept = send([200], { attemptTimeoutMs: 4_000 }, shorter);
    await Promise.all([kept.result]);

    // Assert
    assert.equal(request.timeout, 4_000);
    assert.equal(shorter.timeout, 500);
  });

  it('should log method, path, status and wait of each retry, and no header or body', async () => {
    // Act
    await send([{ status: 429, retryAfter: '1' }, 200]).result;

    // Assert
    const line = JSON.parse(logs.lines[0] ?? '{}') as Record<string, unknown>;
    assert.equal(line.msg, 'Bot Connector request failed; retrying');
    assert.equal(line.method, 'POST');
    assert.equal(line.path, '/v3/conversations/19%3Aabc/activities');
    assert.equal(line.failure, 429);
    assert.equal(line.delayMs, 1_000);
  });
});
