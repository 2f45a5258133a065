import type { Storage } from 'botbuilder';
import type { BackgroundWork } from '../background-work.js';

type KnownUser = { userId: string; name: string };

/**
 * Remembers the Teams user id (`29:...`) and name of everyone who talks to the bot, by Entra object id.
 * Approvers are configured by Entra id, but Teams addresses 1:1 chats and card refreshes by Teams user id:
 * this is where one becomes the other. Kept in the bot's `Storage`, so it survives restarts; the
 * in-memory copy answers at once, and the write runs as background work after the turn, which does not
 * need it (`App.idle()` and shutdown still wait for it). A write that fails is logged, and made again the
 * next time the user is seen after a restart.
 */
export class UserDirectory {
  private readonly cache = new Map<string, KnownUser>();

  constructor(
    private readonly storage: Storage,
    private readonly background: BackgroundWork,
  ) {}

  /** Records a user seen in an activity; writes, after the turn, only when something changed. */
  remember(user: { id: string; aadObjectId?: string; name?: string }): void {
    if (!user.aadObjectId || !user.id) return;
    const aadObjectId = user.aadObjectId.toLowerCase();
    const known: KnownUser = { userId: user.id, name: user.name ?? '' };
    const cached = this.cache.get(aadObjectId);
    if (cached && cached.userId === known.userId && cached.name === known.name) return;
    this.cache.set(aadObjectId, known);
    this.background.start('remember a user in the user directory', () =>
      this.storage.write({ [keyOf(aadObjectId)]: { ...known, eTag: '*' } }),
    );
  }

  /** The Teams user id of an Entra user who has talked to the bot, if any. */
  async teamsUserIdOf(aadObjectId: string): Promise<string | undefined> {
    const key = aadObjectId.toLowerCase();
    const cached = this.cache.get(key);
    if (cached) return cached.userId;
    const stored = (await this.storage.read([keyOf(key)]))[keyOf(key)] as KnownUser | undefined;
    if (stored) this.cache.set(key, { userId: stored.userId, name: stored.name });
    return stored?.userId;
  }
}

function keyOf(aadObjectId: string): string {
  return `users/${aadObjectId}`;
}
