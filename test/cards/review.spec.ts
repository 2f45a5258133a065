import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { type ReviewCardData, renderReviewCard } from '../../cards/review.js';
import { type Locale, translator } from '../../store/i18n/translate.js';
import { parsedAccount, SUBSCRIPTIONS } from '../fixtures/customers.js';
import { elementAboveActions } from '../helpers/card-queries.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { FLOW_ID, HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED, OFFERS, OWNER } from './sample-card-data.js';

const SUBMITTED_AT = '2025-03-14T09:26:53.589Z';
const CHINESE_ACCOUNT = {
  addressLine1: '朝阳区建国路88号',
  addressLine2: 'SOHO现代城B座12层',
  city: '北京',
  province: 'BJ',
  postalCode: '100022',
  contactFirstName: '娜',
  contactLastName: '李',
};

function cardData(locale: Locale, overrides: Partial<ReviewCardData> = {}): ReviewCardData {
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    account: parsedAccount(),
    subscriptions: SUBSCRIPTIONS,
    offers: OFFERS,
    state: { kind: 'editing' },
    maskContact: false,
    ...overrides,
  };
}

function render(data: ReviewCardData): CardObject {
  return renderReviewCard(data).content as CardObject;
}

function facts(card: CardObject): Record<string, unknown> {
  const all = findCardObjects(card, (node) => node.type === 'FactSet').flatMap(
    (factSet) => factSet.facts as CardObject[],
  );
  return Object.fromEntries(all.map((fact) => [fact.title, fact.value]));
}

function textBlocks(card: CardObject): CardObject[] {
  return findCardObjects(card, (node) => node.type === 'TextBlock');
}

describeCardContract(renderReviewCard, 'review-editing', (locale) => cardData(locale), { fixture: true });
describeCardContract(
  renderReviewCard,
  'review-editing-form-error',
  (locale) => cardData(locale, { formError: { key: 'error.domainPrefix.taken' } }),
  { fixture: true },
);
describeCardContract(
  renderReviewCard,
  'review-submitted',
  (locale) => cardData(locale, { state: { kind: 'submitted', at: SUBMITTED_AT } }),
  { fixture: true },
);
describeCardContract(
  renderReviewCard,
  'review-cancelled',
  (locale) => cardData(locale, { state: { kind: 'cancelled' } }),
  {
    fixture: true,
  },
);

describe('renderReviewCard', () => {
  it('should list the company, contact and subscriptions in zh-CN as facts', () => {
    const card = render(cardData('zh-CN'));

    assert.deepEqual(facts(card), {
      公司名称: 'Contoso (Shenzhen) Technology Co., Ltd.',
      租户域名: 'contososz.partner.onmschina.cn',
      地址: '广东省 Shenzhen, 1 Keyuan Road, Nanshan District, Building 5, Floor 3, 518000',
      '国家/地区': '中国',
      公司电话: '0755 8888 6666',
      姓名: 'Wang',
      电子邮件: 'wang.fang@contoso.cn',
      电话: '138 0013 8000',
      管理员语言: '中文 (zh-CN)',
      'Microsoft 365 商业基础版': '25 个许可证',
      'Office 365 E3': '10 个许可证',
    });
  });

  it('should show a name in Chinese characters family name first and a Chinese address province first in zh-CN', () => {
    const account = parsedAccount(CHINESE_ACCOUNT);

    const chinese = facts(render(cardData('zh-CN', { account })));
    const english = facts(render(cardData('en-US', { account })));

    assert.equal(chinese.姓名, '李娜');
    assert.equal(chinese.地址, '北京市朝阳区建国路88号 SOHO现代城B座12层，100022');
    assert.equal(english.Name, '李娜');
    assert.equal(english.Address, '朝阳区建国路88号, SOHO现代城B座12层, Beijing 100022');
  });

  it('should keep "Given Family" for a name in Latin letters, also in zh-CN', () => {
    const account = parsedAccount({ contactFirstName: 'Lei', contactLastName: 'Wang' });

    assert.equal(facts(render(cardData('zh-CN', { account }))).姓名, 'Lei Wang');
    assert.equal(facts(render(cardData('en-US', { account }))).Name, 'Lei Wang');
  });

  it('should mask the contact email and phone when the card is in a shared conversation', () => {
    const shared = facts(render(cardData('en-US', { maskContact: true })));
    const own = facts(render(cardData('en-US', { maskContact: false })));

    assert.equal(shared.Email, 'w\\*\\*\\*@contoso.cn');
    assert.equal(shared.Phone, '138\\*\\*\\*\\*8000');
    assert.equal(own.Email, 'wang.fang@contoso.cn');
    assert.equal(own.Phone, '138 0013 8000');
  });

  it('should leave template syntax typed in the company name unevaluated in its fact', () => {
    const card = render(cardData('en-US', { account: parsedAccount({ companyName: HOSTILE_TEXT }) }));

    const value = String(facts(card)['Company name']);

    assert.ok(value.startsWith('${$root.flowId} '), value);
    assert.ok(!JSON.stringify(card.body).includes(FLOW_ID));
  });

  it('should offer Submit, both Updates and Cancel while editing, with the flow and its owner', () => {
    const card = render(cardData('en-US'));

    const actions = card.actions as CardObject[];

    assert.deepEqual(
      actions.map((action) => action.data),
      [
        CARD_VERBS.reviewSubmit,
        CARD_VERBS.reviewUpdateAccount,
        CARD_VERBS.reviewUpdateSubscriptions,
        CARD_VERBS.reviewCancel,
      ].map((verb) => ({ verb, flowId: FLOW_ID, ownerId: OWNER.id })),
    );
    assert.ok(actions.every((action) => action.associatedInputs === 'none'));
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should show the form error in ${locale} right above the buttons while editing`, () => {
      const card = render(cardData(locale, { formError: { key: 'error.domainPrefix.taken' } }));

      const attention = textBlocks(card).filter((node) => node.color === 'Attention');

      assert.deepEqual(
        attention.map((node) => node.text),
        [translator(locale)('error.domainPrefix.taken')],
      );
      assert.equal(elementAboveActions(card)?.text, translator(locale)('error.domainPrefix.taken'));
    });
  }

  it('should drop the buttons and say who submitted it and when once submitted', () => {
    const card = render(
      cardData('en-US', {
        owner: { id: OWNER.id, name: HOSTILE_TEXT },
        state: { kind: 'submitted', at: SUBMITTED_AT },
      }),
    );

    const status = textBlocks(card).at(-1);

    assert.deepEqual(card.actions, []);
    assert.equal(
      status?.text,
      `Submitted by ${HOSTILE_TEXT_ESCAPED} on {{DATE(2025-03-14T09:26:53Z, SHORT)}} {{TIME(2025-03-14T09:26:53Z)}}.`,
    );
    assert.equal(status?.color, 'Default', 'Teams green text is below WCAG AA contrast on a light card');
  });

  it('should drop the buttons and say who cancelled it once cancelled', () => {
    const card = render(cardData('zh-CN', { state: { kind: 'cancelled' } }));

    const status = textBlocks(card).at(-1);

    assert.deepEqual(card.actions, []);
    assert.equal(status?.text, 'Li Lei 已取消。');
    assert.equal(status?.color, 'Default', 'Teams yellow text is below WCAG AA contrast on a light card');
  });

  it('should escape the owner name in the subtitle', () => {
    const card = render(cardData('en-US', { owner: { id: OWNER.id, name: HOSTILE_TEXT } }));

    const texts = textBlocks(card).map((node) => node.text);

    assert.ok(texts.includes(`Step 3 of 3 · For ${HOSTILE_TEXT_ESCAPED}`), texts.join('\n'));
  });
});
