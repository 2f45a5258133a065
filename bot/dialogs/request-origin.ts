import type { Activity } from 'botbuilder';
import type { ConversationOrigin } from '../../store/customer-schema.js';

/** Where an activity came from, kept with a request so that the bot can post there again later. */
export function requestOrigin(activity: Activity): ConversationOrigin {
  const tenantId =
    activity.conversation.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType,
    tenantId,
    botId: activity.recipient.id,
    botName: activity.recipient.name,
  };
}
