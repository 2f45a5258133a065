import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long the bot's HTTP server waits for its clients, and how many it serves at once. */
export type HttpLimits = {
  /**
   * Time from a connection's first byte to the end of a request's headers. Teams (Bot Framework) sends
   * its headers in one go within milliseconds; 10 s leaves room for a slow network and cuts a client
   * that trickles its headers one byte at a time.
   */
  headersTimeoutMs: number;
  /**
   * Time to receive a whole request, body included. A Teams activity is at most `MAX_BODY_BYTES`
   * (256 KB), sent in well under a second; 15 s is also how long Teams waits for the answer.
   */
  requestTimeoutMs: number;
  /**
   * How long an idle keep-alive connection is kept for the next request. 5 s is Node's default: Bot
   * Framework reuses a connection for requests that follow closely, and idle ones free their slot soon.
   */
  keepAliveTimeoutMs: number;
  /**
   * How long a connection may stay without any traffic in either direction, for example a client that
   * stops reading the answer. 30 s is twice what Teams waits for a turn's answer.
   */
  socketTimeoutMs: number;
  /**
   * How often Node looks for connections past `headersTimeoutMs` or `requestTimeoutMs` (30 s by
   * default, which would let a slow client stay that much longer).
   */
  checkIntervalMs: number;
  /**
   * Connections served at once; more are closed as soon as they are accepted. Each takes a file
   * descriptor and some memory: 4 096 is far above what one tenant's Teams sends, and far below the
   * file descriptors a Node process gets, so the server never runs out of them.
   */
  maxConnections: number;
  /**
   * How long `close` lets requests in flight finish before it cuts every connection left (and how long
   * the bot lets turns in flight finish when it stops). 10 s: more than the 5 s a message turn takes at
   * most to get its answer (`TURN_ANSWER_MS`), so a turn in flight when the bot stops still gets it.
   */
  closeGraceMs: number;
};

/** The limits the bot runs with; tests shorten them to stay fast. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxConnections: 4_096,
  closeGraceMs: 10_000,
};

/** Closes the server: stops accepting connections and resolves once every connection is closed. */
export type CloseHttpServer = () => Promise<void>;

/**
 * Sets `limits` on the Node server (restify's `server.server`); call before `listen`. Returns how to
 * close it without waiting on slow clients: connections that are idle or have not finished sending
 * their headers or body are closed at once, and requests in flight (received whole) get `closeGraceMs`
 * to finish before every connection left is cut. Their answers say `Connection: close` (Node would keep
 * such a connection open for the next request, and so the server, until the keep-alive time-out).
 */
export function applyHttpLimits(server: Server, limits: HttpLimits): CloseHttpServer {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.socketTimeoutMs);
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    limits.checkIntervalMs;

  const awaitingFirstRequest = new Set<Socket>();
  const unanswered = new Map<ServerResponse, IncomingMessage>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    awaitingFirstRequest.add(socket);
    socket.once('close', () => awaitingFirstRequest.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    awaitingFirstRequest.delete(request.socket);
    if (closing && !response.headersSent) response.setHeader('connection', 'close');
    unanswered.set(response, request);
    response.once('close', () => unanswered.delete(response));
  });

  return () =>
    new Promise<void>((resolve, reject) => {
      closing = true;
      for (const [response, request] of unanswered) {
        if (!request.complete) request.socket.destroy();
        else if (!response.headersSent) response.setHeader('connection', 'close');
      }
      const cutAll = setTimeout(() => server.closeAllConnections(), limits.closeGraceMs);
      server.close((error?: Error) => {
        clearTimeout(cutAll);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
      for (const socket of awaitingFirstRequest) socket.destroy();
    });
}
