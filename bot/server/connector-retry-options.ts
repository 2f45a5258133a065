/**
 * How outgoing Bot Connector requests are retried. The defaults keep a whole retried request within
 * Teams' 15 s wait for the turn that makes it; tests pass tiny delays, a fixed `random` or a fake `now`.
 */
export type ConnectorRetryOptions = {
  /** Retries after the first attempt; 4 means at most 5 attempts. */
  maxRetries: number;
  /** The first backoff; each retry doubles it, up to `maxDelayMs`, with jitter in its upper half. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest wait a `Retry-After` header can impose; a longer one is cut to this. */
  maxRetryAfterMs: number;
  /** An attempt without response headers by then is abandoned and counts as failed. */
  attemptTimeoutMs: number;
  /** No retry starts if, with its wait, it would begin later than this after the first attempt. */
  budgetMs: number;
  /** A uniform random number in [0, 1), for jitter. */
  random: () => number;
  /** Milliseconds since some fixed point, for the budget and HTTP-date `Retry-After` values. */
  now: () => number;
};

/** The retry settings the bot runs with unless a test passes others. */
export const DEFAULT_CONNECTOR_RETRY: ConnectorRetryOptions = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 5_000,
  attemptTimeoutMs: 10_000,
  budgetMs: 12_000,
  random: Math.random,
  now: Date.now,
};

/**
 * The answers of the Bot Connector worth another attempt: throttling (429), Teams' "retry" answers
 * (412, 502, 504), a service briefly unavailable (503) and a request timeout (408). Anything else,
 * 403 for a user without the app in particular, is final.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 412, 429, 502, 503, 504]);

/**
 * Transport errors after which the request can be sent again (`ETIMEDOUT` also marks an attempt that
 * got no response headers within `attemptTimeoutMs`).
 */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
]);
