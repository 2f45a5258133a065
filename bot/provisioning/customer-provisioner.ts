import type { BotCustomer, CustomerRequest } from '../../store/customer-schema.js';

/** The new tenant's admin sign-in. The password exists only in memory on its way to the requester. */
export type AdminCredentials = { adminAccount: string; temporaryPassword: string };

/**
 * What provisioning did: credentials only when this call created the customer. `credentialsLost` when it
 * created the customer but the password did not reach the bot (Partner Center shows it once, and operated
 * by 21Vianet it cannot be reset through the API): the requester must reset it in the admin center.
 */
export type ProvisioningResult = {
  customer: BotCustomer;
  credentials?: AdminCredentials;
  credentialsLost?: true;
};

/**
 * The one seam through which customers are created: the local store today, Partner Center's
 * `POST /v1/customers` later. Idempotent on `request.requestId`; throws `DomainTakenError`
 * when the domain belongs to someone else.
 */
export interface CustomerProvisioner {
  provision(request: CustomerRequest, progress?: ProvisioningProgress): Promise<ProvisioningResult>;
}

/**
 * What earlier attempts at one request already did, and where to record what this one does, so that a
 * creation interrupted at any moment (a crash, a restart) resumes without doing anything twice.
 */
export type ProvisioningProgress = {
  /** Attempts started, this one included: more than one means an earlier one may have reached Partner Center. */
  attempts: number;
  partnerCenterCustomerId?: string;
  orderIds: readonly string[];
  record(done: { partnerCenterCustomerId?: string; orderIds?: string[] }): Promise<void>;
  /**
   * Throws when this attempt may no longer write (its lease went to another instance, see
   * `HeldLease.confirm`): called just before the customer is saved. Once saved by this attempt, the
   * customer's credentials are delivered from here whatever happens, as nobody else holds the password.
   */
  confirm?(): Promise<void>;
  /** Raised when the bot is stopping: abandon the calls in flight. */
  signal?: AbortSignal;
};
