import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent (or replaced) in a conversation, as the fake connector received it. */
export type SentActivity = {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown> & { attachments?: { content: unknown }[]; text?: string };
};

/** A conversation the bot asked the connector to create (a 1:1 chat). */
export type CreatedConversation = { conversationId: string; parameters: Record<string, unknown> };

/** How the fake answers one request; by default every request succeeds. */
export type ConnectorFault = (request: { method: string; path: string; body: unknown }) => number | undefined;

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: it records every activity the bot sends,
 * every update and every created conversation, and answers like Teams would. Activities posted to the
 * bot carry its URL as `serviceUrl`.
 */
export class FakeBotConnector {
  readonly sent: SentActivity[] = [];
  readonly updates: SentActivity[] = [];
  readonly createdConversations: CreatedConversation[] = [];
  /** Requests whose status the test wants to control, e.g. 403 for a user without the app. */
  fault: ConnectorFault = () => undefined;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Everything posted to one conversation, in order. */
  sentTo(conversationId: string): SentActivity[] {
    return this.sent.filter((entry) => entry.conversationId === conversationId);
  }

  /** The latest content of a message: its last update, or what was first sent. */
  latest(activityId: string): SentActivity | undefined {
    const updates = this.updates.filter((entry) => entry.activityId === activityId);
    return updates.at(-1) ?? this.sent.find((entry) => entry.activityId === activityId);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const method = request.method ?? 'GET';
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };
    const faultStatus = this.fault({ method, path, body });
    if (faultStatus !== undefined) {
      reply(faultStatus, { error: { code: 'Fault', message: `fake connector answered ${faultStatus}` } });
      return;
    }
    const createConversation = method === 'POST' && path === '/v3/conversations';
    const activityMatch = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
    const memberMatch = /^\/v3\/conversations\/(.+?)\/members\/([^/]+)$/.exec(path);
    if (memberMatch && method === 'GET') {
      const memberId = memberMatch[2] as string;
      const id = memberId.startsWith('29:') ? memberId : `29:${memberId}`;
      reply(200, { id, aadObjectId: id.slice(3), name: `User ${id.slice(3, 11)}` });
    } else if (createConversation) {
      const member = (body.members as { id: string }[] | undefined)?.[0]?.id ?? 'unknown';
      const conversationId = `a:personal-${member}`;
      this.createdConversations.push({ conversationId, parameters: body });
      reply(201, { id: conversationId });
    } else if (activityMatch && method === 'POST') {
      const activityId = randomUUID();
      this.sent.push({ conversationId: activityMatch[1] as string, activityId, activity: body });
      reply(200, { id: activityId });
    } else if (activityMatch && method === 'PUT' && activityMatch[2]) {
      const activityId = activityMatch[2];
      this.updates.push({ conversationId: activityMatch[1] as string, activityId, activity: body });
      reply(200, { id: activityId });
    } else {
      reply(404, { error: { code: 'NotFound', message: `${method} ${path}` } });
    }
  }
}
