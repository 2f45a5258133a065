import type { TurnContext } from 'botbuilder';
import { escapeUserText } from '../../cards/render-card.js';
import { translator } from '../../store/i18n/translate.js';
import type { PendingNotices } from '../../store/pending-notices.js';

/**
 * Adapter middleware that, after a user's turn in their 1:1 chat or in the conversation the notice
 * arose from, sends them the notices that could not reach them before (credentials destroyed: reset the
 * password), then forgets each one sent.
 */
export function deferredNotices(notices: PendingNotices) {
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    await next();
    const { type, from, conversation } = context.activity;
    if ((type !== 'message' && type !== 'invoke') || !from?.id || !conversation?.id) return;
    for (const notice of await notices.forUser(from.id)) {
      if (conversation.conversationType !== 'personal' && conversation.id !== notice.conversationId) continue;
      const text = translator(notice.locale)(notice.key, {
        company: escapeUserText(notice.company),
        account: notice.account,
      });
      await context.sendActivity(text);
      await notices.delete(notice.requestId);
    }
  };
}
