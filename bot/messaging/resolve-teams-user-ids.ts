import { type CloudAdapter, TeamsInfo } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationOrigin } from '../../store/customer-schema.js';
import { describeError } from '../logging/describe-error.js';
import { referenceTo } from './reference-to.js';
import type { UserDirectory } from './user-directory.js';

/**
 * Looks up the Teams user ids (`29:...`) of Entra users, for a card's `refresh.userIds`: first among the
 * users who have talked to the bot, then among the conversation's members. A user found in neither keeps
 * their Entra id, which no client matches: they see the base card (and its "Show my actions" button);
 * why the look-up failed is logged.
 */
export async function resolveTeamsUserIds(
  deps: { adapter: CloudAdapter; appId: string | undefined; directory: UserDirectory; logger: Logger },
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
      } catch (error) {
        deps.logger.warn(
          { aadObjectId, error: describeError(error) },
          'approver not found among the conversation members: they get the base card',
        );
        ids.push(aadObjectId);
      }
    }
  });
  return ids;
}
