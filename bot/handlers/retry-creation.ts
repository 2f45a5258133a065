import type { CARD_VERBS } from '../../cards/card-verbs.js';
import type { Turn } from '../bot-deps.js';
import { startCreation } from '../provisioning/create-requested-customer.js';
import type { CardActionOf } from '../routing/card-action.js';

/**
 * Try again on a Review card whose customer could not be created (the requester's own, checked by the
 * router): creates it again after the turn, carrying on from what Partner Center already did.
 */
export async function retryCreation(turn: Turn, action: CardActionOf<typeof CARD_VERBS.requestRetry>) {
  const stored = await turn.deps.store.findRequest(action.flowId);
  if (stored) await startCreation(turn.deps, stored);
}
