import type { TurnContext } from 'botbuilder';
import type { BackgroundWork } from '../background-work.js';

/**
 * Runs a turn so that Teams gets its HTTP answer within `deadlineMs` (Teams gives up after 15 s and
 * sends the activity again): a message turn still running by then (a Bot Connector that hangs) is
 * answered and finishes after the answer, as background work, its failure handed to `onTurnError` as if
 * it had happened in the turn. An invoke is never cut short: its answer is the card the turn returns.
 */
export async function answerWithin(
  context: TurnContext,
  deadlineMs: number,
  turn: () => Promise<void>,
  after: { background: BackgroundWork; onTurnError: (context: TurnContext, error: Error) => Promise<void> },
): Promise<void> {
  const running = turn();
  if (context.activity.type === 'invoke') return running;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    if ((await Promise.race([running, deadline])) !== 'late') return;
  } finally {
    clearTimeout(timer);
  }
  after.background.start('finish a turn answered at its deadline', () =>
    running.catch((error: unknown) =>
      after.onTurnError(context, error instanceof Error ? error : new Error(String(error))),
    ),
  );
}
