import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { SEVEN_COMPANIES, seedCustomers } from '../fixtures/customers.js';
import {
  buttonData,
  buttonsOf,
  type CardButton,
  type CardJson,
  cardOf,
  cardText,
  cardTitle,
  factSections,
  inputById,
} from '../helpers/card-queries.js';
import { channelThread, type TeamsConversation, type TeamsUser } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const NEWEST_FIVE = [
  'Northwind Traders',
  '广州示例物流有限公司',
  'Contoso Pharmaceuticals',
  '深圳云计算科技有限公司',
  'Fabrikam Trading Co., Ltd.',
];
const OLDEST_TWO = ['上海示例贸易有限公司', '北京示例科技有限公司'];

const companiesOn = (card: unknown) => factSections(card).map((section) => section.heading);
/** The search box's inline action: what Enter in the box (or its search icon) presses. */
const inlineActionOf = (card: unknown) =>
  inputById(card, 'customerQuery')?.inlineAction as CardButton | undefined;
/** The titles of the buttons shown as buttons (the search box's inline action is an icon in the box). */
const titles = (card: unknown) =>
  buttonsOf(card)
    .filter((button) => !isDeepStrictEqual(button, inlineActionOf(card)))
    .map((button) => button.title);
const rangeOf = (card: CardJson | undefined) => {
  const last = card?.body?.at(-1) as { text?: string; horizontalAlignment?: string } | undefined;
  return last?.horizontalAlignment === 'Right' ? last.text : undefined;
};

describe('the customer list', () => {
  const rig = useBot();
  let thread: TeamsConversation;

  beforeEach(() => {
    thread = channelThread();
  });

  /** A user looking at the list: the card the command sent, and presses on it that update it in place. */
  async function openList(user: TeamsUser, command: string) {
    const before = rig.connector.sentTo(thread.id).length;
    assert.equal((await user.say(command)).status, 200);
    const sent = rig.connector.sentTo(thread.id).slice(before);
    assert.equal(sent.length, 1, 'the command should send one card');
    const listId = sent[0]?.activityId ?? '';
    const card = () => cardOf(rig.connector.latest(listId));
    const press = async (title: string, customerQuery: string) => {
      const messages = rig.connector.sentTo(thread.id).length;
      const updates = rig.connector.updates.length;
      const answer = await user.press(listId, buttonData(card(), title), { customerQuery });
      assert.equal(answer.status, 200);
      assert.equal(rig.connector.sentTo(thread.id).length, messages, 'a press should post no new message');
      assert.deepEqual(
        rig.connector.updates.slice(updates).map((update) => update.activityId),
        [listId],
        'a press should update the list card in place, once',
      );
      return card();
    };
    return { first: card(), card, press, listId };
  }

  it('should show the five newest customers, then the other two with Next, and the first five again with Previous', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, SEVEN_COMPANIES);
    const alex = rig.user('Alex Wilber', thread);

    // Act
    const list = await openList(alex, 'customers');
    const next = await list.press('Next', '');
    const previous = await list.press('Previous', '');

    // Assert
    assert.equal(cardTitle(list.first), 'Customers');
    assert.deepEqual(companiesOn(list.first), NEWEST_FIVE);
    assert.equal(rangeOf(list.first), '1–5 of 7');
    assert.deepEqual(titles(list.first), ['Search', 'Next']);
    assert.deepEqual(factSections(list.first)[0]?.facts, [
      'Tenant domain: northwind.partner.onmschina.cn',
      'Address: 1 Keyuan Road, Shenzhen, Guangdong 518000',
      'Contact: Wang',
      'Office 365 E3: 10 licenses',
    ]);
    assert.match(cardText(list.first), /^Added by Li Lei on \{\{DATE\(2025-03-14T09:17:00Z, SHORT\)\}\}/m);
    assert.deepEqual(companiesOn(next), OLDEST_TWO);
    assert.equal(rangeOf(next), '6–7 of 7');
    assert.deepEqual(titles(next), ['Search', 'Previous']);
    assert.deepEqual(previous, list.first);
  });

  it('should search by a substring of a Chinese company name or of a domain, and page through the results', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, SEVEN_COMPANIES);
    const alex = rig.user('Alex Wilber', thread);
    const list = await openList(alex, 'customers');

    // Act
    const chinese = await list.press('Search', '示例');
    const domain = await list.press('Search', 'CONTOSOPHARMA');
    const suffix = await list.press('Search', 'onmschina');
    const suffixNext = await list.press('Next', 'onmschina');
    const nothing = await list.press('Search', 'Tailspin');
    const cleared = await list.press('Search', '');

    // Assert
    assert.deepEqual(companiesOn(chinese), [
      '广州示例物流有限公司',
      '上海示例贸易有限公司',
      '北京示例科技有限公司',
    ]);
    assert.equal(rangeOf(chinese), '1–3 of 3');
    assert.equal(inputById(chinese, 'customerQuery')?.value, '示例');
    assert.deepEqual(titles(chinese), ['Search']);
    assert.deepEqual(companiesOn(domain), ['Contoso Pharmaceuticals']);
    assert.deepEqual(companiesOn(suffix), NEWEST_FIVE);
    assert.equal(rangeOf(suffix), '1–5 of 7');
    assert.deepEqual(companiesOn(suffixNext), OLDEST_TWO, 'Next should keep the search');
    assert.equal(inputById(suffixNext, 'customerQuery')?.value, 'onmschina');
    assert.deepEqual(companiesOn(nothing), []);
    assert.match(cardText(nothing), /^No customer matches\.$/m);
    assert.equal(rangeOf(nothing), undefined);
    assert.deepEqual(titles(nothing), ['Search']);
    assert.deepEqual(companiesOn(cleared), NEWEST_FIVE);
  });

  it('should show the list, its pages and its search in Chinese for 客户列表', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, SEVEN_COMPANIES);
    const lei = rig.user('李雷', thread, { locale: 'zh-CN' });

    // Act
    const list = await openList(lei, '客户列表');
    const next = await list.press('下一页', '');
    const previous = await list.press('上一页', '');
    const found = await list.press('搜索', '云计算');
    const nothing = await list.press('搜索', '不存在的公司');

    // Assert
    assert.equal(cardTitle(list.first), '客户');
    assert.equal(inputById(list.first, 'customerQuery')?.label, '按公司名称或域名搜索');
    assert.deepEqual(companiesOn(list.first), NEWEST_FIVE);
    assert.equal(rangeOf(list.first), '第 1–5 个，共 7 个');
    assert.deepEqual(titles(list.first), ['搜索', '下一页']);
    assert.deepEqual(factSections(list.first)[0]?.facts, [
      '租户域名: northwind.partner.onmschina.cn',
      '地址: 广东省 Shenzhen, 1 Keyuan Road, 518000',
      '联系人: Wang',
      'Office 365 E3: 10 个许可证',
    ]);
    assert.match(cardText(list.first), /^由 Li Lei 于 \{\{DATE\(2025-03-14T09:17:00Z, SHORT\)\}\} .* 添加$/m);
    assert.deepEqual(companiesOn(next), OLDEST_TWO);
    assert.equal(rangeOf(next), '第 6–7 个，共 7 个');
    assert.deepEqual(titles(next), ['搜索', '上一页']);
    assert.deepEqual(previous, list.first);
    assert.deepEqual(companiesOn(found), ['深圳云计算科技有限公司']);
    assert.equal(rangeOf(found), '第 1–1 个，共 1 个');
    assert.match(cardText(nothing), /^没有匹配的客户。$/m);
  });

  it('should search when Enter is pressed in the search box, with the Search button right under the box', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, SEVEN_COMPANIES);
    const alex = rig.user('Alex Wilber', thread);
    const list = await openList(alex, 'customers');
    const body = (list.first?.body ?? []) as { type?: string; id?: string; actions?: CardButton[] }[];
    const boxAt = body.findIndex((element) => element.id === 'customerQuery');
    const enter = inlineActionOf(list.first);
    assert.ok(enter?.data, 'the search box should have an inline action');
    const before = rig.connector.updates.length;

    // Act: Alex types 示例 and presses Enter, which sends the box's inline action
    const answer = await alex.press(list.listId, enter.data, { customerQuery: '示例' });

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(enter.type, 'Action.Submit');
    assert.equal(enter.data.verb, CARD_VERBS.customersSearch);
    assert.deepEqual(enter.data, body[boxAt + 1]?.actions?.[0]?.data, 'Enter does what Search does');
    assert.equal(body[boxAt + 1]?.type, 'ActionSet', 'the Search button sits right under its box');
    assert.deepEqual(
      body[boxAt + 1]?.actions?.map((button) => button.title),
      ['Search'],
    );
    assert.equal(rig.connector.updates.length, before + 1, 'the list is updated in place');
    assert.deepEqual(companiesOn(list.card()), [
      '广州示例物流有限公司',
      '上海示例贸易有限公司',
      '北京示例科技有限公司',
    ]);
  });

  it('should say how to add the first customer when there is none yet, in either language', async () => {
    // Arrange
    const alex = rig.user('Alex Wilber', thread);
    const lei = rig.user('李雷', thread, { locale: 'zh-CN' });

    // Act
    const english = await openList(alex, 'customers');
    const chinese = await openList(lei, '客户列表');

    // Assert
    assert.match(
      cardText(english.first),
      /No customers yet\. Type \*\*add customer\*\* to add the first one\./,
    );
    assert.deepEqual(titles(english.first), ['Search']);
    assert.match(cardText(chinese.first), /还没有客户。输入 \*\*添加客户\*\* 添加第一个客户。/);
    assert.deepEqual(titles(chinese.first), ['搜索']);
  });
});
