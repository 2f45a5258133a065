import { randomUUID } from 'node:crypto';
import type { CustomerRequest } from '../../store/customer-schema.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { customerFromRequest } from '../../store/customers/customer-from-request.js';
import { generateTemporaryPassword } from '../credentials/generate-temporary-password.js';
import type {
  CustomerProvisioner,
  ProvisioningProgress,
  ProvisioningResult,
} from './customer-provisioner.js';

/** The sources of time, ids and passwords; tests pass fakes. */
export type ProvisionerDeps = {
  now?: () => Date;
  newId?: () => string;
  generatePassword?: () => string;
};

/**
 * Creates customers in the bot's own store, standing in for Partner Center: it saves the customer and
 * makes up the admin account and a temporary password, which it returns but never stores. It confirms
 * the creation's lease (`progress.confirm`) before saving, as the Partner Center provisioner does.
 */
export class LocalProvisioner implements CustomerProvisioner {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly generatePassword: () => string;

  constructor(
    private readonly store: CustomerStore,
    deps: ProvisionerDeps = {},
  ) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.generatePassword = deps.generatePassword ?? (() => generateTemporaryPassword());
  }

  async provision(request: CustomerRequest, progress?: ProvisioningProgress): Promise<ProvisioningResult> {
    await progress?.confirm?.();
    const customer = customerFromRequest(request, { id: this.newId(), at: this.now().toISOString() });
    const result = await this.store.addCustomer(customer);
    if (!result.created) return { customer: result.customer };
    return {
      customer: result.customer,
      credentials: { adminAccount: result.customer.adminAccount, temporaryPassword: this.generatePassword() },
    };
  }
}
