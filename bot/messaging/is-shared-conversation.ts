/**
 * True for a conversation others see into (a channel or a group chat): what a card posted there shows,
 * every member sees, so contact details are masked in it. Only a personal chat (`personal`) is the
 * reader's own; a conversation of unknown type counts as shared.
 */
export function isSharedConversation(conversationType: string | undefined): boolean {
  return conversationType !== 'personal';
}
