import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import type { PartnerCenterClient } from '../../../bot/partner-center/partner-center-client.js';
import {
  KNOWN_PARTNER_CENTER_ERRORS,
  PartnerCenterError,
} from '../../../bot/partner-center/partner-center-error.js';
import { PartnerCenterProvisioner } from '../../../bot/partner-center/partner-center-provisioner.js';
import { DomainTakenError } from '../../../store/customer-store.js';
import { LowdbCustomerStore } from '../../../store/lowdb-customer-store.js';
import { customerRequest } from '../../fixtures/customers.js';

const DOMAIN = 'contososz.partner.onmschina.cn';
const domainTaken = () =>
  new PartnerCenterError(KNOWN_PARTNER_CENTER_ERRORS.domainTaken, 'Partner Center answered 409');

/** The Partner Center client at the edge: only the calls the provisioner makes, as sinon fakes. */
function fakePartnerCenter() {
  return {
    createCustomer: sinon.fake.rejects(domainTaken()),
    findCustomerByDomain: sinon.fake.resolves({
      id: 'pc-1',
      companyProfile: { tenantId: 't-1', domain: DOMAIN },
    }),
    createOrder: sinon.fake.resolves({ id: 'order-1', lineItems: [] }),
  };
}

describe('PartnerCenterProvisioner', () => {
  let dataDir: string;
  let store: LowdbCustomerStore;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'partner-center-provisioner-'));
    store = await LowdbCustomerStore.open(dataDir);
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const progress = (
    attempts: number,
    done: { partnerCenterCustomerId?: string; orderIds?: string[] } = {},
  ) => ({
    attempts,
    partnerCenterCustomerId: done.partnerCenterCustomerId,
    orderIds: done.orderIds ?? [],
    record: sinon.fake.resolves(undefined),
  });

  it('should take the customer an earlier attempt created, found by its domain, and say its password is lost', async () => {
    // Arrange
    const partnerCenter = fakePartnerCenter();
    const provisioner = new PartnerCenterProvisioner(
      store,
      partnerCenter as unknown as PartnerCenterClient,
      () => new Date(),
    );
    const resumed = progress(2);

    // Act
    const result = await provisioner.provision(customerRequest(), resumed);

    // Assert
    assert.equal(result.customer.id, 'pc-1');
    assert.equal(result.credentialsLost, true);
    assert.equal(result.credentials, undefined);
    assert.equal(partnerCenter.findCustomerByDomain.firstCall.args[0], DOMAIN);
    assert.equal(partnerCenter.createOrder.callCount, 1);
    assert.deepEqual(resumed.record.args, [
      [{ partnerCenterCustomerId: 'pc-1' }],
      [{ orderIds: ['order-1'] }],
    ]);
  });

  it('should refuse a domain Partner Center holds when no earlier attempt can have created it', async () => {
    // Arrange
    const partnerCenter = fakePartnerCenter();
    const provisioner = new PartnerCenterProvisioner(
      store,
      partnerCenter as unknown as PartnerCenterClient,
      () => new Date(),
    );

    // Act & Assert
    await assert.rejects(provisioner.provision(customerRequest(), progress(1)), DomainTakenError);
    assert.equal(partnerCenter.findCustomerByDomain.callCount, 0);
    assert.equal(partnerCenter.createOrder.callCount, 0);
  });

  it('should not place an order again that an earlier attempt recorded', async () => {
    // Arrange
    const partnerCenter = fakePartnerCenter();
    partnerCenter.createCustomer = sinon.fake.resolves({
      id: 'pc-1',
      companyProfile: { tenantId: 't-1', domain: DOMAIN },
      userCredentials: { userName: 'admin', password: 'Pa55-word-from-PC' },
    });
    const provisioner = new PartnerCenterProvisioner(
      store,
      partnerCenter as unknown as PartnerCenterClient,
      () => new Date(),
    );

    // Act
    const result = await provisioner.provision(
      customerRequest(),
      progress(2, { partnerCenterCustomerId: 'pc-1', orderIds: ['order-0'] }),
    );

    // Assert
    assert.equal(partnerCenter.createOrder.callCount, 0);
    assert.deepEqual(result.customer.partnerCenter?.orderIds, ['order-0']);
    assert.equal(result.credentials?.adminAccount, `admin@${DOMAIN}`);
  });
});
