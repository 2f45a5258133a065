import { PrivateConversationState, type TurnContext } from 'botbuilder';
import type { FileStorage } from '../../store/file-storage.js';
import { pickLocale, translator } from '../../store/i18n/translate.js';

/**
 * Adapter middleware that tells a user, after their turn, that their dialog state in this conversation
 * could not be read and was reset (the storage moved the corrupt file aside), so that the cards they
 * had open no longer work.
 */
export function stateResetNotice(storage: FileStorage) {
  const state = new PrivateConversationState(storage);
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    await next();
    const { type, from, conversation } = context.activity;
    if ((type !== 'message' && type !== 'invoke') || !from?.id || !conversation?.id) return;
    const key = state.getStorageKey(context);
    if (key && storage.takeReset(key)) {
      await context.sendActivity(translator(pickLocale(context.activity.locale))('flow.stateReset'));
    }
  };
}
