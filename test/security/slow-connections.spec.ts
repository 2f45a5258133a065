import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { DEFAULT_HTTP_LIMITS } from '../../bot/server/http-limits.js';
import { useBot } from '../helpers/use-bot.js';

const SLOW_SOCKETS = 2_000;
const HEADERS_TIMEOUT_MS = 2_000;
const CHECK_INTERVAL_MS = 250;
const TRICKLE_EVERY_MS = 500;
const HEALTH_EVERY_MS = 100;

/** A client that sends its request line, then one header byte every `TRICKLE_EVERY_MS`, and never finishes. */
type SlowClient = { socket: Socket; connectedAt: number; firstByteAt: number; closedAt?: number };

async function openSlowClients(url: string, count: number, firstLine: string): Promise<SlowClient[]> {
  const { hostname, port } = new URL(url);
  const clients: SlowClient[] = [];
  for (let batch = 0; batch < count; batch += 200) {
    const opening = Array.from({ length: Math.min(200, count - batch) }, () => {
      const socket = connect(Number(port), hostname);
      const client: SlowClient = { socket, connectedAt: Number.NaN, firstByteAt: Number.NaN };
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        client.connectedAt = Date.now();
      });
      socket.on('close', () => {
        client.closedAt = Date.now();
      });
      clients.push(client);
      return new Promise<void>((resolve) => socket.once('connect', resolve).once('close', resolve));
    });
    await Promise.all(opening);
  }
  for (const client of clients) {
    client.socket.write(`${firstLine}\r\nhost: ${hostname}\r\nx-slow: `);
    client.firstByteAt = Date.now();
  }
  return clients;
}

function trickle(clients: SlowClient[]): () => void {
  const timer = setInterval(() => {
    for (const { socket, closedAt } of clients) if (closedAt === undefined) socket.write('x');
  }, TRICKLE_EVERY_MS);
  return () => {
    clearInterval(timer);
    for (const { socket } of clients) socket.destroy();
  };
}

const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

describe('the HTTP server under slow connections', () => {
  const rig = useBot({
    deps: { http: { headersTimeoutMs: HEADERS_TIMEOUT_MS, checkIntervalMs: CHECK_INTERVAL_MS } },
  });

  it('should set the time-outs and the connection cap it documents', () => {
    // Arrange
    const limits = DEFAULT_HTTP_LIMITS;

    // Act
    const node = rig.bot.server.server;

    // Assert
    assert.equal(node.headersTimeout, HEADERS_TIMEOUT_MS);
    assert.equal(node.requestTimeout, limits.requestTimeoutMs);
    assert.equal(node.keepAliveTimeout, limits.keepAliveTimeoutMs);
    assert.equal(node.timeout, limits.socketTimeoutMs);
    assert.equal(node.maxConnections, limits.maxConnections);
    assert.ok(limits.headersTimeoutMs > limits.keepAliveTimeoutMs);
  });

  it(`should keep answering /healthz while ${SLOW_SOCKETS} clients trickle their headers, and cut them after the headers time-out`, async () => {
    // Arrange
    const clients = await openSlowClients(rig.bot.url, SLOW_SOCKETS, 'POST /api/messages HTTP/1.1');
    const stopTrickling = trickle(clients);
    const healthLatencies: number[] = [];
    const healthStatuses = new Set<number>();

    // Act
    const until = Date.now() + HEADERS_TIMEOUT_MS + 2_000;
    while (Date.now() < until) {
      const started = Date.now();
      healthStatuses.add((await rig.bot.request('GET', '/healthz')).status);
      healthLatencies.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
    const sinceConnected = clients.map(
      ({ connectedAt, closedAt }) => (closedAt ?? Number.POSITIVE_INFINITY) - connectedAt,
    );
    const sinceFirstByte = clients.map(
      ({ firstByteAt, closedAt }) => (closedAt ?? Number.POSITIVE_INFINITY) - firstByteAt,
    );
    stopTrickling();

    // Assert
    assert.deepEqual([...healthStatuses], [200]);
    assert.ok(
      percentile(healthLatencies, 1) < 1_000,
      `slowest /healthz: ${percentile(healthLatencies, 1)} ms`,
    );
    assert.ok(
      percentile(sinceConnected, 0) >= HEADERS_TIMEOUT_MS - 100,
      `first cut ${percentile(sinceConnected, 0)} ms after connecting`,
    );
    assert.ok(
      percentile(sinceFirstByte, 1) <= HEADERS_TIMEOUT_MS + 3_000,
      `last cut ${percentile(sinceFirstByte, 1)} ms after its first byte`,
    );
  }).timeout(30_000);

  it('should close within 5 s with slow clients, a slow body and idle keep-alive connections open', async () => {
    // Arrange
    const slowHeaders = await openSlowClients(rig.bot.url, 500, 'POST /api/messages HTTP/1.1');
    const slowBody = await openSlowClients(
      rig.bot.url,
      1,
      'POST /api/messages HTTP/1.1\r\ncontent-length: 100',
    );
    slowBody[0]?.socket.write('\r\n\r\n{');
    const idle = await openSlowClients(rig.bot.url, 20, 'GET /healthz HTTP/1.1');
    for (const { socket } of idle) socket.write('\r\n\r\n');
    const stopTrickling = trickle(slowHeaders);

    // Act
    const started = Date.now();
    await rig.bot.stop();
    const elapsedMs = Date.now() - started;
    stopTrickling();

    // Assert
    assert.ok(elapsedMs < 5_000, `close took ${elapsedMs} ms`);
    assert.ok(
      [...slowHeaders, ...slowBody, ...idle].every(({ closedAt }) => closedAt !== undefined),
      'every connection must be closed',
    );
  }).timeout(30_000);
});
