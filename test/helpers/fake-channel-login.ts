import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

const TLS_FOLDER = new URL('../fixtures/tls/', import.meta.url);

/** A client-credentials token request the fake received. */
export type TokenRequest = {
  tenant: string;
  clientId: string | null;
  scope: string | null;
  grantType: string | null;
};

/**
 * A stand-in for the Entra login a bot gets its own tokens from (bot → channel), such as
 * `login.partner.microsoftonline.cn` in the 21Vianet cloud: HTTPS on 127.0.0.1 (certificate from
 * `test/fixtures/tls`, trusted by `npm test`), answering msal-node's OpenID configuration request and
 * client-credentials token requests for any tenant. It records every path asked and every token request.
 */
export class FakeChannelLogin {
  readonly paths: string[] = [];
  readonly tokenRequests: TokenRequest[] = [];
  origin = '';
  private readonly server: Server;

  constructor() {
    this.server = createServer({
      key: readFileSync(new URL('localhost-key.pem', TLS_FOLDER)),
      cert: readFileSync(new URL('localhost-cert.pem', TLS_FOLDER)),
    });
    this.server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = new URL(request.url ?? '/', this.origin).pathname;
        this.paths.push(path);
        const answer = this.answer(request.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8'));
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(method: string, path: string, body: string): { status: number; body: unknown } {
    const [, tenant = '', ...rest] = path.split('/');
    const route = rest.join('/');
    const base = `${this.origin}/${tenant}`;
    if (method === 'GET' && route === 'v2.0/.well-known/openid-configuration') {
      return {
        status: 200,
        body: {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          issuer: `${base}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        },
      };
    }
    if (method === 'POST' && route === 'oauth2/v2.0/token') {
      const form = new URLSearchParams(body);
      this.tokenRequests.push({
        tenant,
        clientId: form.get('client_id'),
        scope: form.get('scope'),
        grantType: form.get('grant_type'),
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: randomBytes(32).toString('base64url'),
        },
      };
    }
    return { status: 404, body: { error: 'not_found', error_description: `${method} ${path}` } };
  }
}
