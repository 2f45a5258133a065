import { type CloudAdapter, TeamsInfo } from 'botbuilder';
import type { ConversationOrigin } from '../../store/customer-schema.js';

/**
 * Looks up the Teams user ids (`29:...`) of Entra users in a conversation, for a card's `refresh.userIds`.
 * A user Teams does not find there keeps their Entra id, which no client matches: they see the base card.
 */
export async function resolveTeamsUserIds(
  adapter: CloudAdapter,
  appId: string | undefined,
  origin: ConversationOrigin,
  aadObjectIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  await adapter.continueConversationAsync(
    appId ?? '',
    {
      channelId: origin.channelId,
      serviceUrl: origin.serviceUrl,
      conversation: {
        id: origin.conversationId,
        conversationType: origin.conversationType ?? '',
        tenantId: origin.tenantId,
        isGroup: true,
        name: '',
      },
      bot: { id: origin.botId, name: origin.botName ?? '' },
    },
    async (context) => {
      for (const aadObjectId of aadObjectIds) {
        try {
          ids.push((await TeamsInfo.getMember(context, aadObjectId)).id);
        } catch {
          ids.push(aadObjectId);
        }
      }
    },
  );
  return ids;
}
