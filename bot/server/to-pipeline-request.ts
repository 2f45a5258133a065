import type { WebResourceLike } from '@azure/core-http-compat';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest } from '@azure/core-rest-pipeline';

/**
 * The `@azure/core-rest-pipeline` request for a request botframework-connector hands to its
 * `httpClient` (the fields `@azure/core-http-compat` carries over that matter in Node.js), with a timeout
 * per attempt: the caller's if shorter, else `attemptTimeoutMs`. Plain `http:` is allowed where the SDK allows it
 * (a service URL of that scheme, as in local tests).
 */
export function toPipelineRequest(webResource: WebResourceLike, attemptTimeoutMs: number): PipelineRequest {
  const { url, timeout } = webResource;
  return createPipelineRequest({
    url,
    method: webResource.method,
    headers: createHttpHeaders(webResource.headers.toJson({ preserveCase: true })),
    body: webResource.body,
    formData: webResource.formData,
    timeout: timeout > 0 && timeout < attemptTimeoutMs ? timeout : attemptTimeoutMs,
    abortSignal: webResource.abortSignal,
    requestId: webResource.requestId,
    streamResponseStatusCodes: webResource.streamResponseStatusCodes,
    onUploadProgress: webResource.onUploadProgress,
    onDownloadProgress: webResource.onDownloadProgress,
    proxySettings: webResource.proxySettings,
    agent: webResource.agent,
    allowInsecureConnection: new URL(url).protocol === 'http:',
  });
}
