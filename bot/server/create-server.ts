import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify from 'restify';

/** The largest request body accepted; Teams activities are far smaller, and larger ones get 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Creates the HTTP server: `POST /api/messages` for Teams, `GET /healthz` for probes. */
export function createServer(adapter: CloudAdapter, bot: ActivityHandler): restify.Server {
  const server = restify.createServer({ name: 'add-customer-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
