import assert from 'node:assert/strict';
import sinon from 'sinon';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardOf, cardText } from '../helpers/card-queries.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { TENANT_ID } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

describe('the add-customer conversation under restarts, retries and failures', () => {
  const rig = useBot();

  afterEach(() => {
    sinon.restore();
  });

  it('should continue at the same step after the bot restarts mid-dialog', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.press(CARD_VERBS.accountNext, validAccountInputs('restartco'));

    // Act
    await rig.bot.restart();
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '7' });
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(review), /restartco\.partner\.onmschina\.cn/);
    const customers = (await readStoreFiles(rig.bot.dataDir)).customers;
    assert.deepEqual(
      customers.map((customer) => customer.domain),
      ['restartco.partner.onmschina.cn'],
    );
  });

  it('should create one customer when Submit arrives twice at once and once more later', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');
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
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 1);
    assert.equal(rig.connector.createdConversations.length, 1, 'credentials should be sent once');
    const summaries = rig.connector
      .sentTo(walk.user.conversation.id)
      .filter((entry) => /New customer added/.test(cardText(cardOf(entry))));
    assert.equal(summaries.length, 1);
  });

  it('should tell the user how to open a personal chat when Teams refuses the 1:1 message, and keep the customer', async () => {
    // Arrange
    rig.connector.fault = ({ method, path }) =>
      method === 'POST' && path === '/v3/conversations' ? 403 : undefined;
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('noappco');

    // Act
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    const texts = rig.connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text ?? '');
    const guidance = texts.find((text) => /personal chat/.test(text));
    assert.ok(guidance, 'the channel should say how to open a personal chat');
    assert.match(guidance, /Apps/);
    assert.ok(await rig.bot.store.isDomainTaken('noappco'));
    const audit = (await readStoreFiles(rig.bot.dataDir)).audit;
    assert.deepEqual(
      audit.map((entry) => entry.event),
      ['customer.created', 'credentials.undeliverable'],
    );
  });

  it('should say on the Review card, without details, that creating failed, offer Try again, and stay up', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('flakyco');
    const fakeFailure = sinon
      .stub(rig.bot.store, 'addCustomer')
      .rejects(new Error('disk on fire at /var/data'));

    // Act
    const failed = await walk.press(CARD_VERBS.reviewSubmit);
    fakeFailure.restore();
    const retried = await walk.press(CARD_VERBS.requestRetry);
    const health = await rig.bot.request('GET', '/healthz');

    // Assert
    assert.match(cardText(failed), /could not be created: something went wrong on my side/);
    assert.doesNotMatch(cardText(failed), /disk on fire|Error|at \//);
    assert.match(cardText(failed), /Try again/, 'the review card should offer Try again');
    assert.match(cardText(retried), /The customer is created/);
    assert.ok(await rig.bot.store.isDomainTaken('flakyco'));
    assert.equal(health.status, 200);
    assert.match(rig.bot.logs.text, /creating the customer failed/);
  });

  it('should refuse a domain prefix already taken, on the account card', async () => {
    // Arrange
    const first = rig.walk('Alex Wilber');
    await first.start();
    await first.fillToReview('takenco');
    await first.press(CARD_VERBS.reviewSubmit);
    const second = rig.walk('Megan Bowen');
    await second.start();

    // Act
    const card = await second.press(CARD_VERBS.accountNext, validAccountInputs('TakenCo'));

    // Assert
    assert.match(cardText(card), /This domain is already taken/);
    assert.match(cardText(card), /Account info/);
  });

  it('should answer 413 to an oversized body and 400 to a malformed one without crashing', async () => {
    // Act
    const oversized = await rig.bot.request(
      'POST',
      '/api/messages',
      JSON.stringify({ text: 'x'.repeat(400_000) }),
    );
    const malformed = await rig.bot.request('POST', '/api/messages', '{"type": "message",');
    const health = await rig.bot.request('GET', '/healthz');

    // Assert
    assert.equal(oversized.status, 413);
    assert.equal(malformed.status, 400);
    assert.equal(health.status, 200);
  });
});

describe('authentication of /api/messages', () => {
  const rig = useBot({
    env: {
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'not-a-real-secret',
      ALLOWED_TENANT_IDS: TENANT_ID,
    },
  });

  it('should answer 401 to a request without a token when an app id is set', async () => {
    // Act
    const answer = await rig.user('Mallory').say('add customer');

    // Assert
    assert.equal(answer.status, 401);
    assert.equal(rig.connector.sent.length, 0);
  });
});
