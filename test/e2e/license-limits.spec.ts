import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { seedCustomers } from '../fixtures/customers.js';
import type { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import { cardOf, cardText, inputById } from '../helpers/card-queries.js';
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
