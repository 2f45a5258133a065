import { randomUUID } from 'node:crypto';
import type { FakePartnerCenter } from '../helpers/fake-partner-center.js';

/** An answer of the fake, with its JSON body parsed (undefined when it had none). */
export type FakeAnswer = {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the fake's JSON answers field by field, as a client would
  body: any;
};

/** Gets a token straight from the fake's token endpoint with these form fields over the right ones. */
export async function postTokenForm(
  fake: FakePartnerCenter,
  overrides: Record<string, string> = {},
  tenant = fake.tenantId,
): Promise<FakeAnswer> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: fake.clientId,
    client_secret: fake.clientSecret,
    scope: `${fake.url}/.default`,
    ...overrides,
  });
  const response = await fetch(`${fake.authority}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A valid access token from the fake. */
export async function tokenOf(fake: FakePartnerCenter): Promise<string> {
  const answer = await postTokenForm(fake);
  return answer.body.access_token as string;
}

/**
 * Calls the fake's `/v1` API as a Partner Center client would: a Bearer token, a fresh `MS-RequestId`
 * and `MS-CorrelationId` unless given, and a JSON body.
 */
export async function callFake(
  fake: FakePartnerCenter,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<FakeAnswer> {
  const headers: Record<string, string> = {
    'ms-requestid': randomUUID(),
    'ms-correlationid': randomUUID(),
    accept: 'application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A complete `POST /v1/customers` body for this domain. */
export function newCustomerBody(domain: string) {
  return {
    companyProfile: { domain },
    billingProfile: {
      email: `it@${domain}`,
      culture: 'zh-CN',
      language: 'zh-Hans',
      companyName: 'Contoso 上海',
      defaultAddress: {
        country: 'CN',
        region: '',
        city: '上海市',
        state: '上海市',
        addressLine1: '浦东新区世纪大道 100 号',
        addressLine2: '',
        postalCode: '200120',
        firstName: '伟',
        lastName: '王',
        phoneNumber: '13800138000',
      },
    },
  };
}
