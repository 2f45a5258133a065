import { type Activity, TurnContext } from 'botbuilder';
import { COMMANDS, type Command, matchCommand } from '../commands/match-command.js';

/** What a text message asks for: one of the commands, or `unknownText` for any other words. */
export type TextRequest = Command | 'unknownText';

/**
 * What a message asks for: a card press (a submit without text), a command, help for a bare @mention,
 * or `unknownText`.
 */
export function requestOf(activity: Activity): TextRequest | 'cardPress' {
  const text = TurnContext.removeRecipientMention(activity)?.trim() ?? '';
  if (activity.value !== undefined && activity.value !== null && text === '') return 'cardPress';
  if (text === '') return COMMANDS.help;
  return matchCommand(text) ?? 'unknownText';
}
