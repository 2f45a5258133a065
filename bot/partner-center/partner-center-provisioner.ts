import type { BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import { type CustomerStore, DomainTakenError } from '../../store/customer-store.js';
import { tenantDomain } from '../../store/customers/account-info-schema.js';
import { customerFromRequest } from '../../store/customers/customer-from-request.js';
import type {
  CustomerProvisioner,
  ProvisioningProgress,
  ProvisioningResult,
} from '../provisioning/customer-provisioner.js';
import { createCustomerBody } from './create-customer-body.js';
import type { PartnerCenterClient, PartnerCenterCustomer } from './partner-center-client.js';
import { isPartnerCenterError, KNOWN_PARTNER_CENTER_ERRORS } from './partner-center-error.js';
import { partnerCenterRequestId } from './partner-center-request-id.js';

/**
 * Creates customers in Partner Center operated by 21Vianet: `POST /v1/customers` with the request's
 * account info, then one order with a line per offer, then the customer saved in the store under Partner
 * Center's customer id. Both calls carry an `MS-RequestId` derived from the request id, so a retry (a
 * lost answer, a resumed creation) gets the same customer and the same order back instead of new ones;
 * what was done is recorded in `progress` as soon as Partner Center answers, so a resumed creation skips
 * it. The admin credentials are the ones Partner Center returns; they are never stored.
 */
export class PartnerCenterProvisioner implements CustomerProvisioner {
  constructor(
    private readonly store: CustomerStore,
    private readonly partnerCenter: PartnerCenterClient,
    private readonly now: () => Date,
  ) {}

  async provision(request: CustomerRequest, progress?: ProvisioningProgress): Promise<ProvisioningResult> {
    const stored = await this.store.findByRequestId(request.requestId);
    if (stored) return { customer: stored };
    const domain = tenantDomain(request.account.domainPrefix);
    const created = await this.createOrFind(request, domain, progress);
    if (created.id !== progress?.partnerCenterCustomerId)
      await progress?.record({ partnerCenterCustomerId: created.id });
    const orderIds = progress?.orderIds.length
      ? [...progress.orderIds]
      : [
          (
            await this.partnerCenter.createOrder(
              created.id,
              request.subscriptions,
              partnerCenterRequestId(request.requestId, 'order'),
              progress?.signal,
            )
          ).id,
        ];
    if (!progress?.orderIds.length) await progress?.record({ orderIds });
    const userName = created.userCredentials?.userName ?? 'admin';
    const customer: BotCustomer = {
      ...customerFromRequest(request, { id: created.id, at: this.now().toISOString() }),
      adminAccount: userName.includes('@') ? userName : `${userName}@${domain}`,
      partnerCenter: { tenantId: created.companyProfile.tenantId, orderIds },
    };
    await progress?.confirm?.();
    const result = await this.store.addCustomer(customer);
    const password = created.userCredentials?.password;
    if (!result.created) return { customer: result.customer };
    if (!password) return { customer: result.customer, credentialsLost: true };
    return {
      customer: result.customer,
      credentials: { adminAccount: customer.adminAccount, temporaryPassword: password },
    };
  }

  /**
   * The request's customer in Partner Center: created (or, for a repeat of the same `MS-RequestId`,
   * given back) by `POST /v1/customers`. When Partner Center says the domain is taken after an earlier
   * attempt may have reached it, the customer that attempt created is found by its domain instead; its
   * password is then lost.
   */
  private async createOrFind(
    request: CustomerRequest,
    domain: string,
    progress: ProvisioningProgress | undefined,
  ): Promise<PartnerCenterCustomer> {
    try {
      return await this.partnerCenter.createCustomer(
        createCustomerBody(request),
        partnerCenterRequestId(request.requestId, 'customer'),
        progress?.signal,
      );
    } catch (error) {
      const taken = isPartnerCenterError(error) && error.code === KNOWN_PARTNER_CENTER_ERRORS.domainTaken;
      if (!taken) throw error;
      const mayBeOurs = progress !== undefined && (progress.attempts > 1 || progress.partnerCenterCustomerId);
      const ours = mayBeOurs ? await this.partnerCenter.findCustomerByDomain(domain) : undefined;
      const matches =
        ours && (!progress?.partnerCenterCustomerId || ours.id === progress.partnerCenterCustomerId);
      if (ours && matches) return { ...ours, userCredentials: undefined };
      throw new DomainTakenError(domain);
    }
  }
}
