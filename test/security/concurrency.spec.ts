import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardOf, cardText } from '../helpers/card-queries.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const USERS = 50;

describe('the bot under concurrent presses', () => {
  const rig = useBot();

  it(`should create exactly ${USERS} customers when ${USERS} users each press Submit twice at once`, async () => {
    // Arrange
    const walks = Array.from({ length: USERS }, (_, n) => rig.walk(`User ${n}`, channelThread(`t${n}`)));
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
    const customers = (await readStoreFiles(rig.bot.dataDir)).customers;
    assert.equal(customers.length, USERS);
    assert.equal(new Set(customers.map((customer) => customer.domainPrefix)).size, USERS);
    assert.equal(rig.connector.createdConversations.length, USERS, 'one credentials message per customer');
    for (const walk of walks) {
      const summaries = rig.connector
        .sentTo(walk.user.conversation.id)
        .filter((entry) => /New customer added/.test(cardText(cardOf(entry))));
      assert.equal(summaries.length, 1);
      assert.match(cardText(walk.card()), /Submitted by/);
    }
    assert.doesNotMatch(rig.bot.logs.text, /turn failed/);
  });

  it('should decide once when the same Approve invoke is delivered twice at once, and once more later', async () => {
    // Arrange
    const approverId = randomUUID();
    await rig.replace({ env: { APPROVER_IDS: approverId } });
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    const approver = rig.user('Megan Bowen', thread, { aadObjectId: approverId });
    await walk.start();
    await walk.fillToReview('twiceinvokedco');
    await walk.press(CARD_VERBS.reviewSubmit);
    const approval = rig.connector
      .shownIn(thread.id)
      .find((entry) => /Approval needed/.test(cardText(cardOf(entry))));
    assert.ok(approval);
    const submitted = (await readStoreFiles(rig.bot.dataDir)).audit.find(
      (entry) => entry.event === 'request.submitted',
    );
    const requestId = submitted?.requestId ?? '';
    const invoke = approver.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: approval.activityId,
      value: { action: { type: 'Action.Execute', verb: CARD_VERBS.approvalApprove, data: { requestId } } },
    });

    // Act
    const answers = await Promise.all([rig.bot.post(invoke), rig.bot.post(invoke)]);
    const late = await rig.bot.post(invoke);

    // Assert
    assert.deepEqual(
      [...answers, late].map((answer) => answer.status),
      [200, 200, 200],
    );
    for (const answer of [...answers, late]) assert.match(answer.body, /Approved by Megan Bowen/);
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 1);
    assert.equal(rig.connector.createdConversations.length, 1, 'credentials should be sent once');
    const decisions = (await readStoreFiles(rig.bot.dataDir)).audit.filter(
      (entry) => entry.event === 'request.approved',
    );
    assert.equal(decisions.length, 1);
  });
});
