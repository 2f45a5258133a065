import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { isETagConflict } from '../../store/is-etag-conflict.js';

/**
 * Saves a user's state after their turn, with the eTag it was read with. False when another turn of
 * theirs (on another instance of the bot) saved first: this turn's state is then not written, never
 * over the newer one, and the caller asks the user to try again. Any other failure is thrown.
 */
export async function saveTurnState(state: BotState, context: TurnContext, logger: Logger): Promise<boolean> {
  try {
    await state.saveChanges(context);
    return true;
  } catch (error) {
    if (!isETagConflict(error)) throw error;
    logger.warn(
      {
        conversationType: context.activity.conversation.conversationType,
        activityType: context.activity.type,
      },
      'dialog state changed by another turn at the same moment: this one not saved, the user asked to try again',
    );
    return false;
  }
}
