import type { Customer, CustomerRequest } from '../../store/customer-schema.js';

/** What became of a submitted request. */
export type SubmitOutcome =
  | { kind: 'created'; customer: Customer }
  | { kind: 'alreadySubmitted'; customer: Customer }
  | { kind: 'pendingApproval' }
  | { kind: 'creating' }
  | { kind: 'domainTaken' }
  | { kind: 'limitExceeded' };

/**
 * What Submit on the Review card hands a complete request to. Creating the customer at once is one
 * implementation; waiting for an approver is another, slotted in here without changing the dialog.
 */
export interface RequestSubmitter {
  /** `reviewCardActivityId`: the Review card Submit was pressed on, which then shows the request's progress. */
  submit(request: CustomerRequest, reviewCardActivityId?: string): Promise<SubmitOutcome>;
}
