import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { callFake, postTokenForm, tokenOf } from './call-fake-partner-center.js';

type OutgoingRequest = { method: string; origin: string; path: string };

const UNDICI_REQUEST = 'undici:request:create';
const HTTP_REQUEST = 'http.client.request.start';

/** Every HTTP request this process starts while `act` runs, through fetch or node:http(s). */
async function outgoingRequestsDuring(act: () => Promise<unknown>): Promise<OutgoingRequest[]> {
  const seen: OutgoingRequest[] = [];
  const onUndici = (message: unknown) => {
    const { request } = message as { request: OutgoingRequest };
    seen.push({ method: request.method, origin: request.origin, path: request.path });
  };
  const onHttp = (message: unknown) => {
    const { request } = message as { request: { method: string; host: string; path: string } };
    seen.push({ method: request.method, origin: request.host, path: request.path });
  };
  diagnostics.subscribe(UNDICI_REQUEST, onUndici);
  diagnostics.subscribe(HTTP_REQUEST, onHttp);
  try {
    await act();
  } finally {
    diagnostics.unsubscribe(UNDICI_REQUEST, onUndici);
    diagnostics.unsubscribe(HTTP_REQUEST, onHttp);
  }
  return seen;
}

function msalAgainst(
  fake: FakePartnerCenter,
  auth: { clientSecret?: string; authorityMetadata?: string } = {},
) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      authority: `${fake.authority}/${fake.tenantId}`,
      knownAuthorities: [fake.host],
      ...auth,
    },
  });
}

describe('FakePartnerCenter token endpoint', () => {
  let fake: FakePartnerCenter;

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should give msal-node a token after the OpenID configuration, with no request going anywhere else', async () => {
    // Arrange
    const app = msalAgainst(fake);
    let result: Awaited<ReturnType<typeof app.acquireTokenByClientCredential>> = null;

    // Act
    const outgoing = await outgoingRequestsDuring(async () => {
      result = await app.acquireTokenByClientCredential({ scopes: [`${fake.url}/.default`] });
    });

    // Assert
    assert.ok(result);
    const { accessToken, tokenType } = result as { accessToken: string; tokenType: string };
    assert.equal(tokenType, 'Bearer');
    assert.deepEqual(
      outgoing.map((request) => `${request.method} ${request.origin}${request.path.split('?')[0]}`),
      [
        `GET ${fake.url}/${fake.tenantId}/v2.0/.well-known/openid-configuration`,
        `POST ${fake.url}/${fake.tenantId}/oauth2/v2.0/token`,
      ],
    );
    assert.deepEqual(
      fake.requests.map((request) => `${request.method} ${request.path}`),
      outgoing.map((request) => `${request.method} ${request.path.split('?')[0]}`),
    );
    assert.deepEqual(fake.requestsTo('token')[0]?.body, {
      ...(fake.requestsTo('token')[0]?.body as object),
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      scope: `${fake.url}/.default`,
    });
    const offers = await callFake(fake, 'GET', '/v1/offers?country=CN&locale=en-US', { token: accessToken });
    assert.equal(offers.status, 200);
  });

  it('should let msal-node skip the OpenID configuration when given the authority metadata', async () => {
    // Arrange
    const app = msalAgainst(fake, { authorityMetadata: fake.authorityMetadata });

    // Act
    const outgoing = await outgoingRequestsDuring(() =>
      app.acquireTokenByClientCredential({ scopes: [`${fake.url}/.default`] }),
    );

    // Assert
    assert.deepEqual(
      outgoing.map((request) => `${request.method} ${request.origin}${request.path.split('?')[0]}`),
      [`POST ${fake.url}/${fake.tenantId}/oauth2/v2.0/token`],
    );
  });

  it('should refuse a wrong client secret with invalid_client, through msal-node too', async () => {
    // Arrange
    const app = msalAgainst(fake, { clientSecret: 'not-the-secret' });

    // Act
    const direct = await postTokenForm(fake, { client_secret: 'not-the-secret' });
    const error = await app.acquireTokenByClientCredential({ scopes: [`${fake.url}/.default`] }).then(
      () => undefined,
      (failure: unknown) => failure,
    );

    // Assert
    assert.equal(direct.status, 401);
    assert.equal(direct.body.error, 'invalid_client');
    assert.match(direct.body.error_description, /^AADSTS7000215: Invalid client secret provided\./);
    assert.ok(error instanceof ServerError, `msal threw ${String(error)}`);
    assert.equal(error.errorCode, 'invalid_client');
  });

  it('should refuse an unknown tenant, client, grant or scope with 400 and an Entra error', async () => {
    // Act
    const answers = await Promise.all([
      postTokenForm(fake, {}, '00000000-0000-0000-0000-000000000000'),
      postTokenForm(fake, { client_id: '11111111-1111-1111-1111-111111111111' }),
      postTokenForm(fake, { grant_type: 'password' }),
      postTokenForm(fake, { scope: 'https://graph.microsoft.com/.default' }),
    ]);

    // Assert
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.body.error]),
      [
        [400, 'invalid_request'],
        [400, 'unauthorized_client'],
        [400, 'unsupported_grant_type'],
        [400, 'invalid_scope'],
      ],
    );
  });

  it('should answer a token shaped as Entra does', async () => {
    // Act
    const answer = await postTokenForm(fake);

    // Assert
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), [
      'access_token',
      'expires_in',
      'ext_expires_in',
      'token_type',
    ]);
    assert.equal(answer.body.token_type, 'Bearer');
    assert.equal(answer.body.expires_in, 3599);
  });

  it('should answer 401 Unauthorized to /v1 calls without a token it issued, or after it expired or was revoked', async () => {
    // Arrange
    const token = await tokenOf(fake);
    fake.tokenLifetimeSeconds = -1;
    const expired = await tokenOf(fake);

    // Act
    const none = await callFake(fake, 'GET', '/v1/offers?country=CN');
    const forged = await callFake(fake, 'GET', '/v1/offers?country=CN', { token: 'forged' });
    const late = await callFake(fake, 'GET', '/v1/offers?country=CN', { token: expired });
    const valid = await callFake(fake, 'GET', '/v1/offers?country=CN', { token });
    fake.revokeTokens();
    const revoked = await callFake(fake, 'GET', '/v1/offers?country=CN', { token });

    // Assert
    for (const answer of [none, forged, late, revoked]) {
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, { code: 401, description: 'Unauthorized' });
    }
    assert.equal(valid.status, 200);
  });
});
