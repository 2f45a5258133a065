import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { type CardJson, cardOf, cardsSentTo, cardTitle } from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { channelThread, pressExecute } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const BEIJING_ADDRESS = {
  companyName: '北京星辰数据服务有限公司',
  addressLine1: '朝阳区建国路88号',
  addressLine2: 'SOHO现代城B座12层',
  city: '北京',
  province: 'BJ',
  postalCode: '100022',
};

/** Every fact of a card, as `title: value`, wherever its FactSets are. */
function factsOf(card: unknown): string[] {
  return findCardObjects(card, (node) => node.type === 'FactSet').flatMap((factSet) =>
    (factSet.facts as { title: string; value: string }[]).map((fact) => `${fact.title}: ${fact.value}`),
  );
}

describe('contact names and addresses as their readers write them', () => {
  const meganId = randomUUID();
  const rig = useBot({ env: { APPROVER_IDS: meganId } });

  /**
   * Lei (in `locale`) adds the company with this contact; Megan approves it in the channel. Returns
   * the cards each step showed: Review, Megan's approval view, the summary and the customer list.
   */
  async function addAndApprove(locale: string, contact: Record<string, string>) {
    const thread = channelThread();
    const lei = rig.walk('Lei', thread, { locale });
    const megan = rig.user('Megan Bowen', thread, { locale, aadObjectId: meganId });
    const account = await lei.start();
    await lei.press(
      CARD_VERBS.accountNext,
      validAccountInputs('xingchendata', { ...BEIJING_ADDRESS, ...contact }),
    );
    const review = await lei.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    const requestCard = await lei.press(CARD_VERBS.reviewSubmit);
    const requestId = JSON.stringify(requestCard).match(/"requestId":"([^"]+)"/)?.[1];
    assert.ok(requestId, 'Submit turns Review into the request card');
    const data = { requestId };
    const approverView = await pressExecute(megan, lei.cardId, CARD_VERBS.approvalRefresh, data);
    await pressExecute(megan, lei.cardId, CARD_VERBS.approvalApprove, data);
    const summary = cardsSentTo(rig.connector, thread.id).at(-1);
    await lei.user.say('customers');
    const list = cardsSentTo(rig.connector, thread.id).at(-1);
    return {
      account,
      review,
      requestCard,
      approverView: approverView.value as CardJson,
      summary: cardOf(summary),
      list: cardOf(list),
    };
  }

  it('should write a Chinese name family name first and a Chinese address province first in zh-CN, and ask 姓 before 名', async () => {
    // Act
    const cards = await addAndApprove('zh-CN', { contactFirstName: '娜', contactLastName: '李' });

    // Assert
    const labels = findCardObjects(cards.account, (node) =>
      /^contact(First|Last)Name$/.test(String(node.id)),
    );
    assert.deepEqual(
      labels.map((input) => input.id),
      ['contactLastName', 'contactFirstName'],
      'the form asks 姓 before 名',
    );
    const name = '姓名: 李娜';
    const address = '地址: 北京市朝阳区建国路88号 SOHO现代城B座12层，100022';
    for (const [card, expected] of [
      [cards.review, [address, name]],
      [cards.requestCard, [address, name]],
      [cards.approverView, [address, name]],
      [cards.summary, [address, '联系人: 李娜']],
      [cards.list, [address, '联系人: 李娜']],
    ] as const) {
      const facts = factsOf(card);
      for (const fact of expected)
        assert.ok(facts.includes(fact), `${cardTitle(card as CardJson)}: ${facts.join(' | ')}`);
    }
    assert.equal(cardTitle(cards.summary), '已添加新客户');
    assert.equal(cardTitle(cards.list), '客户');
  });

  it('should use the Western address order with the English province in en-US, and keep a Latin name "Given Family"', async () => {
    // Act
    const cards = await addAndApprove('en-US', { contactFirstName: 'Lei', contactLastName: 'Wang' });

    // Assert
    const labels = findCardObjects(cards.account, (node) =>
      /^contact(First|Last)Name$/.test(String(node.id)),
    );
    assert.deepEqual(
      labels.map((input) => input.id),
      ['contactFirstName', 'contactLastName'],
    );
    const address = 'Address: 朝阳区建国路88号, SOHO现代城B座12层, Beijing 100022';
    for (const [card, expected] of [
      [cards.review, [address, 'Name: Lei Wang']],
      [cards.requestCard, [address, 'Name: Lei Wang']],
      [cards.approverView, [address, 'Name: Lei Wang']],
      [cards.summary, [address, 'Contact: Lei Wang']],
      [cards.list, [address, 'Contact: Lei Wang']],
    ] as const) {
      const facts = factsOf(card);
      for (const fact of expected)
        assert.ok(facts.includes(fact), `${cardTitle(card as CardJson)}: ${facts.join(' | ')}`);
    }
    assert.equal(cardTitle(cards.summary), 'New customer added');
  });
});
