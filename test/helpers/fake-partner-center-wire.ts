import { type IncomingMessage, STATUS_CODES } from 'node:http';

/** A route of the fake that `fail` can break. */
export type FakeRoute =
  | 'token'
  | 'domains'
  | 'address'
  | 'createCustomer'
  | 'createOrder'
  | 'listCustomers'
  | 'listOrders'
  | 'offers';

/**
 * How a route fails: an error answer (with `Retry-After` when `retryAfterSeconds` is set; the body
 * defaults to the route's error shape), no answer until the fake stops (`hang`), or the work done and
 * the connection closed without an answer (`lostAnswer`: fetch rejects with `fetch failed`, cause
 * `UND_ERR_SOCKET`), or the work done and its answer (as it stood then) held back until `answerWhen`
 * settles: a caller that waits that long gets an answer older than what Partner Center now holds.
 */
export type FakeFault =
  | { status: number; retryAfterSeconds?: number; body?: object }
  | { hang: true }
  | { lostAnswer: true }
  | { answerWhen: Promise<unknown> };

/** A request the fake received; `headers` are lower-cased, `body` is parsed JSON or form fields. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  at: number;
  route?: FakeRoute;
};

/** A request to the `/v1` API as the fake's data sees it. */
export type ApiRequest = {
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
};

/** An answer of the fake, before it is written. */
export type ApiAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

/** What the fake answers to a path it does not serve. */
export const NOT_FOUND: ApiAnswer = { status: 404, body: { code: 404, description: 'Not Found', data: [] } };

const ROUTES: [method: string, path: RegExp, route: FakeRoute][] = [
  ['POST', /^\/[^/]+\/oauth2\/v2\.0\/token$/, 'token'],
  ['HEAD', /^\/v1\/domains\/[^/]+$/, 'domains'],
  ['POST', /^\/v1\/validations\/address$/, 'address'],
  ['POST', /^\/v1\/customers$/, 'createCustomer'],
  ['GET', /^\/v1\/customers$/, 'listCustomers'],
  ['POST', /^\/v1\/customers\/[^/]+\/orders$/, 'createOrder'],
  ['GET', /^\/v1\/customers\/[^/]+\/orders$/, 'listOrders'],
  ['GET', /^\/v1\/offers$/, 'offers'],
];

/** The route a request goes to, if it is one of those `fail` can break. */
export function routeOf(method: string, path: string): FakeRoute | undefined {
  return ROUTES.find(([verb, pattern]) => verb === method && pattern.test(path))?.[2];
}

/** The whole body of a request, as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A body parsed as form fields or JSON; `undefined` when empty or not JSON. */
export function parseBody(raw: string, contentType = ''): unknown {
  if (raw === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The body of an injected error answer the test gave none for: Entra's shape on the token route, Partner Center's elsewhere. */
export function defaultFaultBody(route: FakeRoute | undefined, status: number): object {
  const description = STATUS_CODES[status] ?? 'Error';
  if (route === 'token') {
    return {
      error: status === 401 ? 'invalid_client' : 'temporarily_unavailable',
      error_description: description,
    };
  }
  return { code: status, description, data: [], source: 'PartnerFD' };
}
