import { renderHelpCard } from '../../cards/help.js';
import type { Turn } from '../bot-deps.js';

/** Answers with the help card in the sender's language. */
export async function showHelp(turn: Turn) {
  await turn.context.sendActivity({ attachments: [renderHelpCard({ locale: turn.locale })] });
}
