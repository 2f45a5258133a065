import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify from 'restify';
import { ActivityEnvelopeSchema } from './activity-envelope-schema.js';
import { answerWithin } from './answer-within.js';
import { readBodyWithin } from './read-body-within.js';
import { TurnsInFlight } from './turns-in-flight.js';

/**
 * How long a message turn may run before Teams gets its answer; the turn goes on to its end after it
 * (see `answerWithin`). Well inside the 15 s Teams waits, so that a slow Bot Connector never makes Teams
 * send the activity again.
 */
export const TURN_ANSWER_MS = 5_000;

/** The largest request body accepted; Teams activities are far smaller, and larger ones get 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Creates the HTTP server: `POST /api/messages` for Teams, `GET /healthz` for probes. A body that is not
 * JSON gets 400, one over `MAX_BODY_BYTES` 413 as soon as that many bytes arrived (see `readBodyWithin`),
 * a compressed one 415, and one not shaped like an activity 400. Each turn runs counted in `turns`, so
 * that stopping can wait for it.
 */
export function createServer(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  turnAnswerMs = TURN_ANSWER_MS,
  turns = new TurnsInFlight(),
): restify.Server {
  const server = restify.createServer({ name: 'add-customer-bot', handleUncaughtExceptions: false });
  server.use(readBodyWithin(MAX_BODY_BYTES));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (!ActivityEnvelopeSchema.safeParse(req.body).success) {
      res.send(400, { code: 'BadRequest', message: 'The body is not a Bot Framework activity.' });
      return;
    }
    const isInvoke = (req.body as { type?: unknown }).type === 'invoke';
    const answer = answerWithin(res, isInvoke ? undefined : turnAnswerMs);
    try {
      await turns.run(() => adapter.process(req, answer.response, (context) => bot.run(context)));
    } finally {
      answer.settle();
    }
  });
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
