import { randomBytes } from 'node:crypto';
import type { ApiAnswer } from './fake-partner-center-wire.js';
import { secretWatch } from './secret-watch.js';

/**
 * The Microsoft Entra side of the fake Partner Center: the client-credentials token endpoint, the
 * OpenID configuration msal-node reads first, and the tokens issued. Use it through `FakePartnerCenter`.
 */
export class FakeEntraTokenEndpoint {
  readonly tenantId = '6d1f4c2a-3b5e-4f7a-9c8d-0e1f2a3b4c5d';
  readonly clientId = 'a7e3c9b1-5d2f-4e6a-8b0c-1d2e3f4a5b6c';
  readonly clientSecret = secretWatch.remember('app secret', 'fake-pc-secret~Q8vN2kR7tW4yZ1');
  origin = '';
  private readonly tokens = new Map<string, number>();

  constructor(public tokenLifetimeSeconds: number) {}

  /** Whether an `Authorization` header carries a token this endpoint issued and that has not expired. */
  accepts(authorization = ''): boolean {
    const [scheme, token = ''] = authorization.split(' ');
    const expiresAt = this.tokens.get(token);
    return scheme?.toLowerCase() === 'bearer' && expiresAt !== undefined && expiresAt >= Date.now();
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  /** `POST /{tenant}/oauth2/v2.0/token`, refusing as Entra does: tenant, grant, client, secret, scope. */
  token(tenant: string, form: URLSearchParams): ApiAnswer {
    const refuse = (status: number, error: string, code: number, text: string): ApiAnswer => {
      const timestamp = new Date().toISOString();
      const error_description = `AADSTS${code}: ${text} Trace ID: fake Correlation ID: fake Timestamp: ${timestamp}`;
      return { status, body: { error, error_description, error_codes: [code], timestamp } };
    };
    const clientId = form.get('client_id');
    const scope = form.get('scope');
    if (tenant.toLowerCase() !== this.tenantId) {
      return refuse(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return refuse(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    }
    if (clientId !== this.clientId) {
      return refuse(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found.`,
      );
    }
    if (form.get('client_secret') !== this.clientSecret) {
      return refuse(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    }
    if (scope !== `${this.origin}/.default`) {
      return refuse(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid.`);
    }
    const accessToken = randomBytes(32).toString('base64url');
    const lifetime = this.tokenLifetimeSeconds;
    this.tokens.set(accessToken, Date.now() + lifetime * 1000);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
      },
    };
  }

  /** The OpenID configuration and (empty) key set of the tenant; `undefined` for any other path. */
  discovery(method: string, path: string): ApiAnswer | undefined {
    if (method !== 'GET') return undefined;
    if (path === `/${this.tenantId}/v2.0/.well-known/openid-configuration`) {
      return { status: 200, body: this.openIdConfiguration() };
    }
    if (path === `/${this.tenantId}/discovery/v2.0/keys`) return { status: 200, body: { keys: [] } };
    if (path.endsWith('/.well-known/openid-configuration')) {
      return {
        status: 400,
        body: { error: 'invalid_tenant', error_description: 'AADSTS90002: Tenant not found.' },
      };
    }
    return undefined;
  }

  openIdConfiguration() {
    const base = `${this.origin}/${this.tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'AS',
      cloud_instance_name: 'partner.microsoftonline.cn',
    };
  }
}
