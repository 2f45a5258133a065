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
import type { PipelinePolicy } from './connector-retry-policy.js';
import { RetryingConnectorFactory } from './retrying-connector-factory.js';

/** What the guard needs besides the SDK's own authentication. */
export type GuardOptions = {
  /** How long checking a token may take, OpenID metadata download included, before the request is refused. */
  timeoutMs: number;
  /** Put into every connector client, for every outgoing request. */
  retryPolicy: PipelinePolicy;
  logger: Logger;
};

const UNAUTHORIZED = 401;

/**
 * Wraps the SDK's Bot Framework authentication so that every failure to authenticate a request, whatever
 * its cause (no token, bad signature, unknown key, expired, wrong audience or issuer, OpenID metadata
 * unreachable or slow), is a 401 `AuthenticationError` within `timeoutMs`: `CloudAdapter` answers
 * 401 to those and 500 to anything else. The reason is logged, without the token. Every connector
 * client it hands out retries transient Bot Connector failures.
 */
export class GuardedAuthentication extends BotFrameworkAuthentication {
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
    return { ...result, connectorFactory: this.retrying(result.connectorFactory) };
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await this.guard(channelIdHeader, () =>
      this.inner.authenticateStreamingRequest(authHeader, channelIdHeader),
    );
    return { ...result, connectorFactory: this.retrying(result.connectorFactory) };
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.guard(undefined, () => this.inner.authenticateChannelRequest(authHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new RetryingConnectorFactory(
      this.inner.createConnectorFactory(claimsIdentity),
      this.options.retryPolicy,
    );
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

  private retrying(factory: ConnectorFactory | undefined): ConnectorFactory | undefined {
    return factory && new RetryingConnectorFactory(factory, this.options.retryPolicy);
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
