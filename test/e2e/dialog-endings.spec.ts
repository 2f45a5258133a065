import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { seedCustomers, validAccountInputs } from '../fixtures/customers.js';
import {
  actionData,
  buttonsOf,
  type CardJson,
  cardOf,
  cardsSentTo,
  cardText,
} from '../helpers/card-queries.js';
import type { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { channelThread, personalChat } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

/** The card the fake connector last received as an update of this message, if any. */
function lastUpdateOf(connector: FakeBotConnector, activityId: string): CardJson | undefined {
  return cardOf(connector.updates.filter((entry) => entry.activityId === activityId).at(-1));
}

/** Whether a card can still be used: any input or any button. */
function isLive(card: unknown): boolean {
  const inputs = findCardObjects(
    card,
    (node) => typeof node.type === 'string' && node.type.startsWith('Input.'),
  );
  return inputs.length > 0 || buttonsOf(card).length > 0;
}

describe('every way a dialog ends closes its card', () => {
  const rig = useBot();

  for (const [locale, cancel, closed, said] of [
    ['en-US', 'cancel', 'Add customer — cancelled', 'Cancelled. Nothing was saved.'],
    ['zh-CN', '取消', '添加客户 — 已取消', '已取消，未保存任何内容。'],
  ] as const) {
    it(`should close the old card when ${cancel} is typed (${locale})`, async () => {
      // Arrange: a dialog half-way, at Subscriptions
      const thread = channelThread();
      const walk = rig.walk('Alex Wilber', thread, { locale });
      await walk.start(locale === 'zh-CN' ? '添加客户' : 'add customer');
      await walk.press(CARD_VERBS.accountNext, validAccountInputs('typedcancel'));

      // Act
      await walk.user.say(cancel);

      // Assert: the old card was updated to a closed card without inputs or buttons, and the bot said so
      const old = lastUpdateOf(rig.connector, walk.cardId);
      assert.ok(old, 'the fake connector should have received an update of the old card');
      assert.equal(isLive(old), false, JSON.stringify(old));
      assert.match(cardText(old), new RegExp(closed));
      assert.equal(rig.connector.sentTo(thread.id).at(-1)?.activity.text, said);
    });
  }

  it('should close the card when its Cancel button is pressed', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber', channelThread());
    await walk.start();

    // Act
    const card = await walk.press(CARD_VERBS.accountCancel);

    // Assert
    assert.equal(isLive(card), false);
    assert.match(cardText(card), /Add customer — cancelled/);
  });

  it('should close a live dialog’s card as replaced when add customer is typed again, and start a new one', async () => {
    // Arrange
    const thread = personalChat();
    const walk = rig.walk('Alex Wilber', thread);
    await walk.start();
    const oldCardId = walk.cardId;

    // Act
    const fresh = await walk.start();

    // Assert: the old card is closed, the new one is live and is another message
    const old = lastUpdateOf(rig.connector, oldCardId);
    assert.ok(old, 'the old card should have been updated');
    assert.equal(isLive(old), false);
    assert.match(cardText(old), /Add customer — replaced by a newer one/);
    assert.notEqual(walk.cardId, oldCardId);
    assert.ok(isLive(fresh));
    assert.equal(cardsSentTo(rig.connector, thread.id).length, 2);
  });

  it('should close a live add-customer card as replaced when add subscription is started over it (zh-CN)', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, [['北京示例科技有限公司', 'beijingexample']]);
    const walk = rig.walk('Alex Wilber', channelThread(), { locale: 'zh-CN' });
    await walk.start('添加客户');
    await walk.press(CARD_VERBS.accountNext, validAccountInputs('replaced'));
    const oldCardId = walk.cardId;

    // Act
    await walk.start('添加订阅');

    // Assert
    const old = lastUpdateOf(rig.connector, oldCardId);
    assert.ok(old);
    assert.equal(isLive(old), false);
    assert.match(cardText(old), /添加客户 — 已被新的操作取代/);
  });

  it('should keep a reviewed request’s card, marked cancelled and without buttons, when cancel is typed at Review', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber', channelThread());
    await walk.start();
    await walk.fillToReview('reviewedco');

    // Act
    await walk.user.say('cancel');

    // Assert
    const old = lastUpdateOf(rig.connector, walk.cardId);
    assert.ok(old);
    assert.equal(isLive(old), false);
    assert.match(cardText(old), /Cancelled by Alex Wilber\./);
    assert.match(cardText(old), /reviewedco\.partner\.onmschina\.cn/);
  });

  it('should answer a press that still reaches the closed card with a short notice, and save nothing', async () => {
    // Arrange
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    await walk.start();
    const next = actionData(walk.card(), CARD_VERBS.accountNext);
    await walk.user.say('cancel');

    // Act: a Teams client that still shows the old card sends its Next
    const answer = await walk.user.press(walk.cardId, next, validAccountInputs('stale'));

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(
      rig.connector.sentTo(thread.id).at(-1)?.activity.text,
      'This card is no longer active. Type **add customer** to start again.',
    );
    assert.equal(await rig.bot.store.isDomainTaken('stale'), false);
  });

  it('should still cancel, and say so, when the old card can no longer be updated', async () => {
    // Arrange: Teams refuses updates of the old card (it was deleted)
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    await walk.start();
    rig.connector.fault = (request) => (request.method === 'PUT' ? 404 : undefined);

    // Act
    const answer = await walk.user.say('cancel');
    const fresh = await walk.start();

    // Assert
    assert.equal(answer.status, 200);
    const texts = rig.connector.sentTo(thread.id).map((entry) => entry.activity.text);
    assert.ok(texts.includes('Cancelled. Nothing was saved.'));
    assert.ok(!texts.some((text) => /something went wrong/i.test(String(text))));
    assert.ok(isLive(fresh));
    assert.match(rig.bot.logs.text, /could not close the card of an ended dialog/);
  });
});
