import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { seedCustomers } from '../fixtures/customers.js';
import {
  type CardJson,
  cardOf,
  cardText,
  cardTitle,
  errorBeside,
  inputById,
} from '../helpers/card-queries.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread, pressExecute } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

describe('the add subscription command with approval', () => {
  const meganId = randomUUID();
  const rig = useBot({ env: { APPROVER_IDS: meganId } });

  it('should let a user find the customer, add licenses within the maximum and have them added once approved', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, [
      ['北京示例科技有限公司', 'beijingexample'],
      ['Contoso Pharmaceuticals', 'contosopharma'],
      ['广州示例物流有限公司', 'gzlogistics'],
    ]);
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });

    // Act: search, choose, count
    const picker = await alex.start('add subscription');
    const found = await alex.pressButton('Search', { customerQuery: '示例' });
    const unchosen = await alex.pressButton('Next: Subscriptions', { customerQuery: '示例' });
    const subscriptions = await alex.pressButton('Next: Subscriptions', {
      customerQuery: '示例',
      customerId: 'cus-1',
    });
    const tooMany = await alex.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '9995' });
    const review = await alex.press(CARD_VERBS.subscriptionsNext, {
      'qty_o365-e3': '20',
      'qty_o365-e1': '5',
    });
    const pending = await alex.press(CARD_VERBS.reviewSubmit);

    // Assert: the picker, the search, the choice, the maximum counted with what it has
    const choices = (card: unknown) =>
      ((inputById(card, 'customerId')?.choices ?? []) as { title: string }[]).map((choice) => choice.title);
    assert.equal(cardTitle(picker), 'Add subscription: choose the customer');
    assert.equal(choices(picker).length, 3);
    assert.deepEqual(choices(found), [
      '广州示例物流有限公司 (gzlogistics.partner.onmschina.cn)',
      '北京示例科技有限公司 (beijingexample.partner.onmschina.cn)',
    ]);
    assert.equal(inputById(found, 'customerQuery')?.value, '示例');
    assert.match(cardText(unchosen), /Choose a customer\./);
    assert.equal(cardTitle(subscriptions), 'Add subscription to 北京示例科技有限公司');
    assert.match(cardText(subscriptions), /has 10/);
    assert.equal(errorBeside(tooMany, 'qty_o365-e3'), 'With the 10 licenses it has, at most 9990 more.');
    assert.equal(cardTitle(review), 'Review: add subscription');
    assert.match(cardText(pending), /Waiting for approval/);
    assert.deepEqual((await rig.bot.store.findById('cus-1'))?.subscriptions, [
      { offerId: 'o365-e3', quantity: 10 },
    ]);

    // Act: Megan approves, and her approval arrives twice
    const approval = rig.connector
      .shownIn(thread.id)
      .find((entry) => cardTitle(cardOf(entry)) === 'Approval needed: add subscription');
    assert.ok(approval, 'an approval card should be posted in the channel');
    const data = { requestId: requestIdOf(cardOf(approval)) };
    const approved = await pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, data);
    const again = await pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, data);

    // Assert: added once, audited, announced once
    assert.match(cardText(approved.value), /Approved by Megan Bowen/);
    assert.match(cardText(again.value), /Approved by Megan Bowen/);
    assert.deepEqual((await rig.bot.store.findById('cus-1'))?.subscriptions, [
      { offerId: 'o365-e3', quantity: 30 },
      { offerId: 'o365-e1', quantity: 5 },
    ]);
    assert.deepEqual(
      (await readStoreFiles(rig.bot.dataDir)).audit.map((entry) => [
        entry.event,
        entry.actor?.name,
        entry.customerId,
      ]),
      [
        ['request.submitted', 'Alex Wilber', undefined],
        ['request.approved', 'Megan Bowen', undefined],
        ['subscriptions.added', 'Alex Wilber', 'cus-1'],
      ],
    );
    const announcements = rig.connector
      .sentTo(thread.id)
      .filter((entry) => cardTitle(cardOf(entry)) === 'Subscriptions added');
    assert.equal(announcements.length, 1);
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 3, 'no customer is created');
  });
});

/** The request id an approval card carries in its refresh action. */
function requestIdOf(card: CardJson | undefined): string {
  const refresh = (card as { refresh?: { action?: { data?: { requestId?: string } } } } | undefined)?.refresh;
  const requestId = refresh?.action?.data?.requestId;
  if (!requestId) throw new Error('the approval card has no refresh action with a request id');
  return requestId;
}
