import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** The issuer of tokens the Bot Framework channel service sends to bots. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/** Which key signs a token: the published one, a key the server never published, or an impostor key under the published key's id. */
export type SigningKey = 'trusted' | 'unknown' | 'impostor';

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey };

/**
 * A stand-in for Bot Framework's OpenID metadata document and signing keys on 127.0.0.1, so that
 * authentication is tested with real signatures and no network. `hang` makes it accept requests and
 * never answer, like an unreachable endpoint behind a firewall; `fail` makes it answer 503. `requests`
 * counts the requests it received.
 */
export class FakeOpenIdServer {
  private server: Server | undefined;
  private keys: Record<SigningKey, KeyPair> | undefined;
  hang = false;
  fail = false;
  requests = 0;
  url = '';

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    const [trusted, unknown, impostor] = await Promise.all(
      [1, 2, 3].map(() => generateKeyPair('RS256', { extractable: true })),
    );
    this.keys = { trusted, unknown, impostor } as Record<SigningKey, KeyPair>;
    const jwk = {
      ...(await exportJWK(trusted.publicKey)),
      kid: 'trusted',
      use: 'sig',
      endorsements: ['msteams'],
    };
    this.server = createServer((request, response) => {
      this.requests += 1;
      if (this.hang) return;
      if (this.fail) {
        response.statusCode = 503;
        response.end();
        return;
      }
      const send = (body: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url?.endsWith('/openidconfiguration')) {
        send({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys` });
      } else if (request.url?.endsWith('/keys')) {
        send({ keys: [jwk] });
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /**
   * A channel token for `appId` and `serviceUrl`, valid for an hour, signed by `key`; `claims` override
   * any claim (`exp`, `aud`, `iss`...).
   */
  async sign(options: { appId: string; serviceUrl: string; key?: SigningKey; claims?: JWTPayload }) {
    const key = options.key ?? 'trusted';
    const pair = this.keys?.[key];
    if (!pair) throw new Error('FakeOpenIdServer.sign: start the server first');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: CHANNEL_ISSUER,
      aud: options.appId,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...options.claims,
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key === 'unknown' ? 'unknown' : 'trusted' })
      .sign(pair.privateKey);
  }
}
