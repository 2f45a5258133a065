import { randomUUID } from 'node:crypto';
import type { BotEndpoint, HttpAnswer } from './bot-under-test.js';
import type { FakeBotConnector } from './fake-bot-connector.js';

/** The bot as Teams names it in activities (as the Agents Playground sends them). */
export const BOT = { id: '28:add-customer-bot', name: 'Add Customer' };
/** The tenant every test user belongs to. */
export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** Where a test user talks to the bot. */
export type TeamsConversation = { id: string; conversationType: 'channel' | 'groupChat' | 'personal' };

/** A channel thread, shaped like Teams' `19:...@thread.tacv2;messageid=...` ids. */
export function channelThread(name = 'general'): TeamsConversation {
  return {
    id: `19:${name}@thread.tacv2;messageid=${Date.now()}${Math.floor(Math.random() * 1000)}`,
    conversationType: 'channel',
  };
}

/** A group chat. */
export function groupChat(): TeamsConversation {
  return { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat' };
}

/** A user's 1:1 chat with the bot. */
export function personalChat(): TeamsConversation {
  return { id: `a:${randomUUID()}`, conversationType: 'personal' };
}

/**
 * A Teams user talking to the bot in one conversation: sends text (with the @mention Teams adds outside
 * personal chats) and presses card buttons, in activities shaped like those the Agents Playground posts.
 */
export class TeamsUser {
  readonly id: string;
  readonly aadObjectId: string;

  constructor(
    private readonly bot: BotEndpoint,
    private readonly connector: FakeBotConnector,
    readonly name: string,
    readonly conversation: TeamsConversation,
    readonly locale = 'en-US',
    aadObjectId: string = randomUUID(),
    readonly tenantId = TENANT_ID,
  ) {
    this.aadObjectId = aadObjectId;
    this.id = `29:${this.aadObjectId}`;
  }

  /** The same person in another conversation. */
  in(conversation: TeamsConversation): TeamsUser {
    return new TeamsUser(
      this.bot,
      this.connector,
      this.name,
      conversation,
      this.locale,
      this.aadObjectId,
      this.tenantId,
    );
  }

  say(text: string): Promise<HttpAnswer> {
    const mention = this.conversation.conversationType !== 'personal';
    const mentionText = `<at>${BOT.name}</at>`;
    return this.bot.post(
      this.activity({
        text: mention ? `${mentionText} ${text}` : text,
        textFormat: 'plain',
        entities: [
          ...(mention ? [{ type: 'mention', mentioned: BOT, text: mentionText }] : []),
          { type: 'clientInfo', locale: this.locale, country: 'US', platform: 'Web', timezone: 'UTC' },
        ],
      }),
    );
  }

  /** Presses an Action.Submit: Teams sends the action's data merged with the non-empty inputs. */
  press(cardActivityId: string, data: Record<string, unknown>, inputs: Record<string, string> = {}) {
    const filled = Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== ''));
    return this.bot.post(this.activity({ replyToId: cardActivityId, value: { ...data, ...filled } }));
  }

  /** Posts any activity from this user in this conversation (type, name, value… in `extra`). */
  post(extra: Record<string, unknown>): Promise<HttpAnswer> {
    return this.bot.post(this.activity(extra));
  }

  /** The activity Teams would post for this user, before `post`. */
  activity(extra: Record<string, unknown>): Record<string, unknown> {
    const { conversationType } = this.conversation;
    return {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      from: { id: this.id, name: this.name, aadObjectId: this.aadObjectId },
      recipient: BOT,
      conversation: {
        id: this.conversation.id,
        conversationType,
        isGroup: conversationType !== 'personal',
        tenantId: this.tenantId,
      },
      locale: this.locale,
      channelData: {
        tenant: { id: this.tenantId },
        ...(conversationType === 'channel'
          ? { channel: { id: '19:general@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } }
          : {}),
      },
      ...extra,
    };
  }
}

/** What the bot answered to an `Action.Execute`: a card to show, a message, or an error. */
export type InvokeAnswer = { status: number; type?: string; value?: unknown };

/** Presses an `Action.Execute` button as Teams does: an `adaptiveCard/action` invoke answered in the same request. */
export async function pressExecute(
  user: TeamsUser,
  cardActivityId: string,
  verb: string,
  data: Record<string, unknown>,
): Promise<InvokeAnswer> {
  const answer = await user.post({
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardActivityId,
    value: { action: { type: 'Action.Execute', title: verb, verb, data } },
  });
  const body = answer.body ? (JSON.parse(answer.body) as { type?: string; value?: unknown }) : {};
  return { status: answer.status, type: body.type, value: body.value };
}
