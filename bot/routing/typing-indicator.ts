import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { describeError } from '../logging/describe-error.js';

/** The timer functions the indicator runs on: the real ones, or a fake clock's in tests. */
export type TypingTimers = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

/** When the typing indicator shows, and on which timers. */
export type TypingSchedule = {
  /** How long a message turn may go without an answer before Teams shows "typing". */
  delayMs: number;
  /** How often it is sent again while the turn still has not answered (Teams hides it after a few seconds). */
  periodMs: number;
  timers: TypingTimers;
};

/** One second without an answer, then every two: Teams shows the indicator for about three seconds. */
export const DEFAULT_TYPING_SCHEDULE: TypingSchedule = {
  delayMs: 1_000,
  periodMs: 2_000,
  timers: { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout },
};

/**
 * Adapter middleware that shows Teams' typing indicator while a message turn works (Partner Center's
 * checks, a slow Bot Connector) and has not answered within `delayMs`. It stops for good at the turn's
 * first answer (a message sent or a card updated) or at its end, whichever is first, so that no
 * indicator follows an answer or outlives the turn's context. Invokes never get one: Teams waits for
 * their answer anyway.
 *
 * Why not botbuilder's `ShowTypingMiddleware` (4.23): it keeps sending after the first answer until the
 * turn ends, and a failed send goes to `onTurnError`, which would tell the user their turn failed; here
 * a failed indicator is only logged.
 */
export function typingIndicator(schedule: TypingSchedule, logger: Logger) {
  const { delayMs, periodMs, timers } = schedule;
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    if (context.activity.type !== ActivityTypes.Message) {
      await next();
      return;
    }
    const { adapter } = context;
    let answered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      answered = true;
      if (timer !== undefined) timers.clearTimeout(timer);
    };
    const show = async () => {
      if (answered) return;
      const typing = TurnContext.applyConversationReference(
        { type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo },
        TurnContext.getConversationReference(context.activity),
      );
      try {
        await adapter.sendActivities(context, [typing]);
      } catch (error) {
        logger.debug({ error: describeError(error) }, 'typing indicator not sent');
      }
      if (!answered) timer = timers.setTimeout(show, periodMs);
    };
    context.onSendActivities(async (_context, activities, send) => {
      if (activities.some((activity) => activity.type === ActivityTypes.Message)) stop();
      return send();
    });
    context.onUpdateActivity(async (_context, _activity, update) => {
      stop();
      return update();
    });
    timer = timers.setTimeout(show, delayMs);
    try {
      await next();
    } finally {
      stop();
    }
  };
}
