import type { CustomerRequest } from '../../store/customer-schema.js';
import { addSubscriptionsAndNotify } from './add-subscriptions-and-notify.js';
import { type CustomerCreationDeps, createCustomerAndNotify } from './create-customer-and-notify.js';
import type { RequestSubmitter, SubmitOutcome } from './request-submitter.js';

/** Carries out a request, now or once approved: creates the customer or adds its subscriptions. */
export function fulfilRequest(deps: CustomerCreationDeps, request: CustomerRequest): Promise<SubmitOutcome> {
  return request.kind === 'addSubscriptions'
    ? addSubscriptionsAndNotify(deps, request)
    : createCustomerAndNotify(deps, request);
}

/** The submitter used when no approvers are configured: Submit carries the request out at once. */
export class FulfilNow implements RequestSubmitter {
  constructor(private readonly deps: CustomerCreationDeps) {}

  submit(request: CustomerRequest): Promise<SubmitOutcome> {
    return fulfilRequest(this.deps, request);
  }
}
