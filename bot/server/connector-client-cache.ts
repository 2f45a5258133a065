import {
  AuthenticationConstants,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** How many distinct clients are kept: Teams uses a handful of service URLs, one app id. */
const MAX_CLIENTS = 32;

/**
 * Reuses the Bot Connector clients the SDK's authentication creates. `CloudAdapter` (4.23) builds a new
 * `ConnectorClient` and a new `UserTokenClient` for every turn and every proactive send, each with its own
 * credentials and HTTP pipeline, which took more CPU than the call it made (`npm run bench -- --profile`,
 * docs/BENCHMARKS.md). A client holds no state of a turn: it is the service URL, the credentials (whose
 * tokens it caches and renews) and the pipeline, so one per app id, service URL and audience serves every
 * turn, as the SDK's older `BotFrameworkAdapter` did. The key is what the SDK's
 * `ParameterizedBotFrameworkAuthentication` builds a client from: the bot's app id read from the claims
 * (`aud`, else `appid`), the service URL and the audience. At most `MAX_CLIENTS` are kept, the least
 * recently used dropped first, so that unauthenticated local runs cannot grow it without bound; a client
 * whose creation failed is not kept.
 */
export class ConnectorClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient | UserTokenClient>>();

  /** A factory that hands out the cached client for `claimsIdentity`'s app id, creating it with `inner`. */
  connectorFactoryFor(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const cache = this;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return cache.reuse(['connector', appId, serviceUrl, audience ?? ''], () =>
          inner.create(serviceUrl, audience),
        );
      }
    })();
  }

  /** The cached user token client of `claimsIdentity`'s app id, created with `create` the first time. */
  userTokenClientFor(
    claimsIdentity: ClaimsIdentity,
    create: () => Promise<UserTokenClient>,
  ): Promise<UserTokenClient> {
    return this.reuse(['userToken', appIdOf(claimsIdentity)], create);
  }

  private reuse<T extends ConnectorClient | UserTokenClient>(parts: string[], create: () => Promise<T>) {
    const key = JSON.stringify(parts);
    const cached = this.clients.get(key) as Promise<T> | undefined;
    if (cached) {
      this.clients.delete(key);
      this.clients.set(key, cached);
      return cached;
    }
    const created = create();
    this.clients.set(key, created);
    created.catch(() => {
      if (this.clients.get(key) === created) this.clients.delete(key);
    });
    for (const oldest of this.clients.keys()) {
      if (this.clients.size <= MAX_CLIENTS) break;
      this.clients.delete(oldest);
    }
    return created;
  }
}

/** The bot's app id as the SDK reads it from the claims: the audience (from a channel), else `appid`. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}
