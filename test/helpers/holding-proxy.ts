import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy on 127.0.0.1 in front of one storage service (Azurite's blob service) for one bot
 * instance: it passes every request through, except that once `holdNext` is armed the next request it
 * matches waits until `release`. A test uses it to stop an instance between reading and writing a
 * user's dialog state, so that another instance writes in between: a race made certain, not hoped for.
 */
export class HoldingProxy {
  private rule: ((request: IncomingMessage) => boolean) | undefined;
  private refusing: ((request: IncomingMessage) => boolean) | undefined;
  private releaseHeld: (() => void) | undefined;
  private heldSignal: (() => void) | undefined;

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  /** Starts a proxy to `targetPort` on 127.0.0.1. */
  static async start(targetPort: number): Promise<HoldingProxy> {
    let proxy: HoldingProxy | undefined;
    const server = http.createServer((request, response) => {
      void proxy?.forward(request, response, targetPort);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new HoldingProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /**
   * A proxy in front of the `service` endpoint (Blob or Table, on 127.0.0.1) of `connectionString`, and
   * the connection string that reaches that service through it.
   */
  static async inFrontOf(
    connectionString: string,
    service: 'Blob' | 'Table',
  ): Promise<{ proxy: HoldingProxy; connectionString: string }> {
    const port = Number(
      new RegExp(`${service}Endpoint=http://127\\.0\\.0\\.1:(\\d+)/`).exec(connectionString)?.[1],
    );
    if (!port) throw new Error(`HoldingProxy: no ${service}Endpoint on 127.0.0.1 in the connection string`);
    const proxy = await HoldingProxy.start(port);
    const through = connectionString.replace(
      `${service}Endpoint=http://127.0.0.1:${port}/`,
      `${service}Endpoint=http://127.0.0.1:${proxy.port}/`,
    );
    return { proxy, connectionString: through };
  }

  /** Holds the next request `matches` accepts; resolves once such a request arrived and is held. */
  holdNext(matches: (request: IncomingMessage) => boolean): Promise<void> {
    this.rule = matches;
    return new Promise((resolve) => {
      this.heldSignal = resolve;
    });
  }

  /**
   * Answers 503 to every request `matches` accepts, from now until `refuse(undefined)`: the service is
   * out of reach for those requests only (for example one instance's lease renewals).
   */
  refuse(matches: ((request: IncomingMessage) => boolean) | undefined): void {
    this.refusing = matches;
  }

  /** Lets the held request go on to the service. */
  release(): void {
    this.releaseHeld?.();
    this.releaseHeld = undefined;
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(request: IncomingMessage, response: http.ServerResponse, targetPort: number) {
    if (this.refusing?.(request)) {
      request.resume();
      response.writeHead(503).end();
      return;
    }
    if (this.rule?.(request)) {
      this.rule = undefined;
      const released = new Promise<void>((resolve) => {
        this.releaseHeld = resolve;
      });
      this.heldSignal?.();
      await released;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }
}
