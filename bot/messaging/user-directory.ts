import type { Storage } from 'botbuilder';

type KnownUser = { userId: string; name: string };

/**
 * Remembers the Teams user id (`29:...`) and name of everyone who talks to the bot, by Entra object id.
 * Approvers are configured by Entra id, but Teams addresses 1:1 chats and card refreshes by Teams user id:
 * this is where one becomes the other. Kept in the bot's `Storage`, so it survives restarts.
 */
export class UserDirectory {
  private readonly cache = new Map<string, KnownUser>();

  constructor(private readonly storage: Storage) {}

  /** Records a user seen in an activity; writes only when something changed. */
  async remember(user: { id: string; aadObjectId?: string; name?: string }): Promise<void> {
    if (!user.aadObjectId || !user.id) return;
    const aadObjectId = user.aadObjectId.toLowerCase();
    const known: KnownUser = { userId: user.id, name: user.name ?? '' };
    const cached = this.cache.get(aadObjectId);
    if (cached && cached.userId === known.userId && cached.name === known.name) return;
    this.cache.set(aadObjectId, known);
    await this.storage.write({ [keyOf(aadObjectId)]: { ...known, eTag: '*' } });
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
