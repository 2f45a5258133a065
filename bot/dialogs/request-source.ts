import type { CustomerRequest } from '../../store/customer-schema.js';
import type { Turn } from '../bot-deps.js';

/**
 * Who submits a request (the sender, under the name the dialog was started with), from which
 * conversation (enough to post there again later), in which language and when.
 */
export function requestSource(
  turn: Turn,
  ownerName: string,
): Pick<CustomerRequest, 'locale' | 'requester' | 'origin' | 'requestedAt'> {
  const { activity } = turn.context;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return {
    locale: turn.locale,
    requester: { userId: activity.from.id, aadObjectId: activity.from.aadObjectId, name: ownerName },
    origin: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversationId: activity.conversation.id,
      conversationType: activity.conversation.conversationType,
      tenantId: activity.conversation.tenantId ?? channelData?.tenant?.id,
      botId: activity.recipient.id,
      botName: activity.recipient.name,
    },
    requestedAt: turn.deps.now().toISOString(),
  };
}
