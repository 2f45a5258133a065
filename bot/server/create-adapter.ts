import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { pickLocale, translator } from '../i18n/translate.js';
import { describeError } from '../logging/describe-error.js';

/**
 * Creates the Bot Framework adapter. With an app id every request must carry a valid Bot Framework token;
 * without one (local runs only) requests are not authenticated.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword,
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId,
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
