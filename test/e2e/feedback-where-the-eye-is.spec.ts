import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import {
  buttonsOf,
  type CardJson,
  cardOf,
  cardText,
  cardTitle,
  elementAboveActions,
} from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { channelThread, personalChat } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

/** The titles of the buttons a user sees right below the summary: the card's own actions. */
function actionTitles(card: CardJson): (string | undefined)[] {
  return (card.actions ?? []).map((action) => action.title);
}

describe('feedback where the user looks, and the small things around it', () => {
  const rig = useBot();

  for (const [locale, summary, next] of [
    ['en-US', 'Please correct the fields marked above: Postal code, Email.', 'Next: Subscriptions'],
    ['zh-CN', '请更正上方标出的字段：邮政编码、电子邮件。', '下一步：订阅'],
  ] as const) {
    it(`should put the account card's error summary right above its buttons (${locale})`, async () => {
      // Arrange
      const walk = rig.walk('Alex Wilber', channelThread(), { locale });
      await walk.start();

      // Act
      const card = await walk.press(
        CARD_VERBS.accountNext,
        validAccountInputs('eyeco', { postalCode: '1000', contactEmail: 'not-an-email' }),
      );

      // Assert
      const above = elementAboveActions(card);
      assert.equal(above?.type, 'TextBlock');
      assert.equal(above?.text, summary);
      assert.equal(above?.color, 'Attention');
      assert.equal(actionTitles(card)[0], next);
      assert.equal(cardText(card).split(summary).length, 2, 'the summary is shown once');
    });
  }

  for (const [locale, summary] of [
    ['en-US', 'Choose at least one offer.'],
    ['zh-CN', '请至少选择一个产品/服务。'],
  ] as const) {
    it(`should put the subscriptions card's error right above its buttons (${locale})`, async () => {
      // Arrange
      const walk = rig.walk('Alex Wilber', channelThread(), { locale });
      await walk.start();
      await walk.press(CARD_VERBS.accountNext, validAccountInputs('eyesubs'));

      // Act
      const card = await walk.press(CARD_VERBS.subscriptionsNext, {});

      // Assert
      assert.equal(elementAboveActions(card)?.text, summary);
      assert.equal(elementAboveActions(card)?.color, 'Attention');
    });
  }

  for (const [locale, text, line] of [
    ['en-US', 'what can you do?', 'I didn’t catch that. Type **help** to see what I can do.'],
    ['zh-CN', '你好', '我没有听懂。输入 **帮助** 查看我能做什么。'],
  ] as const) {
    it(`should answer unknown text with one line pointing to help, not the help card (${locale})`, async () => {
      // Arrange
      const chat = personalChat();
      const user = rig.user('Alex Wilber', chat, { locale });

      // Act
      await user.say(text);

      // Assert
      const answers = rig.connector.sentTo(chat.id);
      assert.equal(answers.length, 1);
      assert.equal(answers[0]?.activity.text, line);
      assert.equal(cardOf(answers[0]), undefined);
    });
  }

  it('should still answer help, and a bare @mention, with the help card', async () => {
    // Arrange
    const thread = channelThread();
    const user = rig.user('Alex Wilber', thread);

    // Act
    await user.say('help');
    await user.say('');

    // Assert
    const titles = rig.connector.sentTo(thread.id).map((entry) => cardTitle(cardOf(entry)));
    assert.deepEqual(titles, ['Add Customer bot', 'Add Customer bot']);
  });

  it('should show no "0" in an empty license count, since every offer needs at least one license', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber', channelThread());
    await walk.start();

    // Act
    const card = await walk.press(CARD_VERBS.accountNext, validAccountInputs('placeholderco'));

    // Assert
    const counts = findCardObjects(card, (node) => node.type === 'Input.Number');
    assert.equal(counts.length, 6);
    assert.deepEqual(
      counts.map((input) => input.placeholder),
      counts.map(() => undefined),
    );
  });

  for (const [locale, title, subtitle] of [
    ['en-US', 'Edit account info', 'For Alex Wilber'],
    ['zh-CN', '编辑帐户信息', '发起人：Alex Wilber'],
  ] as const) {
    it(`should label the account card opened from Review as an edit, without a step (${locale})`, async () => {
      // Arrange
      const walk = rig.walk('Alex Wilber', channelThread(), { locale });
      await walk.start();
      await walk.fillToReview('editco');

      // Act
      const card = await walk.press(CARD_VERBS.reviewUpdateAccount);

      // Assert
      assert.equal(cardTitle(card), title);
      assert.equal((card.body?.[1] as { text?: string } | undefined)?.text, subtitle);
      assert.doesNotMatch(cardText(card), /Step 1 of 3|第 1 步/);
    });
  }

  it('should tell the requester on the credentials card, and after Done, where to sign in and to change the password', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber', channelThread());
    await walk.start();
    await walk.fillToReview('nextstepsco');

    // Act
    await walk.press(CARD_VERBS.reviewSubmit);
    const chatId = rig.connector.createdConversations[0]?.conversationId ?? '';
    const [credentials] = rig.connector.sentTo(chatId);
    const done = buttonsOf(cardOf(credentials)).find((button) => button.title === 'Done');
    await walk.user
      .in({ id: chatId, conversationType: 'personal' })
      .press(credentials?.activityId ?? '', done?.data ?? {});

    // Assert
    const nextSteps =
      'Next: sign in to the [Microsoft 365 admin center operated by 21Vianet](https://portal.partner.microsoftonline.cn) as admin@nextstepsco.partner.onmschina.cn with the temporary password, and set a new password when asked.';
    assert.ok(cardText(cardOf(credentials)).includes(nextSteps));
    const finished = cardOf(rig.connector.latest(credentials?.activityId ?? ''));
    assert.match(cardTitle(finished) ?? '', /is ready/);
    assert.ok(cardText(finished).includes(nextSteps));
    assert.deepEqual(
      buttonsOf(finished).map((button) => [button.type, button.url]),
      [['Action.OpenUrl', 'https://portal.partner.microsoftonline.cn']],
    );
  });
});
