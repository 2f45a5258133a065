import type { CustomerRequest, PostedCard } from '../../store/customer-schema.js';
import type { BotDeps } from '../bot-deps.js';
import { addSubscriptionsAndNotify } from './add-subscriptions-and-notify.js';
import { startCreation } from './create-requested-customer.js';
import type { RequestSubmitter, SubmitOutcome } from './request-submitter.js';

/**
 * The submitter used when no approvers are configured. A new customer's request is saved, approved by
 * configuration (no decision), and created after the turn, its Review card showing the progress; added
 * licenses are placed at once.
 */
export class FulfilNow implements RequestSubmitter {
  constructor(private readonly deps: BotDeps) {}

  async submit(request: CustomerRequest, reviewCardActivityId?: string): Promise<SubmitOutcome> {
    const { deps } = this;
    if (request.kind === 'addSubscriptions') return addSubscriptionsAndNotify(deps, request);
    const customer = await deps.store.findByRequestId(request.requestId);
    if (customer) return { kind: 'alreadySubmitted', customer };
    if (await deps.store.isDomainTaken(request.account.domainPrefix)) return { kind: 'domainTaken' };
    const reviewCard: PostedCard | undefined = reviewCardActivityId
      ? { origin: request.origin, activityId: reviewCardActivityId }
      : undefined;
    const saved = await deps.store.addRequest({
      id: request.requestId,
      status: 'approved',
      request,
      cards: [],
      reviewCard,
    });
    if (saved.created) await startCreation(deps, saved.request);
    return { kind: 'creating' };
  }
}
