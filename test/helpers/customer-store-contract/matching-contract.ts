import assert from 'node:assert/strict';
import type { Customer } from '../../../store/customer-schema.js';
import type { CustomerStore } from '../../../store/customer-store.js';
import { customerNamed, SEVEN_COMPANIES, seedCustomers } from '../../fixtures/customers.js';
import type { ContractRig } from './describe-customer-store-contract.js';

const ids = (customers: readonly Customer[]) => customers.map((customer) => customer.id);

/** Duplicate matching (domain, normalised name, contact email) and the customer search. */
export function matchingContract(rig: ContractRig): void {
  describe('matching and search', () => {
    describe('findMatchingCustomers', () => {
      let store: CustomerStore;

      beforeEach(async () => {
        store = await rig.open();
        await store.addCustomer(customerNamed(1, 'Fabrikam Trading Co., Ltd.', 'fabrikam'));
        await store.addCustomer(customerNamed(2, '北京示例科技有限公司', 'beijingexample'));
      });

      it('should match a customer by its domain prefix, whatever its case', async () => {
        const matches = await store.findMatchingCustomers({ domainPrefix: 'FabriKAM' });

        assert.deepEqual(ids(matches), ['cus-1']);
      });

      it('should match a customer by its company name written in another form', async () => {
        assert.deepEqual(ids(await store.findMatchingCustomers({ companyName: 'FABRIKAM TRADING CO LTD' })), [
          'cus-1',
        ]);
        assert.deepEqual(
          ids(await store.findMatchingCustomers({ companyName: 'ｆａｂｒｉｋａｍ　ｔｒａｄｉｎｇ' })),
          ['cus-1'],
        );
        assert.deepEqual(
          ids(await store.findMatchingCustomers({ companyName: '北京示例科技股份有限公司' })),
          ['cus-2'],
        );
      });

      it('should match a customer by its contact email, whatever its case', async () => {
        const matches = await store.findMatchingCustomers({ contactEmail: 'WANG2@Contoso.CN' });

        assert.deepEqual(ids(matches), ['cus-2']);
      });

      it('should list every customer that matches by any rule, each once', async () => {
        const matches = await store.findMatchingCustomers({
          domainPrefix: 'fabrikam',
          companyName: 'Fabrikam Trading',
          contactEmail: 'wang2@contoso.cn',
        });

        assert.deepEqual(ids(matches).sort(), ['cus-1', 'cus-2']);
      });

      it('should list all the customers with the same normalised name', async () => {
        await store.addCustomer(customerNamed(3, 'Fabrikam Trading Limited', 'fabrikamtrading'));

        const matches = await store.findMatchingCustomers({ companyName: 'Fabrikam Trading, Inc.' });

        assert.deepEqual(ids(matches).sort(), ['cus-1', 'cus-3']);
      });

      it('should match nothing for another company', async () => {
        const matches = await store.findMatchingCustomers({
          domainPrefix: 'fabrikam2',
          companyName: 'Fabrikam Travel Co., Ltd.',
          contactEmail: 'wang1@contoso.cn.example',
        });

        assert.deepEqual(matches, []);
        assert.deepEqual(await store.findMatchingCustomers({ companyName: '上海示例科技有限公司' }), []);
        assert.deepEqual(await store.findMatchingCustomers({ companyName: 'Fabrikam' }), []);
        assert.deepEqual(await store.findMatchingCustomers({}), []);
        assert.deepEqual(
          await store.findMatchingCustomers({ domainPrefix: '', companyName: '', contactEmail: '' }),
          [],
        );
      });

      it('should match the same customers after a restart', async () => {
        const reopened = await rig.open();

        assert.deepEqual(ids(await reopened.findMatchingCustomers({ companyName: 'fabrikam trading co' })), [
          'cus-1',
        ]);
        assert.deepEqual(ids(await reopened.findMatchingCustomers({ contactEmail: 'Wang2@contoso.cn' })), [
          'cus-2',
        ]);
        assert.deepEqual(ids(await reopened.findMatchingCustomers({ domainPrefix: 'BEIJINGEXAMPLE' })), [
          'cus-2',
        ]);
      });
    });

    describe('searchCustomers', () => {
      let store: CustomerStore;

      beforeEach(async () => {
        store = await rig.open();
        await seedCustomers(store, SEVEN_COMPANIES);
      });

      it('should page through every customer, newest first, with the total', async () => {
        const first = await store.searchCustomers({ offset: 0, limit: 5 });
        const second = await store.searchCustomers({ offset: 5, limit: 5 });
        const beyond = await store.searchCustomers({ offset: 10, limit: 5 });

        assert.deepEqual(ids(first.customers), ['cus-7', 'cus-6', 'cus-5', 'cus-4', 'cus-3']);
        assert.equal(first.total, 7);
        assert.deepEqual(ids(second.customers), ['cus-2', 'cus-1']);
        assert.equal(second.total, 7);
        assert.deepEqual(beyond, { customers: [], total: 7 });
      });

      it('should find customers by a substring of a Chinese company name', async () => {
        const page = await store.searchCustomers({ query: '示例', offset: 0, limit: 5 });

        assert.deepEqual(ids(page.customers), ['cus-6', 'cus-2', 'cus-1']);
        assert.equal(page.total, 3);
        assert.deepEqual(
          ids((await store.searchCustomers({ query: '云计算', offset: 0, limit: 5 })).customers),
          ['cus-4'],
        );
      });

      it('should find customers by a substring of an English company name, whatever its case or width', async () => {
        for (const query of ['trading', 'TRADING', 'ｔｒａｄｉｎｇ', '  Trading  ']) {
          const page = await store.searchCustomers({ query, offset: 0, limit: 5 });
          assert.deepEqual(ids(page.customers), ['cus-3'], `for ${JSON.stringify(query)}`);
        }
      });

      it('should find customers by a substring of their domain', async () => {
        const byPrefix = await store.searchCustomers({ query: 'Contoso', offset: 0, limit: 5 });
        const byDomain = await store.searchCustomers({ query: 'szcloud.partner', offset: 0, limit: 5 });
        const bySuffix = await store.searchCustomers({ query: 'onmschina.cn', offset: 0, limit: 5 });

        assert.deepEqual(ids(byPrefix.customers), ['cus-5']);
        assert.deepEqual(ids(byDomain.customers), ['cus-4']);
        assert.equal(bySuffix.total, 7);
        assert.equal(bySuffix.customers.length, 5);
      });

      it('should page through the results of a search', async () => {
        const first = await store.searchCustomers({ query: '有限公司', offset: 0, limit: 2 });
        const second = await store.searchCustomers({ query: '有限公司', offset: 2, limit: 2 });

        assert.deepEqual(ids(first.customers), ['cus-6', 'cus-4']);
        assert.deepEqual(ids(second.customers), ['cus-2', 'cus-1']);
        assert.equal(first.total, 4);
        assert.equal(second.total, 4);
      });

      it('should find nothing, with a total of zero, when nothing matches', async () => {
        const page = await store.searchCustomers({ query: 'Tailspin', offset: 0, limit: 5 });

        assert.deepEqual(page, { customers: [], total: 0 });
      });

      it('should treat an empty or blank query as no query', async () => {
        for (const query of ['', '   ', undefined]) {
          const page = await store.searchCustomers({ query, offset: 0, limit: 3 });
          assert.deepEqual(ids(page.customers), ['cus-7', 'cus-6', 'cus-5']);
          assert.equal(page.total, 7);
        }
      });

      it('should find the same customers in the same order after a restart', async () => {
        const reopened = await rig.open();

        const page = await reopened.searchCustomers({ query: '示例', offset: 1, limit: 5 });

        assert.deepEqual(ids(page.customers), ['cus-2', 'cus-1']);
        assert.equal(page.total, 3);
      });
    });
  });
}
