import type { Middleware, TurnContext } from 'botbuilder';
import type { UserDirectory } from '../messaging/user-directory.js';

/** Records who sent each message or card action, so that approvers can be reached by their Entra id. */
export class RememberUsers implements Middleware {
  constructor(private readonly directory: UserDirectory) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, from } = context.activity;
    if ((type === 'message' || type === 'invoke') && from) await this.directory.remember(from);
    await next();
  }
}
