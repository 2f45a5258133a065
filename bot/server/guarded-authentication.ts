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

/** What the guard needs besides the SDK's own authentication. */
export type GuardOptions = {
  /** How long checking a token may take, OpenID metadata download included, before the request is refused. */
  timeoutMs: number;
  logger: Logger;
};

const UNAUTHORIZED = 401;

/**
 * Wraps the SDK's Bot Framework authentication so that every failure to authenticate a request, whatever
 * its cause (no token, bad signature, unknown key, expired, wrong audience or issuer, OpenID metadata
 * unreachable or slow), is a 401 `AuthenticationError` within `timeoutMs`: `CloudAdapter` answers
 * 401 to those and 500 to anything else. The reason is logged, without the token. Everything else,
 * the connector clients included, is the inner authentication's.
 */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly options: GuardOptions,
  ) {
    super();
  }

  override authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.guard(activity.channelId, () => this.inner.authenticateRequest(activity, authHeader));
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
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
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
        () => reject(new Error(`authentication took longer than ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    try {
      return await Promise.race([authenticate(), timeout]);
    } catch (error) {
      this.options.logger.warn(
        { reason: describeError(error), channelId },
        'request refused: it could not be authenticated',
      );
      throw new AuthenticationError('Unauthorized: the request could not be authenticated', UNAUTHORIZED);
    } finally {
      clearTimeout(timer);
    }
  }
}
