import type { Customer, CustomerRequest } from '../../store/customer-schema.js';

/** The new tenant's admin sign-in. The password exists only in memory on its way to the requester. */
export type AdminCredentials = { adminAccount: string; temporaryPassword: string };

/** What provisioning did: credentials only when this call created the customer. */
export type ProvisioningResult = { customer: Customer; credentials?: AdminCredentials };

/**
 * The one seam through which customers are created: the local store today, Partner Center's
 * `POST /v1/customers` later. Idempotent on `request.requestId`; throws `DomainTakenError`
 * when the domain belongs to someone else.
 */
export interface CustomerProvisioner {
  provision(request: CustomerRequest): Promise<ProvisioningResult>;
}
