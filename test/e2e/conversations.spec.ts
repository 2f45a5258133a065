import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { isBotCustomer } from '../../store/customer-schema.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardOf, cardsSentTo, cardText, errorBeside } from '../helpers/card-queries.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread, groupChat, personalChat } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

describe('the add-customer conversation across users, chats and languages', () => {
  const rig = useBot();

  it('should give two users in one channel thread a dialog each, and refuse a press on the other one’s card', async () => {
    // Arrange
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    const megan = rig.walk('Megan Bowen', thread);

    // Act: interleave their steps
    await alex.start();
    await megan.start();
    await alex.press(CARD_VERBS.accountNext, validAccountInputs('alexco'));
    await megan.press(CARD_VERBS.accountNext, validAccountInputs('meganco'));
    const alexCardBefore = JSON.stringify(alex.card());
    const before = rig.connector.sentTo(thread.id).length;
    const foreign = await megan.user.press(
      alex.cardId,
      actionData(alex.card(), CARD_VERBS.subscriptionsNext),
      {
        'qty_o365-e3': '5',
      },
    );
    await alex.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '10' });
    await megan.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-f3': '20' });
    await megan.press(CARD_VERBS.reviewSubmit);
    await alex.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(foreign.status, 200);
    const refusal = rig.connector.sentTo(thread.id)[before];
    assert.match(refusal?.activity.text ?? '', /Only the person who started this card/);
    assert.notEqual(
      JSON.stringify(alex.card()),
      alexCardBefore,
      'Alex’s own press should still move his card on',
    );
    const customers = (await readStoreFiles(rig.bot.dataDir)).customers;
    assert.deepEqual(
      customers.map((customer) => [
        customer.domainPrefix,
        isBotCustomer(customer) ? customer.createdBy.name : undefined,
        customer.subscriptions[0]?.offerId,
      ]),
      [
        ['alexco', 'Alex Wilber', 'o365-e1'],
        ['meganco', 'Megan Bowen', 'o365-f3'],
      ],
    );
    const members = rig.connector.createdConversations.map(
      (created) => (created.parameters.members as { id: string }[])[0]?.id,
    );
    assert.deepEqual(members.sort(), [alex.user.id, megan.user.id].sort());
  });

  it('should walk a zh-CN user in Chinese, errors included', async () => {
    // Arrange
    const wang = rig.walk('王磊', channelThread(), { locale: 'zh-CN' });

    // Act
    const account = await wang.start('添加客户');
    const invalid = await wang.press(CARD_VERBS.accountNext, {
      ...validAccountInputs('contoso'),
      postalCode: 'abc',
    });
    const subscriptions = await wang.press(CARD_VERBS.accountNext, validAccountInputs('contoso'));
    const noOffer = await wang.press(CARD_VERBS.subscriptionsNext, {});
    const review = await wang.press(CARD_VERBS.subscriptionsNext, { 'qty_m365-business-basic': '3' });
    await wang.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(account), /帐户信息/);
    assert.match(cardText(account), /北京市/);
    assert.equal(errorBeside(invalid, 'postalCode'), '请输入 6 位邮政编码。');
    assert.match(cardText(subscriptions), /订阅/);
    assert.match(cardText(noOffer), /请至少选择一个产品\/服务。/);
    assert.match(cardText(review), /Microsoft 365 商业基础版/);
    assert.match(cardText(review), /3 个许可证/);
    const summary = cardsSentTo(rig.connector, wang.user.conversation.id).map((entry) =>
      cardText(cardOf(entry)),
    );
    assert.ok(summary.some((text) => /已添加新客户/.test(text)));
    const credentials = rig.connector.sentTo(rig.connector.createdConversations[0]?.conversationId ?? '');
    assert.match(cardText(cardOf(credentials[0])), /临时密码/);
  });

  it('should run the dialog in a personal chat and send the credentials there without a channel summary', async () => {
    // Arrange
    const chat = personalChat();
    const alex = rig.walk('Alex Wilber', chat);

    // Act
    await alex.start();
    await alex.fillToReview('personalco');
    await alex.press(CARD_VERBS.reviewSubmit);

    // Assert
    const texts = cardsSentTo(rig.connector, chat.id).map((entry) => cardText(cardOf(entry)));
    assert.equal(texts.filter((text) => /New customer added/.test(text)).length, 0);
    assert.equal(rig.connector.createdConversations.length, 1);
    const credentials = rig.connector.sentTo(rig.connector.createdConversations[0]?.conversationId ?? '');
    assert.match(cardText(cardOf(credentials[0])), /admin@personalco\.partner\.onmschina\.cn/);
  });

  it('should run the dialog in a group chat when mentioned', async () => {
    // Arrange
    const chat = groupChat();
    const alex = rig.walk('Alex Wilber', chat);

    // Act
    await alex.start();
    await alex.fillToReview('groupco');
    await alex.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.ok(await rig.bot.store.isDomainTaken('groupco'));
    const texts = cardsSentTo(rig.connector, chat.id).map((entry) => cardText(cardOf(entry)));
    assert.equal(texts.filter((text) => /New customer added/.test(text)).length, 1);
  });

  it('should answer help with the help card, unknown text with one line, and cancel an open dialog', async () => {
    // Arrange
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    const alex = walk.user;

    // Act
    await alex.say('help');
    await alex.say('what can you do?');
    await alex.say('帮助');
    await walk.start('  ADD   Customer ');
    const staleNext = actionData(walk.card(), CARD_VERBS.accountNext);
    await alex.say('cancel');
    const afterCancel = await alex.press(walk.cardId, staleNext, validAccountInputs('late'));
    await alex.say('取消');

    // Assert
    const sent = rig.connector.sentTo(thread.id);
    const helpCards = sent
      .map((entry) => cardText(cardOf(entry)))
      .filter((text) => /add customer/.test(text));
    assert.equal(helpCards.length, 2, 'help and 帮助 should each get the help card, unknown text not');
    assert.equal(afterCancel.status, 200);
    const texts = sent.map((entry) => entry.activity.text).filter(Boolean);
    assert.ok(texts.includes('I didn’t catch that. Type **help** to see what I can do.'));
    assert.ok(texts.includes('Cancelled. Nothing was saved.'));
    assert.ok(texts.includes('This card is no longer active. Type **add customer** to start again.'));
    assert.equal(await rig.bot.store.isDomainTaken('late'), false);
  });
});
