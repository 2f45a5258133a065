import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify from 'restify';
import { ActivityEnvelopeSchema } from './activity-envelope-schema.js';
import { readBodyWithin } from './read-body-within.js';

/** The largest request body accepted; Teams activities are far smaller, and larger ones get 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Creates the HTTP server: `POST /api/messages` for Teams, `GET /healthz` for probes. A body that is not
 * JSON gets 400, one over `MAX_BODY_BYTES` 413 as soon as that many bytes arrived (see `readBodyWithin`),
 * a compressed one 415, and one not shaped like an activity 400.
 */
export function createServer(adapter: CloudAdapter, bot: ActivityHandler): restify.Server {
  const server = restify.createServer({ name: 'add-customer-bot', handleUncaughtExceptions: false });
  server.use(readBodyWithin(MAX_BODY_BYTES));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (!ActivityEnvelopeSchema.safeParse(req.body).success) {
      res.send(400, { code: 'BadRequest', message: 'The body is not a Bot Framework activity.' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
