import { type RequestPolicy, toHttpHeadersLike } from '@azure/core-http-compat';
import {
  createDefaultHttpClient,
  type HttpClient,
  isRestError,
  type PipelineRequest,
  type PipelineResponse,
  RestError,
  retryPolicy,
} from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';
import { describeError } from '../logging/describe-error.js';
import { asAttemptTimeout } from './as-attempt-timeout.js';
import {
  type ConnectorRetryOptions,
  RETRYABLE_ERROR_CODES,
  RETRYABLE_STATUSES,
} from './connector-retry-options.js';
import { createRetryStrategy } from './create-retry-strategy.js';
import { toPipelineRequest } from './to-pipeline-request.js';

/** The `code` of the error a Bot Connector request ends with when it failed for good. */
export const CONNECTOR_REQUEST_FAILED = 'BOT_CONNECTOR_REQUEST_FAILED';

/**
 * The HTTP client for botframework-connector's `ConnectorClientOptions.httpClient`, the one option of
 * that SDK (4.23) that reaches the pipeline under each `ConnectorClient`. It sends each attempt through
 * `transport` with `attemptTimeoutMs`, retried by `retryPolicy` of `@azure/core-rest-pipeline` with
 * `createRetryStrategy`. The SDK's own retry policy still sits above it and cannot be
 * configured from these options, so an answer it would send again (a retryable status, any 5xx, a
 * transport error) ends here as a `RestError` coded `CONNECTOR_REQUEST_FAILED`, with the status but
 * without the response; other answers, 403 in particular, go back to the SDK unchanged. Log lines
 * carry the method, path, status or error code, never headers or bodies.
 */
export function createConnectorHttpClient(
  options: ConnectorRetryOptions,
  logger: Logger,
  transport: HttpClient = createDefaultHttpClient(),
): RequestPolicy {
  return {
    async sendRequest(webResource) {
      const request = toPipelineRequest(webResource, options.attemptTimeoutMs);
      const summary = { method: request.method, path: new URL(request.url).pathname };
      const startedAt = options.now();
      let attempts = 0;
      const attempt = (sent: PipelineRequest) => {
        attempts += 1;
        return transport.sendRequest(sent).catch((error: unknown) => {
          throw asAttemptTimeout(error, sent);
        });
      };
      const retrying = retryPolicy([createRetryStrategy(options, logger, summary, startedAt)], {
        maxRetries: options.maxRetries,
      });
      const giveUp = (failure: string | number) => {
        const elapsedMs = options.now() - startedAt;
        logger.error({ ...summary, attempts, failure, elapsedMs }, 'Bot Connector request failed; giving up');
        return `Bot Connector ${summary.method} ${summary.path} failed after ${attempts} attempt(s)`;
      };
      let response: PipelineResponse;
      try {
        response = await retrying.sendRequest(request, attempt);
      } catch (error) {
        if (!isRestError(error) || !RETRYABLE_ERROR_CODES.has(error.code ?? '')) throw error;
        const message = `${giveUp(error.code ?? '')}: ${describeError(error).message}`;
        throw new RestError(message, { code: CONNECTOR_REQUEST_FAILED });
      }
      const { status } = response;
      if (RETRYABLE_STATUSES.has(status) || status >= 500) {
        const message = RETRYABLE_STATUSES.has(status)
          ? `${giveUp(status)}: ${status}`
          : `Bot Connector ${summary.method} ${summary.path} answered ${status}`;
        throw new RestError(message, { code: CONNECTOR_REQUEST_FAILED, statusCode: status });
      }
      return {
        request: webResource,
        status,
        headers: toHttpHeadersLike(response.headers),
        bodyAsText: response.bodyAsText,
        readableStreamBody: response.readableStreamBody,
        blobBody: response.blobBody,
      };
    },
  };
}
