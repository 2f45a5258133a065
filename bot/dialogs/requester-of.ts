import type { Activity } from 'botbuilder';
import type { Requester } from '../../store/customer-schema.js';

/** Who submits a request: the sender of the activity, under the name the dialog was started with. */
export function requesterOf(activity: Activity, name: string): Requester {
  return { userId: activity.from.id, aadObjectId: activity.from.aadObjectId, name };
}
