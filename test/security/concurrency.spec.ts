import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AddCustomerWalk, validAccountInputs } from '../helpers/add-customer-walk.js';
import { BotUnderTest } from '../helpers/bot-under-test.js';
import { actionData, cardOf, cardText } from '../helpers/card-queries.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';

const USERS = 50;

describe('the bot under concurrent presses', () => {
  let connector: FakeBotConnector;
  let bot: BotUnderTest;

  beforeEach(async () => {
    connector = new FakeBotConnector();
    await connector.start();
  });

  afterEach(async () => {
    await bot.stop();
    await connector.stop();
  });

  it(`should create exactly ${USERS} customers when ${USERS} users each press Submit twice at once`, async () => {
    // Arrange
    bot = await BotUnderTest.start();
    const walks = Array.from(
      { length: USERS },
      (_, n) =>
        new AddCustomerWalk(new TeamsUser(bot, connector, `User ${n}`, channelThread(`t${n}`)), connector),
    );
    await Promise.all(
      walks.map(async (walk, n) => {
        await walk.start();
        await walk.press(CARD_VERBS.accountNext, {
          ...validAccountInputs(`crowd${n}`),
          companyName: `Northwind ${n} Trading Co., Ltd.`,
          contactEmail: `lei.wang${n}@northwind${n}.com.cn`,
        });
        await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '10' });
      }),
    );

    // Act
    const answers = await Promise.all(
      walks.flatMap((walk) => {
        const submit = actionData(walk.card(), CARD_VERBS.reviewSubmit);
        return [walk.user.press(walk.cardId, submit), walk.user.press(walk.cardId, submit)];
      }),
    );

    // Assert
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
    const customers = await bot.store.listCustomers();
    assert.equal(customers.length, USERS);
    assert.equal(new Set(customers.map((customer) => customer.domainPrefix)).size, USERS);
    assert.equal(connector.createdConversations.length, USERS, 'one credentials message per customer');
    for (const walk of walks) {
      const summaries = connector
        .sentTo(walk.user.conversation.id)
        .filter((entry) => /New customer added/.test(cardText(cardOf(entry))));
      assert.equal(summaries.length, 1);
      assert.match(cardText(walk.card()), /Submitted by/);
    }
    assert.doesNotMatch(bot.logs.text, /turn failed/);
  });

  it('should decide once when the same Approve invoke is delivered twice at once, and once more later', async () => {
    // Arrange
    const approverId = randomUUID();
    bot = await BotUnderTest.start({ env: { APPROVER_IDS: approverId } });
    const thread = channelThread();
    const walk = new AddCustomerWalk(new TeamsUser(bot, connector, 'Alex Wilber', thread), connector);
    const approver = new TeamsUser(bot, connector, 'Megan Bowen', thread, 'en-US', approverId);
    await walk.start();
    await walk.fillToReview('twiceinvokedco');
    await walk.press(CARD_VERBS.reviewSubmit);
    const approval = connector
      .sentTo(thread.id)
      .find((entry) => /Approval needed/.test(cardText(cardOf(entry))));
    assert.ok(approval);
    const submitted = (await bot.store.listAudit()).find((entry) => entry.event === 'request.submitted');
    const requestId = submitted?.requestId ?? '';
    const invoke = approver.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: approval.activityId,
      value: { action: { type: 'Action.Execute', verb: CARD_VERBS.approvalApprove, data: { requestId } } },
    });

    // Act
    const answers = await Promise.all([bot.post(invoke), bot.post(invoke)]);
    const late = await bot.post(invoke);

    // Assert
    assert.deepEqual(
      [...answers, late].map((answer) => answer.status),
      [200, 200, 200],
    );
    for (const answer of [...answers, late]) assert.match(answer.body, /Approved by Megan Bowen/);
    assert.equal((await bot.store.listCustomers()).length, 1);
    assert.equal(connector.createdConversations.length, 1, 'credentials should be sent once');
    const decisions = (await bot.store.listAudit()).filter((entry) => entry.event === 'request.approved');
    assert.equal(decisions.length, 1);
  });
});
