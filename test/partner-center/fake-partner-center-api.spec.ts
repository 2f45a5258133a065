import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  ADD_ON_OFFER_ID,
  FAKE_ERROR_CODES,
  FakePartnerCenter,
  TRIAL_OFFER_ID,
} from '../helpers/fake-partner-center.js';
import { callFake, newCustomerBody, tokenOf } from './call-fake-partner-center.js';

const ADDRESS = {
  country: 'CN',
  city: '上海市',
  state: '上海市',
  addressLine1: '浦东新区世纪大道 100 号',
  postalCode: '200120',
};

describe('FakePartnerCenter API', () => {
  let fake: FakePartnerCenter;
  let token: string;

  beforeEach(async () => {
    fake = await FakePartnerCenter.start({ takenDomains: ['fabrikam.partner.onmschina.cn'] });
    token = await tokenOf(fake);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should record each request with its path, query, lower-cased headers, JSON body and time', async () => {
    // Arrange
    const before = Date.now();

    // Act
    await callFake(fake, 'POST', '/v1/validations/address?x=1', {
      token,
      body: ADDRESS,
      headers: { 'MS-RequestId': 'request-1', 'MS-CorrelationId': 'correlation-1' },
    });

    // Assert
    const [recorded] = fake.requestsTo('address');
    assert.ok(recorded);
    assert.equal(recorded.method, 'POST');
    assert.equal(recorded.path, '/v1/validations/address');
    assert.deepEqual(recorded.query, { x: '1' });
    assert.equal(recorded.headers['ms-requestid'], 'request-1');
    assert.equal(recorded.headers['ms-correlationid'], 'correlation-1');
    assert.equal(recorded.headers.authorization, `Bearer ${token}`);
    assert.deepEqual(recorded.body, ADDRESS);
    assert.ok(recorded.at >= before && recorded.at <= Date.now());
  });

  it('should answer HEAD /v1/domains 200 for a taken or used domain and 404 for a free one', async () => {
    // Arrange
    fake.addCustomer({ domain: 'contoso.partner.onmschina.cn' });

    // Act
    const statuses = await Promise.all(
      ['fabrikam', 'contoso', 'northwind'].map(async (name) => {
        const path = `/v1/domains/${name}.partner.onmschina.cn`;
        return (await callFake(fake, 'HEAD', path, { token })).status;
      }),
    );

    // Assert
    assert.deepEqual(statuses, [200, 200, 404]);
  });

  it('should accept a valid address, and refuse an invalid one with code 2007 and the corrected address', async () => {
    // Arrange
    const corrected = { ...ADDRESS, postalCode: '200121' };
    fake.addressCheck = (address) =>
      address.postalCode === '999999' ? { valid: false, suggestion: corrected } : { valid: true };

    // Act
    const valid = await callFake(fake, 'POST', '/v1/validations/address', { token, body: ADDRESS });
    const body = { ...ADDRESS, postalCode: '999999' };
    const invalid = await callFake(fake, 'POST', '/v1/validations/address', { token, body });

    // Assert
    assert.equal(valid.status, 200);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.code, FAKE_ERROR_CODES.invalidAddress);
    assert.equal(invalid.body.description, 'The address is not valid.');
    assert.equal(invalid.body.source, 'PartnerFD');
    assert.ok(Array.isArray(invalid.body.data));
    assert.deepEqual(invalid.body.corrected_address, corrected);
  });

  it('should create a customer with admin credentials, and the same one again for a repeated MS-RequestId', async () => {
    // Arrange
    const requestId = randomUUID();
    const body = newCustomerBody('contoso.partner.onmschina.cn');
    const headers = { 'MS-RequestId': requestId };

    // Act
    const first = await callFake(fake, 'POST', '/v1/customers', { token, body, headers });
    const again = await callFake(fake, 'POST', '/v1/customers', { token, body, headers });

    // Assert
    assert.equal(first.status, 201);
    assert.match(first.body.id, /^[0-9a-f-]{36}$/);
    assert.equal(first.body.relationshipToPartner, 'reseller');
    assert.equal(first.body.companyProfile.domain, 'contoso.partner.onmschina.cn');
    assert.equal(first.body.companyProfile.companyName, 'Contoso 上海');
    assert.deepEqual(first.body.billingProfile, { ...body.billingProfile, id: first.body.billingProfile.id });
    assert.equal(first.body.userCredentials.userName, 'admin');
    assert.equal(first.body.userCredentials.password.length, 16);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(fake.customers.length, 1);
  });

  it('should refuse a customer whose domain is taken with 409 and code 1003, and one missing fields with 400', async () => {
    // Arrange
    const { companyProfile, billingProfile } = newCustomerBody('fabrikam.partner.onmschina.cn');
    const incomplete = { companyProfile, billingProfile: { ...billingProfile, email: '' } };

    // Act
    const taken = await callFake(fake, 'POST', '/v1/customers', {
      token,
      body: { companyProfile, billingProfile },
    });
    const missing = await callFake(fake, 'POST', '/v1/customers', { token, body: incomplete });

    // Assert
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 1003);
    assert.equal(taken.body.description, 'Domain already exists');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, FAKE_ERROR_CODES.invalidInput);
    assert.deepEqual(missing.body.data, ['billingProfile.email']);
    assert.equal(fake.customers.length, 0);
  });

  it('should list customers page by page through MS-ContinuationToken, filtered by domain, without credentials', async () => {
    // Arrange
    for (const name of ['contoso-a', 'contoso-b', 'contoso-c', 'northwind']) {
      fake.addCustomer({ domain: `${name}.partner.onmschina.cn` });
    }
    await callFake(fake, 'POST', '/v1/customers', {
      token,
      body: newCustomerBody('contoso-d.partner.onmschina.cn'),
    });
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'Domain', Value: 'contoso', Operator: 'starts_with' }),
    );

    // Act
    const domains: string[] = [];
    const pages: unknown[] = [];
    let answer = await callFake(fake, 'GET', `/v1/customers?size=2&filter=${filter}`, { token });
    for (;;) {
      assert.equal(answer.status, 200);
      pages.push(answer.body);
      domains.push(
        ...answer.body.items.map(
          (item: { companyProfile: { domain: string } }) => item.companyProfile.domain,
        ),
      );
      const next = answer.body.links.next;
      if (!next) break;
      const headers = Object.fromEntries(
        next.headers.map((header: { key: string; value: string }) => [header.key, header.value]),
      );
      answer = await callFake(fake, next.method, next.uri, { token, headers });
    }

    // Assert
    assert.deepEqual(
      domains,
      ['contoso-a', 'contoso-b', 'contoso-c', 'contoso-d'].map((name) => `${name}.partner.onmschina.cn`),
    );
    assert.equal(pages.length, 2);
    const [first] = pages as { totalCount: number; attributes: object; links: { next: { uri: string } } }[];
    assert.equal(first?.totalCount, 2);
    assert.deepEqual(first?.attributes, { objectType: 'Collection' });
    assert.equal(first?.links.next.uri, '/v1/customers?size=2&seekOperation=next');
    assert.ok(!JSON.stringify(pages).includes('userCredentials'));
  });

  it('should create an order once per MS-RequestId, list it, and refuse unknown customers, offers and quantities', async () => {
    // Arrange
    const customer = fake.addCustomer({ domain: 'contoso.partner.onmschina.cn' });
    const path = `/v1/customers/${customer.id}/orders`;
    const order = (offerId: string, quantity: number) => ({
      referenceCustomerId: customer.id,
      lineItems: [{ lineItemNumber: 0, offerId, quantity }],
    });
    const headers = { 'MS-RequestId': randomUUID() };

    // Act
    const created = await callFake(fake, 'POST', path, { token, body: order('o365-e3', 25), headers });
    const repeated = await callFake(fake, 'POST', path, { token, body: order('o365-e3', 25), headers });
    const tooMany = await callFake(fake, 'POST', path, { token, body: order('m365-business-basic', 301) });
    const unknownOffer = await callFake(fake, 'POST', path, { token, body: order('no-such-offer', 1) });
    const unknownCustomer = await callFake(fake, 'POST', `/v1/customers/${randomUUID()}/orders`, {
      token,
      body: order('o365-e3', 1),
    });
    const listed = await callFake(fake, 'GET', path, { token });

    // Assert
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'completed');
    assert.equal(created.body.referenceCustomerId, customer.id);
    assert.deepEqual(created.body.lineItems, [{ lineItemNumber: 0, offerId: 'o365-e3', quantity: 25 }]);
    assert.ok(!Number.isNaN(Date.parse(created.body.creationDate)));
    assert.deepEqual(repeated.body, created.body);
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.code, 2002);
    assert.equal(unknownOffer.status, 400);
    assert.equal(unknownCustomer.status, 404);
    assert.deepEqual(listed.body, {
      totalCount: 1,
      items: [created.body],
      attributes: { objectType: 'Collection' },
    });
    assert.deepEqual(fake.ordersOf(customer.id), [created.body]);
  });

  it('should serve the offers of offers.json in the asked locale, plus a trial and an add-on', async () => {
    // Act
    const zh = await callFake(fake, 'GET', '/v1/offers?country=CN&locale=zh-CN', { token });
    const en = await callFake(fake, 'GET', '/v1/offers?country=CN&locale=en-US', { token });

    // Assert
    assert.equal(zh.body.totalCount, 8);
    const basic = (answer: typeof zh) =>
      answer.body.items.find((offer: { id: string }) => offer.id === 'm365-business-basic');
    assert.equal(basic(zh).name, 'Microsoft 365 商业基础版');
    assert.equal(basic(en).name, 'Microsoft 365 Business Basic');
    assert.deepEqual(
      [basic(en).minimumQuantity, basic(en).maximumQuantity, basic(en).prerequisiteOffers, basic(en).isTrial],
      [1, 300, [], false],
    );
    const flags = en.body.items.map((offer: { id: string; isTrial: boolean; isAddOn: boolean }) => [
      offer.id,
      offer.isTrial,
      offer.isAddOn,
    ]);
    assert.deepEqual(flags.slice(-2), [
      [TRIAL_OFFER_ID, true, false],
      [ADD_ON_OFFER_ID, false, true],
    ]);
  });
});
