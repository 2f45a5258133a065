import type { Logger } from 'pino';
import { describeError } from '../logging/describe-error.js';
import { computeRetryDelay } from './compute-retry-delay.js';
import {
  type ConnectorRetryOptions,
  RETRYABLE_ERROR_CODES,
  RETRYABLE_STATUSES,
} from './connector-retry-options.js';
import { parseRetryAfter } from './parse-retry-after.js';

/** The parts of an `@azure/core-rest-pipeline` request this policy reads and sets. */
export type PipelineRequest = {
  method: string;
  url: string;
  timeout: number;
  abortSignal?: { aborted: boolean };
};

/** The parts of an `@azure/core-rest-pipeline` response this policy reads. */
export type PipelineResponse = { status: number; headers: { get(name: string): string | undefined } };

/** A policy of the HTTP pipeline under botframework-connector's `ConnectorClient`. */
export type PipelinePolicy = {
  name: string;
  sendRequest(
    request: PipelineRequest,
    next: (request: PipelineRequest) => Promise<PipelineResponse>,
  ): Promise<PipelineResponse>;
};

/** The name the retry policy has in the connector's pipeline. */
export const CONNECTOR_RETRY_POLICY_NAME = 'addCustomerBotConnectorRetry';

type Attempt = { response: PipelineResponse; error?: undefined } | { response?: undefined; error: unknown };

/**
 * Retries Bot Connector requests that failed for a passing reason (see `RETRYABLE_STATUSES` and
 * `RETRYABLE_ERROR_CODES`, plus an attempt that timed out) with bounded exponential backoff and
 * jitter, honouring `Retry-After`. It gives up after `maxRetries` or once the budget is spent and
 * hands on the last answer, so callers see the same errors as without it. Logs carry the method,
 * path and status, never headers or bodies.
 */
export function createConnectorRetryPolicy(options: ConnectorRetryOptions, logger: Logger): PipelinePolicy {
  return {
    name: CONNECTOR_RETRY_POLICY_NAME,
    async sendRequest(request, next) {
      const startedAt = options.now();
      if (!(request.timeout > 0) || request.timeout > options.attemptTimeoutMs) {
        request.timeout = options.attemptTimeoutMs;
      }
      for (let retry = 0; ; retry++) {
        const attempt: Attempt = await next(request).then(
          (response) => ({ response }),
          (error: unknown) => ({ error }),
        );
        const failure = retryableFailure(attempt, request);
        const where = { method: request.method, path: pathOf(request.url), attempt: retry + 1 };
        if (failure === undefined) return settle(attempt);
        const retryAfterMs = parseRetryAfter(attempt.response?.headers.get('retry-after'), options.now());
        const delayMs = computeRetryDelay(retry, retryAfterMs, options);
        const elapsedMs = options.now() - startedAt;
        if (retry >= options.maxRetries || elapsedMs + delayMs > options.budgetMs) {
          logger.error({ ...where, failure, elapsedMs }, 'Bot Connector request failed; giving up');
          return settle(attempt);
        }
        logger.warn({ ...where, failure, delayMs, retryAfterMs }, 'Bot Connector request failed; retrying');
        await options.sleep(delayMs);
      }
    },
  };
}

/** Why an attempt deserves a retry (a status or an error code), or undefined if it does not. */
function retryableFailure(attempt: Attempt, request: PipelineRequest): string | number | undefined {
  if (attempt.response) {
    return RETRYABLE_STATUSES.has(attempt.response.status) ? attempt.response.status : undefined;
  }
  if (request.abortSignal?.aborted) return undefined;
  const { name, code } = (attempt.error ?? {}) as { name?: string; code?: string };
  if (name === 'AbortError') return 'TIMEOUT';
  if (code && RETRYABLE_ERROR_CODES.has(code)) return code;
  return undefined;
}

function settle(attempt: Attempt): PipelineResponse {
  if (attempt.response) return attempt.response;
  throw attempt.error;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch (error) {
    return `(unparsable URL: ${describeError(error).message})`;
  }
}
