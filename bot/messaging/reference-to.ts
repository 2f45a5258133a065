import type { ConversationReference } from 'botbuilder';
import type { ConversationOrigin } from '../../store/customer-schema.js';

/** The Bot Framework conversation reference for a stored origin, to post there proactively. */
export function referenceTo(origin: ConversationOrigin): Partial<ConversationReference> {
  return {
    channelId: origin.channelId,
    serviceUrl: origin.serviceUrl,
    conversation: {
      id: origin.conversationId,
      conversationType: origin.conversationType ?? '',
      tenantId: origin.tenantId,
      isGroup: origin.conversationType !== 'personal',
      name: '',
    },
    bot: { id: origin.botId, name: origin.botName ?? '' },
  };
}
