import assert from 'node:assert/strict';
import { DomainTakenError } from '../../../store/customer-store.js';
import { buildCustomer } from '../../fixtures/customers.js';
import type { ContractRig } from './describe-customer-store-contract.js';

/** Adding customers: once per request id, one customer per domain, found again after a restart. */
export function customersContract(rig: ContractRig): void {
  describe('customers', () => {
    it('should start empty', async () => {
      const store = await rig.open();

      assert.equal(await store.findById('cus-1'), undefined);
      assert.equal(await store.isDomainTaken('contoso1'), false);
      assert.deepEqual(await store.searchCustomers({ offset: 0, limit: 10 }), { customers: [], total: 0 });
    });

    it('should save an added customer', async () => {
      const store = await rig.open();
      const customer = buildCustomer(1);

      const result = await store.addCustomer(customer);

      assert.deepEqual(result, { customer, created: true });
      assert.deepEqual(await (await rig.open()).findById('cus-1'), customer);
    });

    it('should add a customer once when the same request arrives twice', async () => {
      const store = await rig.open();
      const first = buildCustomer(1);
      const retry = buildCustomer(1, { id: 'cus-retry', createdAt: '2025-03-14T09:30:00.000Z' });

      await store.addCustomer(first);
      const result = await store.addCustomer(retry);

      assert.deepEqual(result, { customer: first, created: false });
      assert.deepEqual((await (await rig.open()).searchCustomers({ offset: 0, limit: 10 })).customers, [
        first,
      ]);
    });

    it('should add a customer once when the same request arrives twice at the same time', async () => {
      const store = await rig.open();

      const results = await Promise.all([
        store.addCustomer(buildCustomer(1)),
        store.addCustomer(buildCustomer(1, { id: 'cus-retry' })),
      ]);

      // either may reach the store first (on Azure Storage, whichever the service takes first), but one
      // is created and both answer that one
      const created = results.filter((result) => result.created);
      assert.equal(created.length, 1);
      assert.deepEqual(
        results.map((result) => result.customer.id),
        [created[0]?.customer.id, created[0]?.customer.id],
      );
      const stored = await (await rig.open()).searchCustomers({ offset: 0, limit: 10 });
      assert.deepEqual(
        stored.customers.map((customer) => customer.id),
        [created[0]?.customer.id],
      );
    });

    it('should refuse a different request for a domain prefix already taken', async () => {
      const store = await rig.open();
      await store.addCustomer(buildCustomer(1));
      const rival = buildCustomer(2, { domainPrefix: 'contoso1', domain: 'contoso1.partner.onmschina.cn' });

      const error = await store.addCustomer(rival).then(
        () => assert.fail('addCustomer should have thrown'),
        (thrown: unknown) => thrown,
      );

      assert.ok(error instanceof DomainTakenError);
      assert.equal(error.code, 'DOMAIN_TAKEN');
      assert.equal(error.domain, 'contoso1.partner.onmschina.cn');
      const saved = await (await rig.open()).searchCustomers({ offset: 0, limit: 10 });
      assert.deepEqual(
        saved.customers.map((customer) => customer.id),
        ['cus-1'],
      );
    });

    it('should find customers, domains and ids again after a restart', async () => {
      const before = await rig.open();
      await before.addCustomer(buildCustomer(1));
      await before.addCustomer(buildCustomer(2));

      const store = await rig.open();

      assert.equal((await store.findById('cus-2'))?.companyName, buildCustomer(2).companyName);
      assert.equal((await store.findByRequestId('req-2'))?.id, 'cus-2');
      assert.equal((await store.findByRequestId('req-1'))?.id, 'cus-1');
      assert.equal(await store.findById('cus-3'), undefined);
      assert.equal(await store.isDomainTaken('contoso1'), true);
      assert.equal(await store.isDomainTaken('CONTOSO2'), true);
      assert.equal(await store.isDomainTaken('contoso3'), false);
      assert.equal((await store.addCustomer(buildCustomer(1, { id: 'cus-retry' }))).created, false);
      await assert.rejects(
        store.addCustomer(buildCustomer(3, { domainPrefix: 'contoso2' })),
        DomainTakenError,
      );
    });

    it('should find customers newest first, one page at a time', async () => {
      const store = await rig.open();
      for (const n of [1, 2, 3]) await store.addCustomer(buildCustomer(n));

      const all = (await store.searchCustomers({ offset: 0, limit: 10 })).customers;
      const newestTwo = (await store.searchCustomers({ offset: 0, limit: 2 })).customers;

      assert.deepEqual(
        all.map((customer) => customer.id),
        ['cus-3', 'cus-2', 'cus-1'],
      );
      assert.deepEqual(
        newestTwo.map((customer) => customer.id),
        ['cus-3', 'cus-2'],
      );
    });
  });
}
