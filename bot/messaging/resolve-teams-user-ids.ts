import { type CloudAdapter, TeamsInfo } from 'botbuilder';
import type { ConversationOrigin } from '../../store/customer-schema.js';
import { referenceTo } from './reference-to.js';
import type { UserDirectory } from './user-directory.js';

/**
 * Looks up the Teams user ids (`29:...`) of Entra users, for a card's `refresh.userIds`: first among the
 * users who have talked to the bot, then among the conversation's members. A user found in neither keeps
 * their Entra id, which no client matches: they see the base card (and its "Show my actions" button).
 */
export async function resolveTeamsUserIds(
  deps: { adapter: CloudAdapter; appId: string | undefined; directory: UserDirectory },
  origin: ConversationOrigin,
  aadObjectIds: readonly string[],
): Promise<string[]> {
  const known = await Promise.all(aadObjectIds.map((id) => deps.directory.teamsUserIdOf(id)));
  const unknown = aadObjectIds.filter((_id, index) => known[index] === undefined);
  const ids = known.filter((id): id is string => id !== undefined);
  if (unknown.length === 0) return ids;
  await deps.adapter.continueConversationAsync(deps.appId ?? '', referenceTo(origin), async (context) => {
    for (const aadObjectId of unknown) {
      try {
        ids.push((await TeamsInfo.getMember(context, aadObjectId)).id);
      } catch {
        ids.push(aadObjectId);
      }
    }
  });
  return ids;
}
