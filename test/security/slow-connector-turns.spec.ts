import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { actionData, cardOf, cardText } from '../helpers/card-queries.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';
import { waitUntil } from '../helpers/wait-until.js';

const TURN_ANSWER_MS = 1_000;

describe('turns while the Bot Connector hangs', () => {
  const rig = useBot({
    deps: {
      turnAnswerMs: TURN_ANSWER_MS,
      botFramework: { retry: { attemptTimeoutMs: 4_000, budgetMs: 10_000 } },
    },
  });

  it('should answer Teams by the turn deadline and finish the turn after it, once the Bot Connector answers', async function () {
    this.timeout(30_000);
    // Arrange: a walk to the account card; then every request to the connector takes 3 s
    const walk = rig.walk('Alex Wilber', channelThread());
    await walk.start();
    rig.connector.fault = () => ({ delayMs: 3_000 });

    // Act: press Cancel; Teams gets its answer while the card's update is still on its way
    const updatesBefore = rig.connector.updates.length;
    const answer = await rig.bot.postOnly(
      walk.user.activity({
        replyToId: walk.cardId,
        value: actionData(walk.card(), CARD_VERBS.accountCancel),
      }),
    );
    const updatesAtAnswer = rig.connector.updates.length;
    await waitUntil(() => rig.connector.updates.length > updatesBefore, 'the slow card update');

    // Assert: answered before the connector took the update; the turn went on to its end after the answer
    assert.equal(answer.status, 200);
    assert.equal(updatesAtAnswer, updatesBefore, 'Teams was answered before the slow update was done');
    assert.equal(rig.connector.updates.length, updatesBefore + 1, 'the card was updated after the answer');
    assert.doesNotMatch(
      rig.bot.logs.text,
      /turn failed|work failed|"level":(50|60)/,
      'the turn ended without an error',
    );
    assert.match(cardText(walk.card()), /Add customer — cancelled/);
  });
});

describe('approval presses while the Bot Connector hangs', () => {
  const meganId = randomUUID();
  const rig = useBot({
    env: { APPROVER_IDS: meganId },
    deps: { botFramework: { retry: { attemptTimeoutMs: 4_000, budgetMs: 10_000 } } },
  });

  /** Submits a request in a channel and returns the approval card posted there and the approver. */
  async function pendingRequest(domainPrefix: string) {
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });
    await alex.start();
    await alex.fillToReview(domainPrefix);
    await alex.press(CARD_VERBS.reviewSubmit);
    const approval = rig.connector
      .shownIn(thread.id)
      .find((entry) => /Approval needed/.test(cardText(cardOf(entry))));
    assert.ok(approval, 'an approval card should be posted in the channel');
    const requestId = (cardOf(approval) as { refresh?: { action?: { data?: { requestId?: string } } } })
      .refresh?.action?.data?.requestId;
    assert.ok(requestId);
    return { alex, megan, approval, requestId };
  }

  for (const [verb, data, outcome] of [
    [CARD_VERBS.approvalApprove, {}, /Approved by Megan Bowen/],
    [CARD_VERBS.approvalReject, { rejectReason: 'Wrong company' }, /Rejected by Megan Bowen/],
  ] as const) {
    it(`should answer ${verb} with the decided card before any slow send, and send them after`, async function () {
      this.timeout(30_000);
      // Arrange: a pending request; then every request to the connector takes 3 s
      const { alex, megan, approval, requestId } = await pendingRequest(`slow${verb.length}co`);
      rig.connector.fault = () => ({ delayMs: 3_000 });
      const handled = () =>
        rig.connector.sent.length + rig.connector.updates.length + rig.connector.createdConversations.length;
      const handledBefore = handled();

      // Act: the approver presses; Teams waits on the invoke's answer
      const answer = await rig.bot.postOnly(
        megan.activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: approval.activityId,
          value: { action: { type: 'Action.Execute', verb, data: { requestId, ...data } } },
        }),
      );
      const handledAtAnswer = handled();
      await rig.bot.idle();

      // Assert: the decided card came back before the connector took any of the bot's sends;
      // the requester heard of the decision after the answer
      assert.equal(answer.status, 200);
      assert.match(cardText((JSON.parse(answer.body) as { value: unknown }).value), outcome);
      assert.equal(handledAtAnswer, handledBefore, 'the answer did not wait on the connector');
      assert.ok(handled() > handledBefore, 'the notices went out after the answer');
      const told = [...rig.connector.sent, ...rig.connector.updates].map((entry) =>
        JSON.stringify(entry.activity),
      );
      assert.ok(
        told.some((text) => /Creating the customer|was rejected/.test(text)),
        `${alex.user.name} is told what happened`,
      );
      assert.doesNotMatch(rig.bot.logs.text, /turn failed|work failed|"level":(50|60)/);
    });
  }
});
