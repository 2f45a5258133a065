import assert from 'node:assert/strict';
import { type AccountInfoCardData, renderAccountInfoCard } from '../../cards/account-info.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { AccountInfoInput } from '../../store/customers/account-info-schema.js';
import { createAccountInfoSchema } from '../../store/customers/account-info-schema.js';
import { parseAccountInfo } from '../../store/customers/parse-account-info.js';
import { PROVINCES } from '../../store/customers/provinces.js';
import { type Locale, translator } from '../../store/i18n/translate.js';
import { ACCOUNT_INPUT } from '../fixtures/customers.js';
import { elementAboveActions } from '../helpers/card-queries.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { FLOW_ID, HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED, OWNER } from './sample-card-data.js';

const TYPED: AccountInfoInput = {
  ...ACCOUNT_INPUT,
  contactFirstName: 'Fang',
  postalCode: '51800',
  contactEmail: 'wang@microsoft.com',
};

function cardData(locale: Locale, values: AccountInfoInput = TYPED): AccountInfoCardData {
  const result = parseAccountInfo(createAccountInfoSchema({ partnerEmailDomains: [] }), values);
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    values,
    errors: result.ok ? {} : result.errors,
    returnToReview: false,
  };
}

function render(data: AccountInfoCardData): CardObject {
  return renderAccountInfoCard(data).content as CardObject;
}

function fieldContainer(card: CardObject, id: string): CardObject[] {
  const [container] = findCardObjects(
    card,
    (node) =>
      node.type === 'Container' && Array.isArray(node.items) && node.items.some((item) => item.id === id),
  );
  assert.ok(container, `no container holds the input ${id}`);
  return container.items as CardObject[];
}

describeCardContract(renderAccountInfoCard, 'account-info', (locale) => cardData(locale), { fixture: true });

describe('renderAccountInfoCard', () => {
  it('should keep every typed value in its input, as typed', () => {
    const card = render(cardData('en-US'));

    for (const [id, typed] of Object.entries(TYPED)) {
      const [input] = findCardObjects(card, (node) => node.id === id);
      assert.equal(input?.value, typed, id);
    }
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should put each error message in ${locale} right after its field`, () => {
      const data = cardData(locale);
      const t = translator(locale);

      const card = render(data);

      assert.deepEqual(Object.keys(data.errors).sort(), ['contactEmail', 'postalCode']);
      for (const [id, error] of Object.entries(data.errors)) {
        const items = fieldContainer(card, id);
        const last = items.at(-1);
        assert.equal(items[0]?.id, id);
        assert.equal(last?.type, 'TextBlock');
        assert.equal(last?.color, 'Attention');
        assert.equal(last?.text, t(error.key, error.params));
      }
    });
  }

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should sum up in ${locale} the fields to correct right above the buttons, and nowhere else`, () => {
      const t = translator(locale);

      const card = render(cardData(locale));

      const summary = t('flow.errorSummary', {
        fields: [t('account.postalCode'), t('account.contactEmail')].join(t('flow.listSeparator')),
      });
      assert.deepEqual(elementAboveActions(card), {
        type: 'TextBlock',
        text: summary,
        color: 'Attention',
        weight: 'Bolder',
        separator: true,
        wrap: true,
      });
      const attention = findCardObjects(card, (node) => node.color === 'Attention').map((node) => node.text);
      assert.deepEqual(attention, [t('error.postalCode.format'), t('error.email.microsoft'), summary]);
    });
  }

  it('should name a field in the summary without its parenthesised note', () => {
    const card = render({ ...cardData('zh-CN'), errors: { companyPhone: { key: 'error.phone.format' } } });

    assert.equal(elementAboveActions(card)?.text, '请更正上方标出的字段：公司电话。');
  });

  it('should offer one button per way forward, above Cancel and instead of Next, when the company matches a customer', () => {
    const match = { customerId: 'cus-1', companyName: 'Fabrikam', domain: 'fabrikam.partner.onmschina.cn' };

    const card = render({ ...cardData('en-US', ACCOUNT_INPUT), errors: {}, matches: [match] });

    const warning = elementAboveActions(card) as CardObject;
    assert.equal(warning.style, 'warning');
    const choices = findCardObjects(warning, (node) => node.type === 'Action.Submit');
    assert.deepEqual(
      choices.map((action) => [action.title, (action.data as CardObject).verb]),
      [
        ['Add subscription to Fabrikam', CARD_VERBS.accountAddSubscription],
        ['Request a reseller relationship', CARD_VERBS.accountReseller],
        ['It is a different company: continue', CARD_VERBS.accountContinue],
      ],
    );
    assert.deepEqual(
      (card.actions as CardObject[]).map((action) => [action.title, (action.data as CardObject).verb]),
      [['Cancel', CARD_VERBS.accountCancel]],
    );
  });

  it('should show no error at all when nothing is wrong', () => {
    const card = render({ ...cardData('en-US', ACCOUNT_INPUT), errors: {} });

    assert.deepEqual(
      findCardObjects(card, (node) => node.color === 'Attention'),
      [],
    );
  });

  it('should offer the 31 provinces with Chinese names in zh-CN and English names in en-US', () => {
    const choices = (locale: Locale) => {
      const [province] = findCardObjects(render(cardData(locale)), (node) => node.id === 'province');
      return province?.choices as { title: string; value: string }[];
    };

    assert.equal(choices('zh-CN').length, 31);
    assert.deepEqual(
      choices('zh-CN'),
      PROVINCES.map((province) => ({ title: province.zh, value: province.code })),
    );
    assert.deepEqual(
      choices('en-US'),
      PROVINCES.map((province) => ({ title: province.en, value: province.code })),
    );
  });

  it('should keep a company name with template syntax and Markdown literal in its input', () => {
    const card = render(cardData('zh-CN', { ...TYPED, companyName: HOSTILE_TEXT }));

    const [input] = findCardObjects(card, (node) => node.id === 'companyName');

    assert.equal(input?.value, HOSTILE_TEXT);
  });

  it('should escape the owner name in the subtitle', () => {
    const card = render({ ...cardData('en-US'), owner: { id: OWNER.id, name: HOSTILE_TEXT } });

    const texts = findCardObjects(card, (node) => node.type === 'TextBlock').map((node) => node.text);

    assert.ok(texts.includes(`Step 1 of 3 · For ${HOSTILE_TEXT_ESCAPED}`), texts.join('\n'));
  });

  it('should send the flow and its owner with Next and Cancel, and let Cancel skip the inputs', () => {
    const card = render(cardData('en-US'));

    const actions = card.actions as CardObject[];

    assert.deepEqual(
      actions.map((action) => action.data),
      [
        { verb: CARD_VERBS.accountNext, flowId: FLOW_ID, ownerId: OWNER.id },
        { verb: CARD_VERBS.accountCancel, flowId: FLOW_ID, ownerId: OWNER.id },
      ],
    );
    assert.equal(actions[1]?.associatedInputs, 'none');
  });

  it('should name the main button after Review when the user came from Review', () => {
    const card = render({ ...cardData('zh-CN'), returnToReview: true });

    assert.equal((card.actions as CardObject[])[0]?.title, translator('zh-CN')('account.backToReview'));
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should be titled as an edit in ${locale}, without a step number, when the user came from Review`, () => {
      const t = translator(locale);

      const card = render({ ...cardData(locale), returnToReview: true });

      const [title, subtitle] = card.body as CardObject[];
      assert.equal(title?.text, t('account.editTitle'));
      assert.equal(subtitle?.text, t('flow.owner', { name: OWNER.name }));
    });
  }
});
