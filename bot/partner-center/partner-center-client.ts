import { randomUUID } from 'node:crypto';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
  retryPolicy,
} from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { PartnerCenterSettings } from '../config/load-config.js';
import { describeError } from '../logging/describe-error.js';
import { asAttemptTimeout } from '../server/as-attempt-timeout.js';
import { type ConnectorRetryOptions, DEFAULT_CONNECTOR_RETRY } from '../server/connector-retry-options.js';
import { createRetryStrategy, type RetriedService } from '../server/create-retry-strategy.js';
import type { createCustomerBody } from './create-customer-body.js';
import {
  failureOf,
  isPartnerCenterError,
  KNOWN_PARTNER_CENTER_ERRORS,
  PartnerCenterError,
} from './partner-center-error.js';
import {
  AddressRefusalSchema,
  type AddressToCheck,
  type AddressVerdict,
  CUSTOMER_PAGE_SIZE,
  CustomerPageSchema,
  CustomerSchema,
  OfferPageSchema,
  OrderSchema,
  type PartnerCenterCustomer,
  type PartnerCenterOffer,
  type PartnerCenterOrder,
} from './partner-center-schemas.js';
import { PartnerCenterTokens } from './partner-center-tokens.js';

const PARTNER_CENTER: RetriedService = {
  name: 'Partner Center',
  retryableStatuses: new Set([408, 429, 500, 502, 503, 504]),
};

export type {
  AddressToCheck,
  AddressVerdict,
  PartnerCenterCustomer,
  PartnerCenterOffer,
  PartnerCenterOrder,
} from './partner-center-schemas.js';

type Call = {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The `MS-RequestId` of the logical call, the same on every retry; a new one when absent. */
  requestId?: string;
  /** Statuses that are an answer, not a failure (404 for a free domain). */
  accept?: readonly number[];
  retries?: boolean;
  timeoutMs?: number;
  /** Abandons the call (no retry), for a bot that is stopping. */
  signal?: AbortSignal;
};

/**
 * Partner Center operated by 21Vianet, through its REST API, as this app registration (app-only
 * tokens from `${authority}/${tenantId}` by `@azure/msal-node`, which caches them until shortly before
 * they expire and, with the authority listed as known, asks no other host). Every call carries an
 * `MS-RequestId` kept across its retries and a new `MS-CorrelationId` per attempt; 429 waits for
 * `Retry-After`, 5xx and time-outs are retried with backoff within a bounded budget, and what still fails
 * is a `PartnerCenterError`. Log lines carry the method, path and status, never tokens or bodies.
 */
export class PartnerCenterClient {
  private readonly tokens: PartnerCenterTokens;
  private readonly retry: ConnectorRetryOptions;
  private readonly transport: HttpClient;

  constructor(
    private readonly settings: PartnerCenterSettings,
    private readonly logger: Logger,
    options: { retry?: Partial<ConnectorRetryOptions>; transport?: HttpClient } = {},
  ) {
    this.retry = { ...DEFAULT_CONNECTOR_RETRY, ...options.retry };
    this.transport = options.transport ?? createDefaultHttpClient();
    this.tokens = new PartnerCenterTokens(settings);
  }

  /**
   * Whether a tenant domain (`<prefix>.partner.onmschina.cn`) is taken: one attempt, answered within
   * `timeoutMs` or not at all (undefined), so that a slow Partner Center never holds up a card.
   */
  async isDomainTaken(domain: string, timeoutMs: number): Promise<boolean | undefined> {
    try {
      const { status } = await this.send({
        method: 'HEAD',
        path: `/v1/domains/${encodeURIComponent(domain)}`,
        accept: [404],
        retries: false,
        timeoutMs,
      });
      return status !== 404;
    } catch (error) {
      this.logger.warn({ error: describeError(error) }, 'Partner Center domain check gave no answer');
      return undefined;
    }
  }

  /**
   * Checks an address in China with Partner Center: valid, or not (with the address Partner Center
   * suggests, if any); undefined when Partner Center gave no usable answer within `timeoutMs`, so that a
   * slow Partner Center never holds up a card.
   */
  async validateAddress(address: AddressToCheck, timeoutMs: number): Promise<AddressVerdict | undefined> {
    try {
      const { status, json } = await this.send({
        method: 'POST',
        path: '/v1/validations/address',
        body: {
          country: 'CN',
          state: address.province,
          city: address.city,
          postalCode: address.postalCode,
          addressLine1: address.addressLine1,
          addressLine2: address.addressLine2,
        },
        accept: [400],
        retries: false,
        timeoutMs,
      });
      if (status !== 400) return { valid: true };
      const refusal = AddressRefusalSchema.safeParse(json);
      if (!refusal.success || String(refusal.data.code) !== '2007') return undefined;
      const suggested = refusal.data.corrected_address;
      return {
        valid: false,
        suggestion: suggested && {
          addressLine1: suggested.addressLine1,
          addressLine2: suggested.addressLine2,
          city: suggested.city,
          province: suggested.state,
          postalCode: suggested.postalCode,
        },
      };
    } catch (error) {
      this.logger.warn({ error: describeError(error) }, 'Partner Center address check gave no answer');
      return undefined;
    }
  }

  /** Creates a customer (its tenant and admin user) once per `requestId`; the answer holds the admin's password. */
  async createCustomer(body: ReturnType<typeof createCustomerBody>, requestId: string, signal?: AbortSignal) {
    const { json } = await this.send({ method: 'POST', path: '/v1/customers', body, requestId, signal });
    return this.parse(CustomerSchema, json, 'POST /v1/customers');
  }

  /** The partner's customer with this tenant domain, if there is one. */
  async findCustomerByDomain(domain: string): Promise<PartnerCenterCustomer | undefined> {
    const filter = JSON.stringify({ Field: 'Domain', Value: domain, Operator: 'starts_with' });
    const { json } = await this.send({
      method: 'GET',
      path: `/v1/customers?size=50&filter=${encodeURIComponent(filter)}`,
    });
    const page = this.parse(z.looseObject({ items: z.array(CustomerSchema) }), json, 'GET /v1/customers');
    return page.items.find(
      (customer) => customer.companyProfile.domain.toLowerCase() === domain.toLowerCase(),
    );
  }

  /** Places an order of licenses for a customer once per `requestId`. */
  async createOrder(
    customerId: string,
    lines: readonly { offerId: string; quantity: number }[],
    requestId: string,
    signal?: AbortSignal,
  ): Promise<PartnerCenterOrder> {
    const path = `/v1/customers/${encodeURIComponent(customerId)}/orders`;
    const body = {
      referenceCustomerId: customerId,
      lineItems: lines.map((line, index) => ({
        lineItemNumber: index,
        offerId: line.offerId,
        quantity: line.quantity,
      })),
    };
    const { json } = await this.send({ method: 'POST', path, body, requestId, signal });
    return this.parse(OrderSchema, json, `POST ${path}`);
  }

  /**
   * The offers Partner Center sells in China, named in `locale` (call once per locale for both names),
   * trial and add-on offers included: the caller decides what to show.
   */
  async listOffers(locale: 'zh-CN' | 'en-US'): Promise<PartnerCenterOffer[]> {
    const { json } = await this.send({
      method: 'GET',
      path: `/v1/offers?country=CN&locale=${encodeURIComponent(locale)}`,
    });
    return this.parse(OfferPageSchema, json, 'GET /v1/offers').items;
  }

  /**
   * Every customer of the partner, one page (up to `CUSTOMER_PAGE_SIZE`) at a time, following
   * `links.next` with its `MS-ContinuationToken` until Partner Center gives none; a failed page throws.
   */
  async *listCustomers(): AsyncGenerator<PartnerCenterCustomer[]> {
    let call: Call = { method: 'GET', path: `/v1/customers?size=${CUSTOMER_PAGE_SIZE}` };
    for (;;) {
      const { json } = await this.send(call);
      const page = this.parse(CustomerPageSchema, json, 'GET /v1/customers');
      yield page.items;
      const next = page.links?.next;
      if (!next) return;
      const headers = Object.fromEntries(next.headers.map(({ key, value }) => [key.toLowerCase(), value]));
      if (!headers['ms-continuationtoken']) return;
      call = { method: 'GET', path: nextPath(next.uri), headers };
    }
  }

  private async send(call: Call): Promise<{ status: number; json: unknown }> {
    const request = createPipelineRequest({
      url: `${this.settings.endpoint}${call.path}`,
      method: call.method,
      headers: createHttpHeaders({
        accept: 'application/json',
        'ms-requestid': call.requestId ?? randomUUID(),
        ...call.headers,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      }),
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeout: call.timeoutMs ?? this.retry.attemptTimeoutMs,
      abortSignal: call.signal,
    });
    const name = `${call.method} ${call.path.split('?')[0]}`;
    const summary = { method: call.method, path: call.path.split('?')[0] ?? call.path };
    const strategy = createRetryStrategy(this.retry, this.logger, summary, this.retry.now(), PARTNER_CENTER);
    const policy = retryPolicy([strategy], {
      maxRetries: call.retries === false ? 0 : this.retry.maxRetries,
    });
    let response: PipelineResponse;
    try {
      response = await policy.sendRequest(request, (sent) => this.attempt(sent));
    } catch (error) {
      if (isPartnerCenterError(error) || call.signal?.aborted) throw error;
      throw new PartnerCenterError(
        KNOWN_PARTNER_CENTER_ERRORS.unavailable,
        `Partner Center ${name} gave no answer: ${describeError(error).message}`,
      );
    }
    const { status } = response;
    const json = response.bodyAsText ? safeJson(response.bodyAsText) : undefined;
    if ((status >= 200 && status < 300) || call.accept?.includes(status)) return { status, json };
    throw failureOf(name, status, json);
  }

  private async attempt(request: PipelineRequest): Promise<PipelineResponse> {
    request.headers.set('authorization', `Bearer ${await this.tokens.get()}`);
    request.headers.set('ms-correlationid', randomUUID());
    return this.transport.sendRequest(request).catch((error: unknown) => {
      throw asAttemptTimeout(error, request);
    });
  }

  private parse<T>(schema: z.ZodType<T>, json: unknown, name: string): T {
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new PartnerCenterError(
      KNOWN_PARTNER_CENTER_ERRORS.rejected,
      `Partner Center answered ${name} with an unexpected body: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
}

/** A `links.next` URI as a path of the API: Partner Center answers `/v1/…`, sometimes `v1/…`. */
function nextPath(uri: string): string {
  const { pathname, search } = new URL(uri, 'https://partner-center.invalid/');
  return `${pathname}${search}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
