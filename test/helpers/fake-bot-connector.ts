import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { secretWatch } from './secret-watch.js';

/** An activity the bot sent (or replaced) in a conversation, as the fake connector received it. */
export type SentActivity = {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown> & { attachments?: { content: unknown }[]; text?: string };
};

/** A conversation the bot asked the connector to create (a 1:1 chat). */
export type CreatedConversation = { conversationId: string; parameters: Record<string, unknown> };

/** A request the fake received, answered normally or with a fault. */
export type ConnectorRequest = { method: string; path: string; body: unknown; at: number };

/**
 * A fault for one request: answer `status` (with `headers`, e.g. `Retry-After`) instead of handling it,
 * and/or wait `delayMs` first. A delayed request whose client gave up meanwhile is dropped unprocessed.
 */
export type FaultAnswer = { status?: number; headers?: Record<string, string>; delayMs?: number };

/** How the fake answers one request: a status, a fault, or undefined to handle it normally. */
export type ConnectorFault = (request: ConnectorRequest) => number | FaultAnswer | undefined;

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: it records every activity the bot sends,
 * every update and every created conversation, and answers like Teams would. Activities posted to the
 * bot carry its URL as `serviceUrl`.
 */
export class FakeBotConnector {
  readonly sent: SentActivity[] = [];
  readonly updates: SentActivity[] = [];
  readonly createdConversations: CreatedConversation[] = [];
  /** Every request received, in order, faulted or not: retries show up here. */
  readonly requests: ConnectorRequest[] = [];
  /** Requests whose answer the test wants to control, e.g. 403 for a user without the app. */
  fault: ConnectorFault = () => undefined;
  /** Called with each activity the bot sends, as it arrives; the benchmarks time deliveries with it. */
  onSent: (entry: SentActivity) => void = () => undefined;
  private server: Server | undefined;
  private closeWatch: (() => Promise<void>) | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    this.closeWatch = secretWatch.watch(`messages to shared conversations via ${this.url}`, () =>
      this.sharedConversationText(),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    await this.closeWatch?.();
  }

  /**
   * Hands what was recorded so far to the secret watch and forgets it, so that a long run (fuzzing)
   * does not keep every card in memory.
   */
  forget(): void {
    secretWatch.scan(`messages to shared conversations via ${this.url}`, this.sharedConversationText());
    for (const list of [this.sent, this.updates, this.createdConversations, this.requests]) list.length = 0;
  }

  /** Everything sent or updated in conversations other than 1:1 chats (ids `a:...`), as JSON. */
  sharedConversationText(): string {
    return [...this.sent, ...this.updates]
      .filter((entry) => !entry.conversationId.startsWith('a:'))
      .map((entry) => JSON.stringify(entry.activity))
      .join('\n');
  }

  /** Everything posted to one conversation, in order. */
  sentTo(conversationId: string): SentActivity[] {
    return this.sent.filter((entry) => entry.conversationId === conversationId);
  }

  /** Every message of one conversation as it now reads (its latest content), in the order first posted. */
  shownIn(conversationId: string): SentActivity[] {
    return this.sentTo(conversationId).map((entry) => this.latest(entry.activityId) ?? entry);
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
    const rawPath = new URL(request.url ?? '/', 'http://x').pathname;
    const path = decodeURIComponent(rawPath);
    const method = request.method ?? 'GET';
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(json));
    };
    const received: ConnectorRequest = { method, path, body, at: Date.now() };
    this.requests.push(received);
    const chosen = this.fault(received);
    const fault: FaultAnswer = typeof chosen === 'number' ? { status: chosen } : (chosen ?? {});
    if (fault.delayMs) {
      await sleep(fault.delayMs);
      if (response.destroyed || response.socket?.destroyed !== false) return;
    }
    if (fault.status !== undefined) {
      const error = { code: 'Fault', message: `fake connector answered ${fault.status}` };
      reply(fault.status, { error }, fault.headers);
      return;
    }
    const createConversation = method === 'POST' && path === '/v3/conversations';
    const segments = (pattern: RegExp) =>
      pattern.exec(rawPath)?.map((part) => part && decodeURIComponent(part));
    const activityMatch = segments(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/);
    const memberMatch = segments(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
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
      const entry = { conversationId: activityMatch[1] as string, activityId, activity: body };
      this.sent.push(entry);
      this.onSent(entry);
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
