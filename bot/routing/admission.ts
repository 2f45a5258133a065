import { type Activity, ActivityTypes } from 'botbuilder';
import type { BotDeps } from '../bot-deps.js';

/** Why an activity is not let in: it comes from a tenant not on the list, or from a user not on it. */
export type Admission = 'foreignTenant' | 'unlistedUser' | undefined;

/** The Entra tenant an activity comes from: `conversation.tenantId`, else `channelData.tenant.id`. */
export function tenantOf(activity: Pick<Activity, 'conversation' | 'channelData'>): string | undefined {
  const fromConversation: unknown = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation;
  const fromChannelData: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant
    ?.id;
  return typeof fromChannelData === 'string' && fromChannelData !== '' ? fromChannelData : undefined;
}

/**
 * Decides whether an activity may reach the bot's routes: its tenant must be on `ALLOWED_TENANT_IDS`
 * (a missing tenant is foreign) and its sender on `ALLOWED_USER_IDS` or among the approvers, each list
 * applying only when it is set. Reads nothing but the activity and the lists.
 */
export function admissionOf(
  activity: Pick<Activity, 'conversation' | 'channelData' | 'from'>,
  access: Pick<BotDeps, 'allowedTenantIds' | 'allowedUserIds' | 'approverIds'>,
): Admission {
  const { allowedTenantIds, allowedUserIds, approverIds } = access;
  if (allowedTenantIds) {
    const tenant = tenantOf(activity)?.toLowerCase();
    if (tenant === undefined || !allowedTenantIds.includes(tenant)) return 'foreignTenant';
  }
  if (allowedUserIds) {
    const user: unknown = activity.from?.aadObjectId;
    const id = typeof user === 'string' ? user.toLowerCase() : undefined;
    if (id === undefined || !(allowedUserIds.includes(id) || approverIds.includes(id))) return 'unlistedUser';
  }
  return undefined;
}

/** True for what a person does to the bot (a message, an invoke, installing it), as against notifications. */
export function addressesBot(activity: Activity): boolean {
  if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke) return true;
  return (
    activity.type === ActivityTypes.ConversationUpdate &&
    (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id)
  );
}
