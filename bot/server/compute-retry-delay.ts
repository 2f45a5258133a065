import type { ConnectorRetryOptions } from './connector-retry-options.js';

/**
 * The wait before retry number `retry` (0 for the first): exponential backoff capped at `maxDelayMs`,
 * with "equal jitter" (a random point in the upper half) so that many senders do not retry in step.
 * A `Retry-After` the service sent is honoured (never retried sooner), cut to `maxRetryAfterMs`.
 */
export function computeRetryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  options: Pick<ConnectorRetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>,
): number {
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  const jittered = Math.round(backoff / 2 + options.random() * (backoff / 2));
  if (retryAfterMs === undefined) return jittered;
  return Math.min(options.maxRetryAfterMs, Math.max(retryAfterMs, jittered));
}
