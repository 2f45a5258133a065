import assert from 'node:assert/strict';
import { renderAccountInfoCard } from '../../cards/account-info.js';
import { customerFactSections } from '../../cards/customer-facts.js';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import type { SyncedCustomer } from '../../store/customer-schema.js';
import { accountInfoOf } from '../../store/customers/account-info-of.js';
import { loadOfferCatalog } from '../../store/customers/offer-catalog.js';
import { cardText } from '../helpers/card-queries.js';

const PORTAL: SyncedCustomer = {
  source: 'partnerCenter',
  id: 'pc-1',
  companyName: '北京示例科技有限公司',
  domainPrefix: 'bjexample',
  domain: 'bjexample.partner.onmschina.cn',
  contactEmail: 'it@bjexample.cn',
  subscriptions: [{ offerId: 'o365-e3', quantity: 5 }],
  partnerCenter: { tenantId: 'tenant-1', orderIds: ['order-1'] },
  syncedAt: '2025-03-14T10:00:00.000Z',
};

describe('cards showing a customer made in Partner Center', () => {
  it('should list it as added in Partner Center, in both languages', async () => {
    // Arrange
    const offers = await loadOfferCatalog();
    const data = { query: '', customers: [PORTAL], total: 1, offset: 0, pageSize: 5, offers };

    // Act
    const english = cardText(renderCustomerListCard({ ...data, locale: 'en-US' }).content);
    const chinese = cardText(renderCustomerListCard({ ...data, locale: 'zh-CN' }).content);

    // Assert
    assert.match(english, /Added in Partner Center/);
    assert.match(chinese, /在合作伙伴中心添加/);
    assert.match(english, /5 licenses/);
  });

  it('should show only the facts it has: name, domain and contact email', () => {
    // Act
    const sections = customerFactSections('en-US', accountInfoOf(PORTAL), [], [], { maskContact: false });

    // Assert
    assert.deepEqual(
      sections.map((section) => section.facts.map((fact) => fact.value)),
      [['北京示例科技有限公司', 'bjexample.partner.onmschina.cn'], ['it@bjexample.cn'], []],
    );
  });

  it('should name it as a match added in Partner Center on the account card', () => {
    // Act
    const card = renderAccountInfoCard({
      locale: 'en-US',
      flowId: 'flow-1',
      owner: { id: 'owner', name: 'Alex Wilber' },
      values: {},
      errors: {},
      returnToReview: false,
      matches: [{ customerId: PORTAL.id, companyName: PORTAL.companyName, domain: PORTAL.domain }],
    });

    // Assert
    assert.match(
      cardText(card.content),
      /北京示例科技有限公司 \(bjexample\.partner\.onmschina\.cn\), added in Partner Center/,
    );
  });
});
