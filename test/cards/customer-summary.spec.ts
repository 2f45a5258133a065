import assert from 'node:assert/strict';
import { type CustomerSummaryCardData, renderCustomerSummaryCard } from '../../cards/customer-summary.js';
import type { Locale } from '../../store/i18n/translate.js';
import { sampleCustomer } from '../fixtures/customers.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED, OFFERS } from './sample-card-data.js';

function cardData(locale: Locale, overrides: Partial<CustomerSummaryCardData> = {}): CustomerSummaryCardData {
  return { locale, customer: sampleCustomer(), offers: OFFERS, credentialsDelivered: true, ...overrides };
}

function render(data: CustomerSummaryCardData): CardObject {
  return renderCustomerSummaryCard(data).content as CardObject;
}

function texts(card: CardObject): unknown[] {
  return findCardObjects(card, (node) => node.type === 'TextBlock').map((node) => node.text);
}

describeCardContract(renderCustomerSummaryCard, 'customer-summary-delivered', (locale) => cardData(locale), {
  fixture: true,
});
describeCardContract(
  renderCustomerSummaryCard,
  'customer-summary-not-delivered',
  (locale) => cardData(locale, { credentialsDelivered: false }),
  { fixture: true },
);

describe('renderCustomerSummaryCard', () => {
  it('should list the company, its domain, address, contact name and subscriptions in zh-CN as facts', () => {
    const card = render(cardData('zh-CN'));

    const [factSet] = findCardObjects(card, (node) => node.type === 'FactSet');

    assert.deepEqual(factSet?.facts, [
      { title: '公司名称', value: 'Contoso (Shenzhen) Technology Co., Ltd.' },
      { title: '租户域名', value: 'contososz.partner.onmschina.cn' },
      {
        title: '地址',
        value: '广东省 Shenzhen, 1 Keyuan Road, Nanshan District, Building 5, Floor 3, 518000',
      },
      { title: '联系人', value: 'Wang' },
      { title: 'Microsoft 365 商业基础版', value: '25 个许可证' },
      { title: 'Office 365 E3', value: '10 个许可证' },
    ]);
  });

  it('should say who added it and when, with the time for the reader time zone', () => {
    const card = render(cardData('en-US'));

    assert.ok(
      texts(card).includes(
        'Added by Li Lei on {{DATE(2025-03-14T09:26:53Z, SHORT)}} {{TIME(2025-03-14T09:26:53Z)}}.',
      ),
    );
  });

  it('should say whether the credentials reached the requester privately', () => {
    const delivered = texts(render(cardData('en-US')));
    const notDelivered = texts(render(cardData('en-US', { credentialsDelivered: false })));

    assert.equal(delivered.at(-1), 'The admin account and temporary password were sent privately to Li Lei.');
    assert.equal(
      notDelivered.at(-1),
      'The admin credentials could not be sent privately to Li Lei yet. See the message below.',
    );
  });

  it('should leave template syntax in the company name unevaluated and escape the requester name', () => {
    const customer = sampleCustomer({ companyName: HOSTILE_TEXT });
    customer.createdBy.name = HOSTILE_TEXT;

    const card = render(cardData('zh-CN', { customer, credentialsDelivered: false }));

    const [factSet] = findCardObjects(card, (node) => node.type === 'FactSet');
    const [companyFact] = (factSet?.facts ?? []) as CardObject[];
    assert.ok(String(companyFact?.value).startsWith('${$root.flowId} '));
    assert.equal(
      texts(card).at(-1),
      `暂时无法将管理员凭据私下发送给 ${HOSTILE_TEXT_ESCAPED}，请参阅下面的消息。`,
    );
  });

  it('should not show the admin account, which only the requester gets, privately', () => {
    const customer = sampleCustomer();

    const json = JSON.stringify(render(cardData('en-US', { customer })));

    assert.ok(!json.includes(customer.adminAccount));
  });
});
