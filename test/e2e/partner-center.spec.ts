import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { escapeUserText } from '../../cards/render-card.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardOf, cardText, errorBeside } from '../helpers/card-queries.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread } from '../helpers/teams-user.js';
import { type BotOptions, useBot } from '../helpers/use-bot.js';
import { waitUntil } from '../helpers/wait-until.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 20, maxRetryAfterMs: 100, attemptTimeoutMs: 2_000 };

/** The bot configured for the fake Partner Center, with `env` on top. */
function partnerCenterOptions(fake: FakePartnerCenter, env: Record<string, string> = {}): BotOptions {
  return {
    env: {
      PARTNER_CENTER_TENANT_ID: fake.tenantId,
      PARTNER_CENTER_CLIENT_ID: fake.clientId,
      PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
      PARTNER_CENTER_ENDPOINT: fake.url,
      PARTNER_CENTER_AUTHORITY: fake.authority,
      ...env,
    },
    deps: { partnerCenterRetry: FAST_RETRY },
  };
}

describe('creating customers in Partner Center operated by 21Vianet', () => {
  let fake: FakePartnerCenter;
  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
  });
  const rig = useBot(() => partnerCenterOptions(fake));
  afterEach(async () => {
    await fake.stop();
  });

  /** Alex walks a channel thread to Review for `domainPrefix` with 25 Office 365 E1 licenses and submits. */
  async function submitFabrikam(domainPrefix = 'fabrikam', locale = 'en-US') {
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread, { locale });
    await walk.start(locale === 'zh-CN' ? '添加客户' : 'add customer');
    await walk.fillToReview(domainPrefix);
    const submitted = await walk.press(CARD_VERBS.reviewSubmit);
    return { thread, walk, submitted };
  }

  const privateMessages = () =>
    rig.connector.sent.filter((message) =>
      rig.connector.createdConversations.some((created) => created.conversationId === message.conversationId),
    );

  it('should create one customer and one order with the card’s values, and send Partner Center’s password privately', async () => {
    // Act
    const { thread, submitted } = await submitFabrikam();

    // Assert: one customer with the mapped profiles, one order with the line
    assert.equal(fake.customers.length, 1);
    const [created] = fake.customers;
    assert.equal(created?.companyProfile.domain, 'fabrikam.partner.onmschina.cn');
    const [createCall] = fake.requestsTo('createCustomer');
    assert.deepEqual(createCall?.body, {
      companyProfile: { domain: 'fabrikam.partner.onmschina.cn' },
      billingProfile: {
        email: 'wang.lei@fabrikam.com.cn',
        culture: 'zh-CN',
        language: 'zh',
        companyName: 'Fabrikam Trading Co., Ltd.',
        defaultAddress: {
          country: 'CN',
          city: 'Beijing',
          state: 'BJ',
          addressLine1: 'No. 1 Jianguomenwai Avenue',
          postalCode: '100022',
          lastName: 'Wang',
          firstName: 'Lei',
          phoneNumber: '13800138000',
        },
      },
    });
    assert.deepEqual(
      fake.ordersOf(created?.id ?? '').map((order) => order.lineItems),
      [[{ lineItemNumber: 0, offerId: 'o365-e1', quantity: 25 }]],
    );

    // Assert: headers of every call
    const [orderCall] = fake.requestsTo('createOrder');
    for (const call of [createCall, orderCall]) {
      assert.match(call?.headers['ms-requestid'] ?? '', GUID);
      assert.match(call?.headers['ms-correlationid'] ?? '', GUID);
      assert.match(call?.headers.authorization ?? '', /^Bearer \S+$/);
    }
    assert.notEqual(createCall?.headers['ms-requestid'], orderCall?.headers['ms-requestid']);

    // Assert: the password Partner Center returned, only in the requester's 1:1 chat
    const password = created?.userCredentials?.password ?? '';
    const [credentials] = privateMessages();
    assert.match(cardText(cardOf(credentials)), /admin@fabrikam\.partner\.onmschina\.cn/);
    assert.ok(
      cardText(cardOf(credentials)).includes(escapeUserText(password)),
      'the credentials card shows Partner Center’s password (as Markdown, which Teams shows as typed)',
    );
    assert.ok(!rig.connector.sharedConversationText().includes(password));
    assert.match(cardText(submitted), /Submitted by Alex Wilber/);
    assert.ok(rig.connector.sentTo(thread.id).length > 0);

    // Assert: the store holds the customer under Partner Center's id, without the password
    const { customers } = await readStoreFiles(rig.bot.dataDir);
    assert.deepEqual(
      customers.map((customer) => [customer.id, customer.partnerCenter?.orderIds.length]),
      [[created?.id, 1]],
    );
  });

  it('should show a domain Partner Center already holds as taken beside the domain field, values kept', async () => {
    // Arrange
    fake.takenDomains.add('fabrikam.partner.onmschina.cn');
    const walk = rig.walk('Alex Wilber');
    await walk.start();

    // Act
    const card = await walk.press(CARD_VERBS.accountNext, validAccountInputs('fabrikam'));

    // Assert
    assert.match(errorBeside(card, 'domainPrefix') ?? '', /already taken/);
    assert.equal(fake.requestsTo('createCustomer').length, 0);
  });

  it('should go on when the domain check does not answer within 2 s, and catch the taken domain at Submit', async function () {
    this.timeout(20_000);
    // Arrange
    fake.takenDomains.add('fabrikam.partner.onmschina.cn');
    fake.fail('domains', { hang: true });

    // Act
    const { submitted } = await submitFabrikam();

    // Assert: Review came, and Submit says the domain is taken; nothing created
    assert.match(cardText(submitted), /already taken/);
    assert.equal(fake.customers.length, 0);
  });

  for (const [fault, times] of [
    [{ status: 429, retryAfterSeconds: 1 }, 1],
    [{ status: 500 }, 2],
    [{ lostAnswer: true }, 1],
  ] as const) {
    it(`should create exactly one customer and one order when Partner Center first answers ${JSON.stringify(fault)} ×${times}`, async () => {
      // Arrange
      fake.fail('createCustomer', fault, times);

      // Act
      await submitFabrikam();

      // Assert
      assert.equal(fake.customers.length, 1);
      assert.equal(fake.ordersOf(fake.customers[0]?.id ?? '').length, 1);
      const attempts = fake.requestsTo('createCustomer');
      assert.equal(attempts.length, times + 1);
      assert.equal(new Set(attempts.map((call) => call.headers['ms-requestid'])).size, 1, 'one MS-RequestId');
      assert.equal(new Set(attempts.map((call) => call.headers['ms-correlationid'])).size, times + 1);
      assert.equal(privateMessages().length, 1, 'the credentials are sent once');
    });
  }

  it('should place the order once when it failed after the customer was created and the user tries again', async () => {
    // Arrange: every attempt of the first order fails
    fake.fail('createOrder', { status: 503 }, 5);

    // Act
    const { walk, submitted } = await submitFabrikam();
    const retried = await walk.press(CARD_VERBS.requestRetry);

    // Assert
    assert.match(cardText(submitted), /could not be created: Partner Center did not answer in time/);
    assert.match(cardText(retried), /created in Partner Center \(customer id [0-9a-f-]{36}\)/);
    assert.equal(fake.customers.length, 1);
    assert.equal(fake.ordersOf(fake.customers[0]?.id ?? '').length, 1);
    assert.equal(privateMessages().length, 1);
  });

  it('should apologise to the user and name the settings to fix in the log when the client secret is wrong', async () => {
    // Arrange
    await rig.replace(partnerCenterOptions(fake, { PARTNER_CENTER_CLIENT_SECRET: 'wrong-secret-value' }));

    // Act
    const { submitted } = await submitFabrikam();

    // Assert
    assert.match(cardText(submitted), /Partner Center refused the bot’s sign-in/);
    assert.doesNotMatch(cardText(submitted), /PARTNER_CENTER_|invalid_client/);
    assert.match(rig.bot.logs.text, /invalid_client/);
    assert.match(rig.bot.logs.text, /PARTNER_CENTER_CLIENT_SECRET/);
    assert.ok(!rig.bot.logs.text.includes('wrong-secret-value'));
    assert.equal(fake.customers.length, 0);
    assert.deepEqual((await readStoreFiles(rig.bot.dataDir)).customers, []);
  });

  it('should walk a zh-CN user to a customer created in Partner Center, with the credentials in Chinese', async () => {
    // Act
    await submitFabrikam('fabrikamcn', 'zh-CN');

    // Assert
    assert.equal(fake.customers[0]?.companyProfile.domain, 'fabrikamcn.partner.onmschina.cn');
    assert.match(cardText(cardOf(privateMessages()[0])), /临时密码|密码/);
  });

  /** Presses Submit on `walk`'s Review card and returns as soon as the bot answers the turn. */
  async function pressSubmitOnly(walk: ReturnType<typeof rig.walk>) {
    const data = actionData(walk.card(), CARD_VERBS.reviewSubmit);
    return rig.bot.postOnly(walk.user.activity({ replyToId: walk.cardId, value: data }));
  }

  it('should answer Submit at once with “Creating the customer in Partner Center…”, and show Created when it is done', async () => {
    // Arrange: Partner Center does not answer the creation until the test lets it
    fake.fail('createCustomer', { hang: true });
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('fabrikam');

    // Act
    const answer = await pressSubmitOnly(walk);
    await waitUntil(() => fake.requestsTo('createCustomer').length === 1, 'the creation call');
    const whileCreating = walk.card();

    // Assert
    assert.equal(answer.status, 200);
    assert.match(cardText(whileCreating), /Creating the customer in Partner Center…/);
    assert.deepEqual(whileCreating.actions ?? [], []);
    assert.equal(fake.customers.length, 0);
  });

  it('should finish a creation cut off between the customer and its order after a restart: one customer, one order, credentials once', async () => {
    // Arrange: the order call hangs, and the bot stops while it waits
    fake.fail('createOrder', { hang: true });
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('fabrikam');
    await pressSubmitOnly(walk);
    await waitUntil(() => fake.requestsTo('createOrder').length === 1, 'the order call');

    // Act
    await rig.restart();
    await rig.bot.idle();

    // Assert
    assert.equal(fake.customers.length, 1);
    assert.equal(fake.ordersOf(fake.customers[0]?.id ?? '').length, 1);
    const customerCalls = fake.requestsTo('createCustomer');
    assert.equal(new Set(customerCalls.map((call) => call.headers['ms-requestid'])).size, 1);
    assert.equal(privateMessages().length, 1, 'the credentials are sent once');
    assert.match(cardText(walk.card()), /created in Partner Center \(customer id /);
    assert.deepEqual(await rig.bot.store.unfinishedRequestIds(), []);
    const { customers } = await readStoreFiles(rig.bot.dataDir);
    assert.deepEqual(
      customers.map((customer) => customer.partnerCenter?.orderIds.length),
      [1],
    );
  });

  it('should show an address Partner Center refuses beside the address, offer its suggestion, and use it with one press', async () => {
    // Arrange: Partner Center knows the street under another postal code
    fake.addressCheck = (address) =>
      address.postalCode === '100020'
        ? { valid: true }
        : {
            valid: false,
            suggestion: { ...address, addressLine1: '1 Jianguomenwai Avenue', postalCode: '100020' },
          };
    const walk = rig.walk('Alex Wilber');
    await walk.start();

    // Act
    const refused = await walk.press(CARD_VERBS.accountNext, validAccountInputs('fabrikam'));
    const subscriptions = await walk.pressButton('Use suggested address', validAccountInputs('fabrikam'));
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });

    // Assert
    assert.match(errorBeside(refused, 'addressLine1') ?? '', /does not recognise this address/);
    assert.match(cardText(refused), /Partner Center suggests this address/);
    assert.match(cardText(refused), /1 Jianguomenwai Avenue, Beijing 100020/);
    assert.match(cardText(subscriptions), /Subscriptions/);
    assert.match(cardText(review), /100020/);
    assert.match(cardText(review), /Fabrikam Trading Co\., Ltd\./, 'the other values are kept');
    const checked = fake
      .requestsTo('address')
      .map((call) => (call.body as { postalCode?: string }).postalCode);
    assert.deepEqual(checked, ['100022', '100020']);
  });

  it('should go on when the address check does not answer within 2 s', async function () {
    this.timeout(20_000);
    // Arrange
    fake.fail('address', { hang: true });
    const walk = rig.walk('Alex Wilber');
    await walk.start();

    // Act
    const card = await walk.press(CARD_VERBS.accountNext, validAccountInputs('fabrikam'));

    // Assert
    assert.match(cardText(card), /Subscriptions/);
  });
});
