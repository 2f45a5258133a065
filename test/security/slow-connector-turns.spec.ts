import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { actionData, cardText } from '../helpers/card-queries.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

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

    // Act: press Next and time Teams' wait for the HTTP answer only
    const started = performance.now();
    const answer = await rig.bot.postOnly(
      walk.user.activity({
        replyToId: walk.cardId,
        value: actionData(walk.card(), CARD_VERBS.accountCancel),
      }),
    );
    const answeredAfterMs = performance.now() - started;
    await rig.bot.idle();

    // Assert: answered at the deadline, well before the connector; the turn's update still arrived
    assert.equal(answer.status, 200);
    assert.ok(answeredAfterMs < TURN_ANSWER_MS + 1_500, `answered after ${Math.round(answeredAfterMs)} ms`);
    assert.equal(rig.connector.updates.length > 0, true, 'the card was updated after the answer');
    assert.match(rig.connector.latest(walk.cardId)?.activity.text ?? cardText(walk.card()), /Cancelled/);
  });
});
