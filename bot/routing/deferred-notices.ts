import type { TurnContext } from 'botbuilder';
import { escapeUserText } from '../../cards/render-card.js';
import type { ConversationOrigin } from '../../store/customer-schema.js';
import { translator } from '../../store/i18n/translate.js';
import type { PendingNotices } from '../../store/pending-notices.js';
import type { BackgroundWork } from '../background-work.js';
import type { TeamsMessenger } from '../messaging/teams-messenger.js';

/** What sending deferred notices takes. */
export type DeferredNoticesDeps = {
  notices: PendingNotices;
  messenger: Pick<TeamsMessenger, 'sendToConversation'>;
  background: BackgroundWork;
};

/**
 * Adapter middleware that, after a user's turn in their 1:1 chat or in the conversation the notice
 * arose from, sends them the notices that could not reach them before (credentials destroyed: reset the
 * password), then forgets each one sent. The look-up (a folder listing, or a table query on Azure) and
 * the sends run as background work after the turn is answered, since the answer does not need them;
 * they go to the turn's conversation, as a proactive message, because the turn's context ends with it.
 */
export function deferredNotices(deps: DeferredNoticesDeps) {
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    await next();
    const { type, from, conversation, recipient } = context.activity;
    if ((type !== 'message' && type !== 'invoke') || !from?.id || !conversation?.id) return;
    const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
    const here: ConversationOrigin = {
      channelId: context.activity.channelId,
      serviceUrl: context.activity.serviceUrl,
      conversationId: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId ?? channelData?.tenant?.id,
      botId: recipient?.id ?? '',
      botName: recipient?.name,
    };
    deps.background.start(`send the notices kept for user ${from.id}`, () => sendKept(deps, from.id, here));
  };
}

async function sendKept(deps: DeferredNoticesDeps, userId: string, here: ConversationOrigin) {
  for (const notice of await deps.notices.forUser(userId)) {
    if (here.conversationType !== 'personal' && here.conversationId !== notice.conversationId) continue;
    const text = translator(notice.locale)(notice.key, {
      company: escapeUserText(notice.company),
      account: notice.account,
    });
    await deps.messenger.sendToConversation(here, { text });
    await deps.notices.delete(notice.requestId);
  }
}
