import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { buildCustomer, seedCustomers } from '../fixtures/customers.js';
import type { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import { cardOf, cardText, errorBeside, inputById } from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { channelThread, pressExecute } from '../helpers/teams-user.js';
import { type BotRig, useBot } from '../helpers/use-bot.js';

/** Two users each open an add-subscription dialog for the same customer and reach Review with +6000 E3. */
async function twoOrdersAtReview(rig: BotRig) {
  await seedCustomers(rig.bot.store, [['北京示例科技有限公司', 'beijingexample']]);
  const thread = channelThread();
  const walks = [rig.walk('Alex Wilber', thread), rig.walk('Lee Gu', thread)];
  for (const walk of walks) {
    await walk.start('add subscription');
    await walk.pressButton('Next: Subscriptions', { customerId: 'cus-1' });
    await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '6000' });
  }
  return { thread, walks };
}

describe('license maximums for an existing customer', () => {
  const rig = useBot();
  const approverId = randomUUID();

  it('should show each offer’s remaining maximum on Add subscription, and an offer at its maximum as full', async () => {
    // Arrange: the customer has 50 of Business Standard (maximum 300) and all 300 of Business Basic
    await rig.bot.store.addCustomer(
      buildCustomer(1, {
        subscriptions: [
          { offerId: 'm365-business-standard', quantity: 50 },
          { offerId: 'm365-business-basic', quantity: 300 },
        ],
      }),
    );
    const english = rig.walk('Alex Wilber');
    const chinese = rig.walk('李雷', undefined, { locale: 'zh-CN' });

    // Act
    await english.start('add subscription');
    const card = await english.pressButton('Next: Subscriptions', { customerId: 'cus-1' });
    const over = await english.press(CARD_VERBS.subscriptionsNext, { 'qty_m365-business-standard': '251' });
    await chinese.start('add subscription');
    const zhCard = await chinese.pressButton('下一步：订阅', { customerId: 'cus-1' });

    // Assert
    const standard = inputById(card, 'qty_m365-business-standard');
    assert.equal(standard?.max, 250, 'the box takes at most the 250 the customer may still get');
    assert.match(cardText(card), /^up to 250 more; has 50$/m);
    assert.match(cardText(card), /^1–300 licenses$/m, 'an offer the customer does not have keeps its range');
    assert.equal(inputById(card, 'qty_m365-business-basic'), undefined, 'a full offer cannot be ordered');
    assert.match(cardText(card), /^At its maximum: has 300, no more can be added$/m);
    const names = findCardObjects(card, (node) => node.type === 'TextBlock').map((block) => block.text);
    assert.ok(names.includes('Microsoft 365 Business Basic'), 'the full offer is still named');
    assert.equal(
      errorBeside(over, 'qty_m365-business-standard'),
      'With the 50 licenses it has, at most 250 more.',
    );
    assert.equal(inputById(zhCard, 'qty_m365-business-standard')?.max, 250);
    assert.match(cardText(zhCard), /^最多还能添加 250 个；已有 50 个$/m);
    assert.match(cardText(zhCard), /^已达上限：已有 300 个，无法再添加$/m);
  });

  it('should refuse, on Review, an order that went over the maximum since the dialog started', async () => {
    // Arrange
    const { walks } = await twoOrdersAtReview(rig);
    const [first, second] = walks as [AddCustomerWalk, AddCustomerWalk];

    // Act
    await first.press(CARD_VERBS.reviewSubmit);
    const refused = await second.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(refused), /this would go over an offer’s maximum/);
    assert.match(cardText(refused), /6,?010 licenses|6010 licenses/, 'Review shows the counts it has now');
    assert.deepEqual((await rig.bot.store.findById('cus-1'))?.subscriptions, [
      { offerId: 'o365-e3', quantity: 6010 },
    ]);
  });

  it('should reject the second of two approved orders that together go over the maximum', async () => {
    // Arrange
    await rig.replace({ env: { APPROVER_IDS: approverId } });
    const { thread, walks } = await twoOrdersAtReview(rig);
    for (const walk of walks) await walk.press(CARD_VERBS.reviewSubmit);
    const approver = rig.user('Megan Bowen', thread, { aadObjectId: approverId });
    const approvalCards = rig.connector
      .shownIn(thread.id)
      .filter((entry) => /Approval needed: add subscription/.test(cardText(cardOf(entry))));

    // Act
    const answers = [];
    for (const card of approvalCards) {
      const refresh = cardOf(card) as { refresh?: { action?: { data?: { requestId?: string } } } };
      const requestId = refresh.refresh?.action?.data?.requestId ?? '';
      answers.push(await pressExecute(approver, card.activityId, CARD_VERBS.approvalApprove, { requestId }));
    }

    // Assert
    assert.equal(approvalCards.length, 2);
    assert.match(cardText(answers[0]?.value), /Approved by Megan Bowen/);
    assert.match(cardText(answers[1]?.value), /Rejected by Megan Bowen.*go over an offer’s maximum/s);
    assert.deepEqual((await rig.bot.store.findById('cus-1'))?.subscriptions, [
      { offerId: 'o365-e3', quantity: 6010 },
    ]);
  });

  it('should offer the customer list again after Back from a subscription started on the match notice', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, [
      ['Fabrikam Trading Co., Ltd.', 'fabrikam'],
      ['Contoso Pharmaceuticals', 'contosopharma'],
    ]);
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.press(CARD_VERBS.accountNext, {
      companyName: 'FABRIKAM TRADING CO LTD',
      domainPrefix: 'fabrikamnew',
      addressLine1: 'No. 1 Jianguomenwai Avenue',
      city: 'Beijing',
      province: 'BJ',
      postalCode: '100022',
      contactLastName: 'Wang',
      contactEmail: 'wang.lei@fabrikam-new.com.cn',
    });
    await walk.pressButton('Add subscription to Fabrikam Trading Co., Ltd.');

    // Act
    const picker = await walk.press(CARD_VERBS.subscriptionsBack);

    // Assert
    const choices = (inputById(picker, 'customerId')?.choices ?? []) as { value: string }[];
    assert.deepEqual(choices.map((choice) => choice.value).sort(), ['cus-1', 'cus-2']);
  });
});
