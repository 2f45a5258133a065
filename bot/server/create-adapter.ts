import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClientOptions } from 'botframework-connector';
import type { Logger } from 'pino';
import { pickLocale, translator } from '../../store/i18n/translate.js';
import type { Config } from '../config/load-config.js';
import { describeError } from '../logging/describe-error.js';
import { ChannelLoginCredentialsFactory } from './channel-login-credentials-factory.js';
import { type ConnectorRetryOptions, DEFAULT_CONNECTOR_RETRY } from './connector-retry-options.js';
import { createConnectorHttpClient } from './create-connector-http-client.js';
import { GuardedAuthentication } from './guarded-authentication.js';

/** Settings of the Bot Framework edge that only tests change. */
export type AdapterOptions = {
  /**
   * Where the OpenID metadata (and so the signing keys) of Bot Framework tokens are read, in place of
   * `BOT_CLOUD`'s (and the emulator's); in-process tests point it at a local server.
   */
  openIdMetadataUrl?: string;
  /** How long authenticating a request may take before it is refused with 401; 5 s by default. */
  authTimeoutMs?: number;
  /** How long a failure to read the OpenID metadata makes every request be refused at once; 5 s by default. */
  metadataOutageMemoryMs?: number;
  /** How outgoing Bot Connector requests are retried; see `DEFAULT_CONNECTOR_RETRY`. */
  retry?: Partial<ConnectorRetryOptions>;
};

const DEFAULT_AUTH_TIMEOUT_MS = 5_000;
const DEFAULT_METADATA_OUTAGE_MEMORY_MS = 5_000;

/**
 * Creates the Bot Framework adapter for the cloud of `BOT_CLOUD` (its endpoints in
 * `config.botFramework`). With an app id every request must carry a valid Bot Framework token (anything
 * else is answered 401, quickly); without one (local runs only) requests are not authenticated.
 * Outgoing Bot Connector requests retry transient failures: the SDK's connector clients send through
 * `createConnectorHttpClient`, given as `connectorClientOptions` to `ConfigurationBotFrameworkAuthentication`.
 */
export function createAdapter(config: Config, logger: Logger, options: AdapterOptions = {}): CloudAdapter {
  const { auth, botFramework } = config;
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...botFramework.settings,
    ...(options.openIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl,
        }
      : {}),
  };
  const connectorClientOptions: ConnectorClientOptions = {
    httpClient: createConnectorHttpClient({ ...DEFAULT_CONNECTOR_RETRY, ...options.retry }, logger),
  };
  const credentialsFactory =
    botFramework.cloud === 'china' && auth.appId && auth.appPassword && auth.appType !== 'UserAssignedMSI'
      ? new ChannelLoginCredentialsFactory(
          auth.appId,
          auth.appPassword,
          botFramework.settings.ToChannelFromBotLoginUrl,
        )
      : undefined;
  const sdkAuthentication = new ConfigurationBotFrameworkAuthentication(
    settings,
    credentialsFactory,
    undefined,
    undefined,
    connectorClientOptions,
  );
  const authentication = new GuardedAuthentication(sdkAuthentication, {
    timeoutMs: options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
    outageMemoryMs: options.metadataOutageMemoryMs ?? DEFAULT_METADATA_OUTAGE_MEMORY_MS,
    logger,
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = (context, error) => handleTurnError(logger, context, error);
  return adapter;
}

/**
 * The one broad catch: logs what failed (never message bodies or secrets) and tells the user, in their
 * language, that something went wrong. Their dialog state is kept, so they can press again.
 */
async function handleTurnError(logger: Logger, context: TurnContext, error: unknown): Promise<void> {
  const { activity } = context;
  logger.error(
    { error: describeError(error), activityType: activity.type, activityId: activity.id },
    'turn failed',
  );
  try {
    await context.sendActivity(translator(pickLocale(activity.locale))('error.turn'));
  } catch (sendError) {
    logger.error({ error: describeError(sendError) }, 'could not tell the user about a failed turn');
  }
}
