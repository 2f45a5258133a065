import type { RetryStrategy } from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';
import {
  type ConnectorRetryOptions,
  RETRYABLE_ERROR_CODES,
  RETRYABLE_STATUSES,
} from './connector-retry-options.js';

/** What the retry log lines say about a request: never its headers or body. */
export type RequestSummary = { method: string; path: string };

/** The service a request goes to: its name in log lines, and the answers of it worth another attempt. */
export type RetriedService = { name: string; retryableStatuses: ReadonlySet<number> };

/** The Bot Connector, the service retried unless another is named. */
export const BOT_CONNECTOR: RetriedService = { name: 'Bot Connector', retryableStatuses: RETRYABLE_STATUSES };

/**
 * The retry decision for one request to `service` (the Bot Connector unless another is named), given to `retryPolicy` of `@azure/core-rest-pipeline`,
 * which runs the loop, waits and stops after `maxRetries`. A status the service names retryable or an error
 * code in `RETRYABLE_ERROR_CODES` is retried after exponential backoff with "equal jitter" (a random
 * point in the upper half, so that many senders do not retry in step), or after the `Retry-After` the
 * service sent when that is longer, cut to `maxRetryAfterMs`. No retry starts that would begin more than
 * `budgetMs` after `startedAt`. Everything else is skipped, so the policy hands it on unchanged.
 */
export function createRetryStrategy(
  options: ConnectorRetryOptions,
  logger: Logger,
  request: RequestSummary,
  startedAt: number,
  service: RetriedService = BOT_CONNECTOR,
): RetryStrategy {
  return {
    name: 'addCustomerBotRetry',
    retry({ retryCount, response, responseError }) {
      const failure = response
        ? service.retryableStatuses.has(response.status) && response.status
        : RETRYABLE_ERROR_CODES.has(responseError?.code ?? '') && responseError?.code;
      if (!failure) return { skipStrategy: true };
      const now = options.now();
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryCount);
      const jittered = Math.round(backoff / 2 + options.random() * (backoff / 2));
      const retryAfterMs = readRetryAfter(response?.headers.get('retry-after'), now);
      const delayMs =
        retryAfterMs === undefined
          ? jittered
          : Math.min(options.maxRetryAfterMs, Math.max(retryAfterMs, jittered));
      if (now - startedAt + delayMs > options.budgetMs) return { skipStrategy: true };
      logger.warn(
        { ...request, attempt: retryCount + 1, failure, delayMs, retryAfterMs },
        `${service.name} request failed; retrying`,
      );
      return { retryAfterInMs: delayMs };
    },
  };
}

/** A `Retry-After` in milliseconds: delay-seconds (fractions too) or an HTTP date; undefined if unreadable. */
function readRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
