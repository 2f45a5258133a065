import assert from 'node:assert/strict';
import { createLogger } from '../../../bot/logging/create-logger.js';
import type { PartnerCenterClient } from '../../../bot/partner-center/partner-center-client.js';
import {
  KNOWN_PARTNER_CENTER_ERRORS,
  PartnerCenterError,
} from '../../../bot/partner-center/partner-center-error.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';
import { ADD_ON_OFFER_ID, FakePartnerCenter, TRIAL_OFFER_ID } from '../../helpers/fake-partner-center.js';
import { fakePartnerCenterClient } from '../../helpers/partner-center-bot.js';

async function pagesOf(client: PartnerCenterClient) {
  const pages = [];
  for await (const page of client.listCustomers()) pages.push(page);
  return pages;
}

describe('PartnerCenterClient lists', () => {
  let fake: FakePartnerCenter;
  let client: PartnerCenterClient;

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
    client = fakePartnerCenterClient(fake, createLogger('debug', new CapturedLogs()));
  });

  afterEach(async () => {
    await fake.stop();
  });

  describe('listCustomers', () => {
    it('should read every customer, 500 a page, following the continuation token', async () => {
      // Arrange
      for (let n = 0; n < 1001; n += 1) fake.addCustomer({ domain: `customer${n}.partner.onmschina.cn` });

      // Act
      const pages: number[] = [];
      const ids = new Set<string>();
      for await (const page of client.listCustomers()) {
        pages.push(page.length);
        for (const customer of page) ids.add(customer.id);
      }

      // Assert
      assert.deepEqual(pages, [500, 500, 1]);
      assert.equal(ids.size, 1001);
      const requests = fake.requestsTo('listCustomers');
      assert.equal(requests[0]?.query.size, '500');
      assert.equal(requests[0]?.headers['ms-continuationtoken'], undefined);
      assert.ok(requests[1]?.headers['ms-continuationtoken']);
      assert.ok(requests[2]?.headers['ms-continuationtoken']);
      assert.notEqual(
        requests[1]?.headers['ms-continuationtoken'],
        requests[2]?.headers['ms-continuationtoken'],
      );
    });

    it('should give the company name, domain, tenant and billing email of a portal customer', async () => {
      // Arrange
      const seeded = fake.addCustomer({
        domain: 'fabrikam.partner.onmschina.cn',
        companyName: 'Fabrikam',
        email: 'it@fabrikam.cn',
      });

      // Act
      const [page] = await pagesOf(client);

      // Assert
      assert.equal(page?.length, 1);
      assert.equal(page?.[0]?.id, seeded.id);
      assert.deepEqual(
        {
          ...page?.[0]?.companyProfile,
          email: page?.[0]?.billingProfile?.email,
          credentials: page?.[0]?.userCredentials,
        },
        { ...seeded.companyProfile, email: 'it@fabrikam.cn', credentials: undefined },
      );
    });

    it('should give one empty page for a partner without customers', async () => {
      // Act
      const pages = await pagesOf(client);

      // Assert
      assert.deepEqual(pages, [[]]);
    });

    it('should throw a PartnerCenterError when a later page keeps failing, after the earlier pages', async () => {
      // Arrange
      for (let n = 0; n < 501; n += 1) fake.addCustomer({ domain: `customer${n}.partner.onmschina.cn` });
      const pages: number[] = [];
      const read = async () => {
        for await (const page of client.listCustomers()) {
          pages.push(page.length);
          fake.fail('listCustomers', { status: 503 }, 10);
        }
      };

      // Act and Assert
      await assert.rejects(read(), (error: unknown) => {
        assert.ok(error instanceof PartnerCenterError);
        assert.equal(error.code, KNOWN_PARTNER_CENTER_ERRORS.unavailable);
        return true;
      });
      assert.deepEqual(pages, [500]);
    });
  });

  describe('listOffers', () => {
    it('should read the offers sold in China, named in the locale asked for', async () => {
      // Act
      const [chinese, english] = await Promise.all([client.listOffers('zh-CN'), client.listOffers('en-US')]);

      // Assert
      assert.equal(english.find((offer) => offer.id === 'o365-e3')?.name, 'Office 365 E3');
      assert.equal(
        chinese.find((offer) => offer.id === 'm365-business-basic')?.name,
        'Microsoft 365 商业基础版',
      );
      assert.equal(english.find((offer) => offer.id === TRIAL_OFFER_ID)?.isTrial, true);
      assert.equal(english.find((offer) => offer.id === ADD_ON_OFFER_ID)?.isAddOn, true);
      assert.deepEqual(
        fake
          .requestsTo('offers')
          .map((request) => request.query)
          .sort((a, b) => (a.locale ?? '').localeCompare(b.locale ?? '')),
        [
          { country: 'CN', locale: 'en-US' },
          { country: 'CN', locale: 'zh-CN' },
        ],
      );
    });

    it('should refuse an answer without offers as an unexpected body', async () => {
      // Arrange
      fake.fail('offers', { status: 200, body: { items: [{ id: 'x' }] } });

      // Act and Assert
      await assert.rejects(client.listOffers('en-US'), (error: unknown) => {
        assert.ok(error instanceof PartnerCenterError);
        assert.match(error.message, /unexpected body/);
        return true;
      });
    });
  });
});
