import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { actionData, cardText } from '../helpers/card-queries.js';
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
