import { ActivityHandler, TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { Config } from '../../bot/config/load-config.js';
import { createLogger } from '../../bot/logging/create-logger.js';
import { createAdapter } from '../../bot/server/create-adapter.js';
import { createServer } from '../../bot/server/create-server.js';

/**
 * The baseline: a bot on the same restify server and CloudAdapter as the real one, whose every message
 * turn sends one reply. A turn of the real bot is compared against this one.
 */
export function createEchoServer(config: Config): restify.Server {
  const adapter = createAdapter(config, createLogger(config.logLevel));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
    await context.sendActivity(`echo: ${text}`);
    await next();
  });
  return createServer(adapter, bot);
}
