import type { Turn } from '../bot-deps.js';

/**
 * Text that is no command: one short line pointing to `help`, rather than the whole help card each
 * time someone writes to the bot in words it does not know.
 */
export async function answerUnknownText(turn: Turn) {
  await turn.context.sendActivity(turn.t('flow.unknownText'));
}
