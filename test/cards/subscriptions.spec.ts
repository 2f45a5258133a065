import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderSubscriptionsCard, type SubscriptionsCardData } from '../../cards/subscriptions.js';
import { parseSubscriptions, type SubscriptionsInput } from '../../store/customers/parse-subscriptions.js';
import { type Locale, translator } from '../../store/i18n/translate.js';
import { elementAboveActions } from '../helpers/card-queries.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { FLOW_ID, HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED, OFFERS, OWNER } from './sample-card-data.js';

const TYPED: SubscriptionsInput = { 'm365-business-basic': '25', 'o365-e3': '20000' };

function cardData(locale: Locale, values: SubscriptionsInput = TYPED): SubscriptionsCardData {
  const result = parseSubscriptions(OFFERS, values);
  return {
    locale,
    flowId: FLOW_ID,
    owner: OWNER,
    offers: OFFERS,
    values,
    errors: result.ok ? {} : result.errors,
    formError: result.ok ? undefined : result.formError,
    returnToReview: false,
  };
}

function render(data: SubscriptionsCardData): CardObject {
  return renderSubscriptionsCard(data).content as CardObject;
}

describeCardContract(renderSubscriptionsCard, 'subscriptions', (locale) => cardData(locale), {
  fixture: true,
});

describe('renderSubscriptionsCard', () => {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should show one license count per offer, named in ${locale}, within the offer's maximum`, () => {
      const card = render(cardData(locale));

      const inputs = findCardObjects(card, (node) => node.type === 'Input.Number');

      assert.deepEqual(
        inputs.map((input) => [input.id, input.label, input.min, input.max]),
        OFFERS.map((offer) => [`qty_${offer.id}`, offer.name[locale], 0, offer.maximumQuantity]),
      );
    });
  }

  it('should keep the typed counts as numbers and leave the other offers empty', () => {
    const card = render(cardData('en-US'));

    const values = Object.fromEntries(
      findCardObjects(card, (node) => node.type === 'Input.Number').map((input) => [input.id, input.value]),
    );

    assert.deepEqual(values, {
      'qty_m365-business-basic': 25,
      'qty_m365-apps-for-business': undefined,
      'qty_m365-business-standard': undefined,
      'qty_o365-e1': undefined,
      'qty_o365-e3': 20000,
      'qty_o365-f3': undefined,
    });
  });

  it("should put a count's error right after that offer's input and range", () => {
    const t = translator('zh-CN');

    const card = render(cardData('zh-CN'));

    const [container] = findCardObjects(
      card,
      (node) => Array.isArray(node.items) && node.items.some((item) => item.id === 'qty_o365-e3'),
    );
    const items = container?.items as CardObject[];
    assert.deepEqual(
      items.map((item) => item.type),
      ['Input.Number', 'TextBlock', 'TextBlock'],
    );
    assert.equal(items[2]?.color, 'Attention');
    assert.equal(items[2]?.text, t('error.offers.quantity', { min: 1, max: 10000 }));
    assert.equal(findCardObjects(card, (node) => node.color === 'Attention').length, 2);
  });

  it('should show the form error right above the buttons when no offer is chosen', () => {
    const t = translator('en-US');

    const card = render(cardData('en-US', {}));

    const attention = findCardObjects(card, (node) => node.color === 'Attention').map((node) => node.text);
    assert.deepEqual(attention, [t('error.offers.none')]);
    assert.equal(elementAboveActions(card)?.text, t('error.offers.none'));
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should sum up in ${locale}, right above the buttons, the offers whose count to correct`, () => {
      const t = translator(locale);
      const e3 = OFFERS.find((offer) => offer.id === 'o365-e3');

      const card = render(cardData(locale));

      const summary = elementAboveActions(card);
      assert.equal(summary?.type, 'TextBlock');
      assert.equal(summary?.color, 'Attention');
      assert.equal(summary?.text, t('flow.errorSummary', { fields: e3?.name[locale] ?? '' }));
    });
  }

  it('should show no "0" placeholder in a count whose offer needs at least one license', () => {
    const card = render(cardData('en-US'));

    const inputs = findCardObjects(card, (node) => node.type === 'Input.Number');

    assert.ok(OFFERS.every((offer) => offer.minimumQuantity >= 1));
    assert.deepEqual(
      inputs.map((input) => input.placeholder),
      OFFERS.map(() => undefined),
    );
  });

  it('should show "0" as the placeholder of an offer that allows no licenses', () => {
    const offers = OFFERS.map((offer) => ({ ...offer, minimumQuantity: 0 }));

    const card = render({ ...cardData('en-US'), offers });

    const inputs = findCardObjects(card, (node) => node.type === 'Input.Number');
    assert.deepEqual(
      inputs.map((input) => input.placeholder),
      offers.map(() => '0'),
    );
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should be titled as an edit in ${locale}, without a step number, when the user came from Review`, () => {
      const t = translator(locale);

      const card = render({ ...cardData(locale), returnToReview: true });

      const [title, subtitle] = card.body as CardObject[];
      assert.equal(title?.text, t('subscriptions.editTitle'));
      assert.equal(subtitle?.text, t('flow.owner', { name: OWNER.name }));
    });
  }

  it('should escape the owner name in the subtitle', () => {
    const card = render({ ...cardData('zh-CN'), owner: { id: OWNER.id, name: HOSTILE_TEXT } });

    const texts = findCardObjects(card, (node) => node.type === 'TextBlock').map((node) => node.text);

    assert.ok(texts.includes(`第 2 步，共 3 步 · 发起人：${HOSTILE_TEXT_ESCAPED}`), texts.join('\n'));
  });

  it('should send the flow and its owner with Next and Back', () => {
    const card = render({ ...cardData('en-US'), returnToReview: true });

    const actions = card.actions as CardObject[];

    assert.deepEqual(
      actions.map((action) => [action.title, action.data]),
      [
        [
          'Save and return to Review',
          { verb: CARD_VERBS.subscriptionsNext, flowId: FLOW_ID, ownerId: OWNER.id },
        ],
        ['Back', { verb: CARD_VERBS.subscriptionsBack, flowId: FLOW_ID, ownerId: OWNER.id }],
      ],
    );
  });
});
