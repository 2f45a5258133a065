import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  type AddressCheck,
  type FakeCustomer,
  type FakeCustomerSeed,
  type FakeOrder,
  FakePartnerCenterApi,
} from './fake-partner-center-api.js';
import { defaultFakeOffers, type FakeOffer } from './fake-partner-center-catalog.js';
import { FakeEntraTokenEndpoint } from './fake-partner-center-entra.js';
import {
  type ApiAnswer,
  type ApiRequest,
  defaultFaultBody,
  type FakeFault,
  type FakeRoute,
  NOT_FOUND,
  parseBody,
  type RecordedRequest,
  readBody,
  routeOf,
} from './fake-partner-center-wire.js';

export type {
  AddressCheck,
  FakeCustomer,
  FakeCustomerSeed,
  FakeOrder,
  PartnerCenterAddress,
} from './fake-partner-center-api.js';
export { FAKE_ERROR_CODES, REQUIRED_CUSTOMER_FIELDS } from './fake-partner-center-api.js';
export { ADD_ON_OFFER_ID, type FakeOffer, TRIAL_OFFER_ID } from './fake-partner-center-catalog.js';
export type { FakeFault, FakeRoute, RecordedRequest } from './fake-partner-center-wire.js';

/** What `FakePartnerCenter.start` can be given; every field can also be changed later. */
export type FakePartnerCenterOptions = {
  latencyMs?: number;
  takenDomains?: Iterable<string>;
  addressCheck?: AddressCheck;
  offers?: FakeOffer[];
  tokenLifetimeSeconds?: number;
};

const ECHOED_HEADERS = ['ms-requestid', 'ms-correlationid'];

const TLS_FOLDER = new URL('../fixtures/tls/', import.meta.url);

/**
 * A fake Partner Center operated by 21Vianet, and its Microsoft Entra token endpoint, on one HTTPS
 * server on 127.0.0.1 (certificate from `test/fixtures/tls`, trusted by `npm test` through
 * `NODE_EXTRA_CA_CERTS`). Use it to test a Partner Center client: it answers as the documented API
 * does, records every request, and fails on demand (`fail`, `latencyMs`).
 *
 * msal-node 7 gets a token from it with:
 * ```ts
 * const app = new ConfidentialClientApplication({
 *   auth: {
 *     clientId: fake.clientId,
 *     clientSecret: fake.clientSecret,
 *     authority: `${fake.authority}/${fake.tenantId}`,
 *     knownAuthorities: [fake.host],
 *   },
 * });
 * await app.acquireTokenByClientCredential({ scopes: [`${fake.url}/.default`] });
 * ```
 * `knownAuthorities` makes msal trust the host without instance discovery (nothing goes to
 * login.microsoftonline.com). Before its first token, each application then fetches
 * `GET /{tenant}/v2.0/.well-known/openid-configuration` from the fake, and posts to the
 * `token_endpoint` found there; later tokens come from msal's cache until they expire. With
 * `authorityMetadata: fake.authorityMetadata` added to `auth`, msal skips that first request too.
 */
export class FakePartnerCenter {
  readonly requests: RecordedRequest[] = [];
  latencyMs: number;
  private readonly api: FakePartnerCenterApi;
  private readonly entra: FakeEntraTokenEndpoint;
  private readonly faults = new Map<FakeRoute, { fault: FakeFault; times: number }[]>();

  private constructor(
    private readonly server: Server,
    options: FakePartnerCenterOptions,
  ) {
    this.api = new FakePartnerCenterApi(options.offers ?? defaultFakeOffers());
    for (const domain of options.takenDomains ?? []) this.api.takenDomains.add(domain);
    if (options.addressCheck) this.api.addressCheck = options.addressCheck;
    this.latencyMs = options.latencyMs ?? 0;
    this.entra = new FakeEntraTokenEndpoint(options.tokenLifetimeSeconds ?? 3599);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500).end(String(error));
      });
    });
  }

  /** Starts the fake on a random free port of 127.0.0.1. */
  static async start(options: FakePartnerCenterOptions = {}): Promise<FakePartnerCenter> {
    const server = createServer({
      key: readFileSync(new URL('localhost-key.pem', TLS_FOLDER)),
      cert: readFileSync(new URL('localhost-cert.pem', TLS_FOLDER)),
    });
    const fake = new FakePartnerCenter(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.entra.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Closes every connection (hanging requests too) and the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The API base (`PARTNER_CENTER_ENDPOINT`), e.g. `https://127.0.0.1:PORT`. */
  get url(): string {
    return this.entra.origin;
  }

  /** The token authority (`PARTNER_CENTER_AUTHORITY`): the same origin; msal's authority is `${authority}/${tenantId}`. */
  get authority(): string {
    return this.entra.origin;
  }

  /** `127.0.0.1:PORT`, for msal's `knownAuthorities`. */
  get host(): string {
    return new URL(this.entra.origin).host;
  }

  /** The OpenID configuration msal fetches, as a string for msal's `authorityMetadata` option. */
  get authorityMetadata(): string {
    return JSON.stringify(this.entra.openIdConfiguration());
  }

  /** The tenant whose token endpoint the fake serves. */
  get tenantId(): string {
    return this.entra.tenantId;
  }

  /** The one application id the token endpoint knows. */
  get clientId(): string {
    return this.entra.clientId;
  }

  /** The one secret the token endpoint accepts for `clientId`. */
  get clientSecret(): string {
    return this.entra.clientSecret;
  }

  /** The `expires_in` of tokens issued from now on; a token is refused by `/v1` once it has expired. */
  get tokenLifetimeSeconds(): number {
    return this.entra.tokenLifetimeSeconds;
  }

  set tokenLifetimeSeconds(seconds: number) {
    this.entra.tokenLifetimeSeconds = seconds;
  }

  /** Domains that count as taken although no customer of the fake has them. */
  get takenDomains(): Set<string> {
    return this.api.takenDomains;
  }

  /** Decides which addresses `POST /v1/validations/address` accepts; every one by default. */
  get addressCheck(): AddressCheck {
    return this.api.addressCheck;
  }

  set addressCheck(check: AddressCheck) {
    this.api.addressCheck = check;
  }

  /** The catalog `GET /v1/offers` serves and orders are checked against. */
  get offers(): FakeOffer[] {
    return this.api.offers;
  }

  set offers(offers: FakeOffer[]) {
    this.api.offers = offers;
  }

  /** Every customer, created through the API or seeded, in creation order, with its orders. */
  get customers(): readonly FakeCustomer[] {
    return this.api.customers;
  }

  /** The orders of one customer (empty for an unknown one). */
  ordersOf(customerId: string): readonly FakeOrder[] {
    return this.api.customers.find((customer) => customer.id === customerId)?.orders ?? [];
  }

  /** Seeds a customer as if made in the portal (no credentials); its domain is taken from now on. */
  addCustomer(seed: FakeCustomerSeed): FakeCustomer {
    return this.api.addCustomer(seed);
  }

  /** Makes the next `times` requests to `route` fail with `fault`; faults queue up in order. */
  fail(route: FakeRoute, fault: FakeFault, times = 1): void {
    this.faults.set(route, [...(this.faults.get(route) ?? []), { fault, times }]);
  }

  /** Lets `route` answer normally again, dropping the faults still queued for it. */
  clearFaults(route: FakeRoute): void {
    this.faults.delete(route);
  }

  /** Forgets every token issued so far, as if they had expired: the next `/v1` call gets 401. */
  revokeTokens(): void {
    this.entra.revokeAll();
  }

  /** The recorded requests to one route. */
  requestsTo(route: FakeRoute): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, [value].flat().join(', ')]),
    );
    const raw = await readBody(request);
    const body = parseBody(raw, headers['content-type']);
    const at = Date.now();
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method, path: url.pathname, query, headers, body, at, route });
    const isApi = url.pathname.startsWith('/v1/');
    if (isApi && this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const fault = route && this.takeFault(route);
    if (fault && 'hang' in fault) return;
    let answer: ApiAnswer;
    if (fault && 'status' in fault) {
      answer = { status: fault.status, body: fault.body ?? defaultFaultBody(route, fault.status) };
      if (fault.retryAfterSeconds !== undefined)
        answer.headers = { 'retry-after': `${fault.retryAfterSeconds}` };
    } else if (route === 'token') {
      answer = this.entra.token(url.pathname.split('/')[1] ?? '', new URLSearchParams(raw));
    } else if (isApi) {
      const segments = url.pathname.split('/').slice(1);
      answer = this.callApi(route, { segments, query: url.searchParams, headers, body }, raw);
    } else {
      answer = this.entra.discovery(method, url.pathname) ?? NOT_FOUND;
    }
    if (fault && 'lostAnswer' in fault) {
      request.socket.destroy();
      return;
    }
    if (fault && 'answerWhen' in fault) {
      answer = { ...answer, body: structuredClone(answer.body) };
      await fault.answerWhen;
    }
    const echoed = Object.entries(headers).filter(([name]) => ECHOED_HEADERS.includes(name));
    const json = answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
    response.writeHead(answer.status, { ...Object.fromEntries(echoed), ...json, ...answer.headers });
    response.end(answer.body === undefined || method === 'HEAD' ? undefined : JSON.stringify(answer.body));
  }

  private takeFault(route: FakeRoute): FakeFault | undefined {
    const queue = this.faults.get(route) ?? [];
    const next = queue[0];
    if (!next) return undefined;
    next.times -= 1;
    if (next.times <= 0) queue.shift();
    return next.fault;
  }

  private callApi(route: FakeRoute | undefined, request: ApiRequest, raw: string): ApiAnswer {
    if (!this.entra.accepts(request.headers.authorization)) {
      return { status: 401, body: { code: 401, description: 'Unauthorized' } };
    }
    if (raw !== '' && request.body === undefined) {
      return {
        status: 400,
        body: { code: 2000, description: 'The request body is not valid JSON.', data: [] },
      };
    }
    switch (route) {
      case 'domains':
        return this.api.checkDomain(request);
      case 'address':
        return this.api.validateAddress(request);
      case 'createCustomer':
        return this.api.createCustomer(request);
      case 'listCustomers':
        return this.api.listCustomers(request);
      case 'createOrder':
        return this.api.createOrder(request);
      case 'listOrders':
        return this.api.listOrders(request);
      case 'offers':
        return this.api.listOffers(request);
      default:
        return NOT_FOUND;
    }
  }
}
