import type { Middleware, TurnContext } from 'botbuilder';
import { KeyedLock } from '../../store/keyed-lock.js';

/**
 * Runs one user's turns in one conversation one after another. A double click or a Teams retry then
 * sees the state the first press left, instead of racing it; other users are not held up.
 */
export class SerializeUserTurns implements Middleware {
  private readonly lock = new KeyedLock();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { conversation, from } = context.activity;
    if (!conversation?.id || !from?.id) return next();
    await this.lock.run(`${conversation.id}\n${from.id}`, next);
  }
}
