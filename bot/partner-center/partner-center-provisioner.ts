import type { BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import { type CustomerStore, DomainTakenError } from '../../store/customer-store.js';
import { tenantDomain } from '../../store/customers/account-info-schema.js';
import { customerFromRequest } from '../../store/customers/customer-from-request.js';
import type { CustomerProvisioner, ProvisioningResult } from '../provisioning/customer-provisioner.js';
import { createCustomerBody } from './create-customer-body.js';
import type { PartnerCenterClient } from './partner-center-client.js';
import { PARTNER_CENTER_ERRORS, PartnerCenterError } from './partner-center-error.js';
import { partnerCenterRequestId } from './partner-center-request-id.js';

/**
 * Creates customers in Partner Center operated by 21Vianet: `POST /v1/customers` with the request's
 * account info, then one order with a line per offer, then the customer saved in the store under Partner
 * Center's customer id. Both calls carry an `MS-RequestId` derived from the request id, so a retry (a
 * lost answer, a second Submit after a failure) gets the same customer and the same order back instead of
 * new ones. The admin credentials are the ones Partner Center returns; they are never stored.
 */
export class PartnerCenterProvisioner implements CustomerProvisioner {
  constructor(
    private readonly store: CustomerStore,
    private readonly partnerCenter: PartnerCenterClient,
    private readonly now: () => Date,
  ) {}

  async provision(request: CustomerRequest): Promise<ProvisioningResult> {
    const stored = await this.store.findByRequestId(request.requestId);
    if (stored) return { customer: stored };
    const domain = tenantDomain(request.account.domainPrefix);
    const created = await this.partnerCenter
      .createCustomer(createCustomerBody(request), partnerCenterRequestId(request.requestId, 'customer'))
      .catch((error: unknown) => {
        const taken = error instanceof PartnerCenterError && error.code === PARTNER_CENTER_ERRORS.domainTaken;
        throw taken ? new DomainTakenError(domain) : error;
      });
    const order = await this.partnerCenter.createOrder(
      created.id,
      request.subscriptions,
      partnerCenterRequestId(request.requestId, 'order'),
    );
    const userName = created.userCredentials?.userName ?? 'admin';
    const customer: BotCustomer = {
      ...customerFromRequest(request, { id: created.id, at: this.now().toISOString() }),
      adminAccount: userName.includes('@') ? userName : `${userName}@${domain}`,
      partnerCenter: { tenantId: created.companyProfile.tenantId, orderIds: [order.id] },
    };
    const result = await this.store.addCustomer(customer);
    const password = created.userCredentials?.password;
    if (!result.created) return { customer: result.customer };
    if (!password) return { customer: result.customer, credentialsLost: true };
    return {
      customer: result.customer,
      credentials: { adminAccount: customer.adminAccount, temporaryPassword: password },
    };
  }
}
