import { type PipelineRequest, RestError } from '@azure/core-rest-pipeline';

/**
 * An attempt the transport abandoned at its timeout, as a retryable `ETIMEDOUT` error; a caller's own
 * abort stays what it was, so that it is not retried.
 */
export function asAttemptTimeout(error: unknown, request: PipelineRequest): unknown {
  const aborted = (error as { name?: unknown } | undefined)?.name === 'AbortError';
  if (!aborted || request.abortSignal?.aborted) return error;
  return new RestError(`no response headers within ${request.timeout} ms`, { code: 'ETIMEDOUT' });
}
