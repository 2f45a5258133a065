import type { Activity, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConversationOrigin, Requester } from '../../store/customer-schema.js';
import { referenceTo } from './reference-to.js';

/** Where a message was posted: enough to update it later. */
export type PostedMessage = { conversationId: string; activityId?: string };

/** Thrown when Teams refuses a 1:1 message because the user has not installed the bot (HTTP 403). */
export class UserUnreachableError extends Error {
  readonly code = 'USER_UNREACHABLE';
}

/**
 * Sends messages outside the current turn: to the conversation a request came from, and privately to a
 * user in a 1:1 chat. The only place that talks to the Bot Connector proactively, so that a later move
 * off botbuilder changes this file, not the flows.
 */
export class TeamsMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
  ) {}

  /** Posts an activity to the conversation a request came from. */
  async sendToConversation(origin: ConversationOrigin, activity: Partial<Activity>): Promise<PostedMessage> {
    let activityId: string | undefined;
    await this.continueConversation(origin, async (context) => {
      activityId = (await context.sendActivity(activity))?.id;
    });
    return { conversationId: origin.conversationId, activityId };
  }

  /** Replaces a message posted earlier in a conversation. */
  async updateInConversation(origin: ConversationOrigin, activityId: string, activity: Partial<Activity>) {
    await this.continueConversation(origin, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
  }

  /**
   * Sends an activity to `user` in a 1:1 chat with the bot, creating (or finding) that chat.
   * Throws `UserUnreachableError` when Teams answers 403 because the bot is not installed for the user.
   */
  async sendToUser(
    origin: ConversationOrigin,
    user: Requester,
    activity: Partial<Activity>,
  ): Promise<PostedMessage> {
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: origin.botId, name: origin.botName ?? '' },
      members: [{ id: user.userId, name: user.name }],
      tenantId: origin.tenantId,
      channelData: origin.tenantId ? { tenant: { id: origin.tenantId } } : undefined,
      activity: undefined as unknown as Activity,
    };
    let posted: PostedMessage | undefined;
    try {
      await throwingErrors(
        (wrapped) =>
          this.adapter.createConversationAsync(
            this.appId ?? '',
            origin.channelId,
            origin.serviceUrl,
            // The SDK types this as a string but falls back to the channel's default audience when undefined.
            undefined as unknown as string,
            parameters,
            wrapped,
          ),
        async (context) => {
          const sent = await context.sendActivity(activity);
          posted = { conversationId: context.activity.conversation.id, activityId: sent?.id };
        },
      );
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 403) {
        throw new UserUnreachableError(`Teams refused a 1:1 message to user ${user.userId} (403)`);
      }
      throw error;
    }
    if (!posted) throw new Error('createConversation completed without sending the message');
    return posted;
  }

  private async continueConversation(
    origin: ConversationOrigin,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    await throwingErrors(
      (wrapped) => this.adapter.continueConversationAsync(this.appId ?? '', referenceTo(origin), wrapped),
      logic,
    );
  }
}

type Logic = (context: TurnContext) => Promise<void>;

/**
 * The SDK runs proactive logic through the middleware pipeline, which hands any error to `onTurnError`
 * (which would post an apology into the target conversation) instead of to the caller. This catches the
 * error inside the logic and throws it from here, where the caller can handle it.
 */
async function throwingErrors(start: (logic: Logic) => Promise<void>, logic: Logic): Promise<void> {
  let failure: { error: unknown } | undefined;
  await start(async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}
