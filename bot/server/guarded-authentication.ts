import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationError,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from 'pino';
import { describeError } from '../logging/describe-error.js';
import { ConnectorClientCache } from './connector-client-cache.js';

/** What the guard needs besides the SDK's own authentication. */
export type GuardOptions = {
  /** How long checking a token may take, OpenID metadata download included, before the request is refused. */
  timeoutMs: number;
  /**
   * How long a failure to read the OpenID metadata (an error, or no answer within `timeoutMs`) is
   * remembered: meanwhile every request is refused at once, and nothing is fetched.
   */
  outageMemoryMs: number;
  logger: Logger;
};

const UNAUTHORIZED = 401;

class MetadataOutage extends Error {}

/**
 * Wraps the SDK's Bot Framework authentication so that every failure to authenticate a request, whatever
 * its cause (no token, bad signature, unknown key, expired, wrong audience or issuer, OpenID metadata
 * unreachable or slow), is a 401 `AuthenticationError` within `timeoutMs`: `CloudAdapter` answers
 * 401 to those and 500 to anything else. The reason is logged, without the token. Everything else is
 * the inner authentication's; the Bot Connector clients it creates are reused across turns (see
 * `ConnectorClientCache`).
 *
 * The SDK fetches the OpenID metadata anew for each request until it has the keys, with no time limit,
 * so forged requests while the metadata is unreachable would each start a download and pile up. Until
 * a request has been authenticated (at start, and after a failure), requests are therefore checked one
 * at a time, the others waiting (within `timeoutMs`) for its outcome; and a failure to read the metadata
 * makes every request in the next `outageMemoryMs` be refused at once, without a fetch.
 */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  private keysConfirmed = false;
  private outageUntil = 0;
  private inFlight: Promise<unknown> | undefined;
  private readonly clients = new ConnectorClientCache();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly options: GuardOptions,
  ) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await this.guard(activity.channelId, () =>
      this.inner.authenticateRequest(activity, authHeader),
    );
    if (!result.connectorFactory) return result;
    const connectorFactory = this.clients.connectorFactoryFor(result.claimsIdentity, result.connectorFactory);
    return { ...result, connectorFactory };
  }

  override authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.guard(channelIdHeader, () =>
      this.inner.authenticateStreamingRequest(authHeader, channelIdHeader),
    );
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.guard(undefined, () => this.inner.authenticateChannelRequest(authHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactoryFor(
      claimsIdentity,
      this.inner.createConnectorFactory(claimsIdentity),
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClientFor(claimsIdentity, () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private async guard<T>(channelId: string | undefined, authenticate: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new MetadataOutage(`authentication took longer than ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    try {
      const timed = () => Promise.race([authenticate(), timeout]);
      return await Promise.race([this.oneAtATimeUntilConfirmed(timed), timeout]);
    } catch (error) {
      if (isMetadataFailure(error) && Date.now() >= this.outageUntil) {
        this.keysConfirmed = false;
        this.outageUntil = Date.now() + this.options.outageMemoryMs;
      }
      this.options.logger.warn(
        { reason: describeError(error), channelId },
        'request refused: it could not be authenticated',
      );
      throw new AuthenticationError('Unauthorized: the request could not be authenticated', UNAUTHORIZED);
    } finally {
      clearTimeout(timer);
    }
  }

  private async oneAtATimeUntilConfirmed<T>(authenticate: () => Promise<T>): Promise<T> {
    for (;;) {
      if (Date.now() < this.outageUntil) {
        throw new MetadataOutage('the OpenID metadata could not be read a moment ago; not fetched again yet');
      }
      if (this.keysConfirmed) return authenticate();
      if (!this.inFlight) break;
      await this.inFlight.catch(() => undefined);
    }
    const attempt = authenticate();
    this.inFlight = attempt;
    try {
      const result = await attempt;
      this.keysConfirmed = true;
      return result;
    } finally {
      this.inFlight = undefined;
    }
  }
}

/**
 * Whether authentication failed because the OpenID metadata could not be read (not because of the token):
 * no answer in time, a network error (node-fetch's `FetchError`), or an error status from the metadata
 * endpoint (the SDK's "Failed to load").
 */
function isMetadataFailure(error: unknown): boolean {
  if (error instanceof MetadataOutage) return true;
  if (!(error instanceof Error)) return false;
  return error.name === 'FetchError' || error.message.startsWith('Failed to load');
}
