import assert from 'node:assert/strict';
import sinon from 'sinon';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AddCustomerWalk, validAccountInputs } from '../helpers/add-customer-walk.js';
import { BotUnderTest } from '../helpers/bot-under-test.js';
import { actionData, cardOf, cardText } from '../helpers/card-queries.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';

describe('the add-customer conversation under restarts, retries and failures', () => {
  let connector: FakeBotConnector;
  let bot: BotUnderTest;

  beforeEach(async () => {
    connector = new FakeBotConnector();
    await connector.start();
    bot = await BotUnderTest.start();
  });

  afterEach(async () => {
    sinon.restore();
    await bot.stop();
    await connector.stop();
  });

  it('should continue at the same step after the bot restarts mid-dialog', async () => {
    // Arrange
    const walk = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    await walk.press(CARD_VERBS.accountNext, validAccountInputs('restartco'));

    // Act
    await bot.restart();
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '7' });
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(review), /restartco\.partner\.onmschina\.cn/);
    const customers = await bot.store.listCustomers();
    assert.deepEqual(
      customers.map((customer) => customer.domain),
      ['restartco.partner.onmschina.cn'],
    );
  });

  it('should create one customer when Submit arrives twice at once and once more later', async () => {
    // Arrange
    const walk = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    await walk.fillToReview('doubleco');
    const submit = actionData(walk.card(), CARD_VERBS.reviewSubmit);

    // Act
    const answers = await Promise.all([
      walk.user.press(walk.cardId, submit),
      walk.user.press(walk.cardId, submit),
    ]);
    const late = await walk.user.press(walk.cardId, submit);

    // Assert
    assert.deepEqual(
      [...answers, late].map((answer) => answer.status),
      [200, 200, 200],
    );
    assert.equal((await bot.store.listCustomers()).length, 1);
    assert.equal(connector.createdConversations.length, 1, 'credentials should be sent once');
    const summaries = connector
      .sentTo(walk.user.conversation.id)
      .filter((entry) => /New customer added/.test(cardText(cardOf(entry))));
    assert.equal(summaries.length, 1);
  });

  it('should tell the user how to open a personal chat when Teams refuses the 1:1 message, and keep the customer', async () => {
    // Arrange
    connector.fault = ({ method, path }) =>
      method === 'POST' && path === '/v3/conversations' ? 403 : undefined;
    const walk = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    await walk.fillToReview('noappco');

    // Act
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    const texts = connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text ?? '');
    const guidance = texts.find((text) => /personal chat/.test(text));
    assert.ok(guidance, 'the channel should say how to open a personal chat');
    assert.match(guidance, /Apps/);
    assert.ok(await bot.store.isDomainTaken('noappco'));
    const audit = await bot.store.listAudit();
    assert.deepEqual(
      audit.map((entry) => entry.event),
      ['customer.created', 'credentials.undeliverable'],
    );
  });

  it('should apologise without details when a turn fails, keep the entries, and stay up', async () => {
    // Arrange
    const walk = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    await walk.fillToReview('flakyco');
    const fakeFailure = sinon.stub(bot.store, 'addCustomer').rejects(new Error('disk on fire at /var/data'));

    // Act
    const failed = await walk.press(CARD_VERBS.reviewSubmit);
    fakeFailure.restore();
    const retried = await walk.press(CARD_VERBS.reviewSubmit);
    const health = await bot.request('GET', '/healthz');

    // Assert
    const texts = connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text ?? '');
    const apology = texts.find((text) => /something went wrong/.test(text));
    assert.ok(apology);
    assert.doesNotMatch(apology, /disk on fire|Error|at /);
    assert.match(cardText(failed), /Submit/, 'the review card should still offer Submit');
    assert.match(cardText(retried), /Submitted by/);
    assert.ok(await bot.store.isDomainTaken('flakyco'));
    assert.equal(health.status, 200);
    assert.match(bot.logs.text, /turn failed/);
  });

  it('should refuse a domain prefix already taken, on the account card', async () => {
    // Arrange
    const first = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await first.start();
    await first.fillToReview('takenco');
    await first.press(CARD_VERBS.reviewSubmit);
    const second = new AddCustomerWalk(
      new TeamsUser(bot, connector, 'Megan Bowen', channelThread()),
      connector,
    );
    await second.start();

    // Act
    const card = await second.press(CARD_VERBS.accountNext, validAccountInputs('TakenCo'));

    // Assert
    assert.match(cardText(card), /This domain is already taken/);
    assert.match(cardText(card), /Account info/);
  });

  it('should answer 413 to an oversized body and 400 to a malformed one without crashing', async () => {
    // Act
    const oversized = await bot.request(
      'POST',
      '/api/messages',
      JSON.stringify({ text: 'x'.repeat(400_000) }),
    );
    const malformed = await bot.request('POST', '/api/messages', '{"type": "message",');
    const health = await bot.request('GET', '/healthz');

    // Assert
    assert.equal(oversized.status, 413);
    assert.equal(malformed.status, 400);
    assert.equal(health.status, 200);
  });
});

describe('authentication of /api/messages', () => {
  it('should answer 401 to a request without a token when an app id is set', async () => {
    // Arrange
    const bot = await BotUnderTest.start({
      env: {
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppPassword: 'not-a-real-secret',
      },
    });
    const connector = new FakeBotConnector();
    await connector.start();

    try {
      // Act
      const answer = await new TeamsUser(bot, connector, 'Mallory', channelThread()).say('add customer');

      // Assert
      assert.equal(answer.status, 401);
      assert.equal(connector.sent.length, 0);
    } finally {
      await bot.stop();
      await connector.stop();
    }
  });
});
