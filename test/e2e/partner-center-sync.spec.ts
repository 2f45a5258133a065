import assert from 'node:assert/strict';
import { partnerCenterRequestId } from '../../bot/partner-center/partner-center-request-id.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { buttonsOf, cardOf, cardText, cardTitle, factSections } from '../helpers/card-queries.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { partnerCenterBot } from '../helpers/partner-center-bot.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const PORTAL_ID = '7c1f3a52-6b0e-4d21-9a8f-1e2d3c4b5a69';

describe('customers read from Partner Center', () => {
  let fake: FakePartnerCenter;
  const rig = useBot(async () => {
    fake = await FakePartnerCenter.start();
    fake.addCustomer({
      id: PORTAL_ID,
      domain: 'fabrikam.partner.onmschina.cn',
      companyName: 'Fabrikam Trading Co., Ltd.',
      email: 'it@fabrikam.cn',
    });
    fake.addCustomer({ domain: 'northwind.partner.onmschina.cn', companyName: 'Northwind Traders' });
    return partnerCenterBot(fake);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should list customers made in the portal, read at start-up', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const thread = channelThread();
    const alex = rig.user('Alex Wilber', thread);

    // Act
    await alex.say('customers');

    // Assert
    const card = cardOf(rig.connector.sentTo(thread.id).at(-1));
    assert.deepEqual(
      factSections(card).map((section) => section.heading),
      ['Northwind Traders', 'Fabrikam Trading Co., Ltd.'],
    );
    assert.match(cardText(card), /Added in Partner Center/);
    assert.equal(fake.requestsTo('listCustomers')[0]?.query.size, '500');
  });

  it('should offer a portal customer as a duplicate on the account card', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const megan = rig.walk('Megan Bowen', channelThread());
    await megan.start();

    // Act
    const card = await megan.press(CARD_VERBS.accountNext, {
      ...validAccountInputs('fabrikamcn'),
      companyName: 'FABRIKAM TRADING CO LTD',
    });

    // Assert
    assert.match(cardText(card), /This looks like a customer you already have/);
    assert.match(
      cardText(card),
      /Fabrikam Trading Co\., Ltd\. \(fabrikam\.partner\.onmschina\.cn\), added in Partner Center/,
    );
    assert.ok(
      buttonsOf(card).some((button) => button.title === 'Add subscription to Fabrikam Trading Co., Ltd.'),
    );
  });

  it('should change nothing when the customers are read again', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const before = await readStoreFiles(rig.bot.dataDir);

    // Act
    await rig.bot.partnerCenterUpkeep?.syncCustomers();

    // Assert
    assert.equal(before.customers.length, 2);
    assert.deepEqual(await readStoreFiles(rig.bot.dataDir), before);
    assert.equal(fake.requestsTo('listCustomers').length, 2);
  });

  it('should place one order in Partner Center when licenses are added to a portal customer', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start('add subscription');
    await alex.pressButton('Search', { customerQuery: 'Fabrikam' });
    await alex.pressButton('Next: Subscriptions', { customerQuery: 'Fabrikam', customerId: PORTAL_ID });
    const review = await alex.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '20' });

    // Act
    const submitted = await alex.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(cardTitle(review), 'Review: add subscription');
    assert.match(cardText(submitted), /Submitted/i);
    const orders = fake.requestsTo('createOrder');
    assert.equal(fake.ordersOf(PORTAL_ID).length, 1);
    assert.deepEqual(orders[0]?.body, {
      referenceCustomerId: PORTAL_ID,
      lineItems: [{ lineItemNumber: 0, offerId: 'o365-e3', quantity: 20 }],
    });
    const requestId = (await readStoreFiles(rig.bot.dataDir)).audit.find(
      (entry) => entry.event === 'subscriptions.added',
    )?.requestId;
    assert.ok(requestId);
    assert.equal(orders[0]?.headers['ms-requestid'], partnerCenterRequestId(requestId, 'order'));
    const customer = await rig.bot.store.findById(PORTAL_ID);
    assert.deepEqual(customer?.subscriptions, [{ offerId: 'o365-e3', quantity: 20 }]);
    assert.deepEqual(customer?.partnerCenter?.orderIds, [fake.ordersOf(PORTAL_ID)[0]?.id]);
  });
});

describe('customers read from Partner Center, when it cannot be reached', () => {
  let fake: FakePartnerCenter;
  const rig = useBot(async () => {
    fake = await FakePartnerCenter.start();
    fake.fail('listCustomers', { status: 503 }, 100);
    fake.fail('offers', { status: 503 }, 100);
    return partnerCenterBot(fake);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should start with the built-in catalog, warn naming PARTNER_CENTER_ENDPOINT, and answer turns', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const thread = channelThread();

    // Act
    const answer = await rig.user('Alex Wilber', thread).say('customers');

    // Assert
    assert.equal(answer.status, 200);
    assert.match(rig.bot.logs.text, /No offer catalog from Partner Center.*PARTNER_CENTER_ENDPOINT/);
    assert.match(rig.bot.logs.text, /Reading customers from Partner Center.*PARTNER_CENTER_ENDPOINT/);
    assert.match(cardText(cardOf(rig.connector.sentTo(thread.id).at(-1))), /No customers yet/);
  });
});

describe('offers and customers read from Partner Center again', () => {
  let fake: FakePartnerCenter;
  const rig = useBot(async () => {
    fake = await FakePartnerCenter.start();
    fake.fail('listCustomers', { status: 503 }, 1_000);
    fake.addCustomer({ domain: 'northwind.partner.onmschina.cn', companyName: 'Northwind Traders' });
    const options = partnerCenterBot(fake);
    return {
      ...options,
      deps: { ...options.deps, partnerCenterSchedule: { offersRefreshMs: 60_000, customerSyncMs: 50 } },
    };
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should read the customers again at the next interval after a failed read', async () => {
    // Arrange
    await rig.bot.partnerCenterUpkeep?.initialSync;
    const failed = await rig.bot.store.searchCustomers({ offset: 0, limit: 10 });

    // Act: Partner Center answers again
    fake.clearFaults('listCustomers');
    const deadline = Date.now() + 5_000;
    while (
      (await rig.bot.store.searchCustomers({ offset: 0, limit: 10 })).total === 0 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Assert
    assert.equal(failed.total, 0);
    assert.match(rig.bot.logs.text, /Reading customers from Partner Center.*failed/);
    const synced = await rig.bot.store.searchCustomers({ offset: 0, limit: 10 });
    assert.deepEqual(
      synced.customers.map((customer) => customer.companyName),
      ['Northwind Traders'],
    );
  });

  it('should show the refreshed catalog from the next turn, and keep it when a refresh fails', async () => {
    // Arrange
    const e1 = fake.offers.find((offer) => offer.id === 'o365-e1');
    if (e1) e1.name['en-US'] = 'Office 365 E1 (refreshed)';
    const alex = rig.walk('Alex Wilber', channelThread());
    await alex.start();

    // Act
    await rig.bot.partnerCenterUpkeep?.refreshOffers();
    fake.fail('offers', { status: 503 }, 100);
    await rig.bot.partnerCenterUpkeep?.refreshOffers();
    const subscriptions = await alex.press(CARD_VERBS.accountNext, validAccountInputs('adatum'));

    // Assert
    assert.match(cardText(subscriptions), /Office 365 E1 \(refreshed\)/);
    assert.match(rig.bot.logs.text, /the current catalog stays/);
  });
});
