import assert from 'node:assert/strict';
import { loadOfferCatalog, type Offer } from '../../../store/customers/offer-catalog.js';
import {
  parseSubscriptions,
  pickSubscriptionsInput,
  quantityInputId,
} from '../../../store/customers/parse-subscriptions.js';

describe('parseSubscriptions', () => {
  let offers: Offer[];

  before(async () => {
    offers = await loadOfferCatalog();
  });

  it('should return the chosen offers in catalog order', () => {
    const input = { 'o365-e3': '50', 'm365-business-basic': '10' };

    const result = parseSubscriptions(offers, input);

    assert.deepEqual(result, {
      ok: true,
      value: [
        { offerId: 'm365-business-basic', quantity: 10 },
        { offerId: 'o365-e3', quantity: 50 },
      ],
    });
  });

  it('should treat empty, blank and zero counts as not chosen', () => {
    const input = {
      'm365-business-basic': '',
      'm365-apps-for-business': '  ',
      'o365-e1': '0',
      'o365-f3': '000',
    };

    const result = parseSubscriptions(offers, { ...input, 'o365-e3': ' 7 ' });

    assert.deepEqual(result, { ok: true, value: [{ offerId: 'o365-e3', quantity: 7 }] });
  });

  it('should ask for at least one offer when nothing is chosen', () => {
    const result = parseSubscriptions(offers, { 'o365-e1': '0', 'o365-e3': '' });

    assert.deepEqual(result, { ok: false, errors: {}, formError: { key: 'error.offers.none' } });
  });

  it('should ignore counts for offers that are not in the catalog', () => {
    const result = parseSubscriptions(offers, { 'unknown-offer': '5' });

    assert.deepEqual(result, { ok: false, errors: {}, formError: { key: 'error.offers.none' } });
  });

  it('should accept each offer at its minimum and its maximum', () => {
    for (const offer of offers) {
      for (const quantity of [offer.minimumQuantity, offer.maximumQuantity]) {
        const result = parseSubscriptions(offers, { [offer.id]: String(quantity) });

        assert.deepEqual(result, { ok: true, value: [{ offerId: offer.id, quantity }] });
      }
    }
  });

  it('should reject a count above the maximum with the offer limits', () => {
    for (const offer of offers) {
      const result = parseSubscriptions(offers, { [offer.id]: String(offer.maximumQuantity + 1) });

      assert.deepEqual(result, {
        ok: false,
        errors: {
          [offer.id]: {
            key: 'error.offers.quantity',
            params: { min: offer.minimumQuantity, max: offer.maximumQuantity },
          },
        },
      });
    }
  });

  it('should reject a count below the minimum of an offer whose minimum is above 1', () => {
    const withMinimum: Offer[] = [
      { id: 'e5', name: { 'en-US': 'E5', 'zh-CN': 'E5' }, minimumQuantity: 5, maximumQuantity: 9 },
    ];

    const result = parseSubscriptions(withMinimum, { e5: '4' });

    assert.deepEqual(result, {
      ok: false,
      errors: { e5: { key: 'error.offers.quantity', params: { min: 5, max: 9 } } },
    });
  });

  for (const typed of ['2.5', '1e3', '-1', 'abc', '+5', '0x10', '5 licenses', '１０', '9999999999']) {
    it(`should reject ${JSON.stringify(typed)} as not a whole number within the limits`, () => {
      const result = parseSubscriptions(offers, { 'o365-e3': typed });

      assert.deepEqual(result, {
        ok: false,
        errors: { 'o365-e3': { key: 'error.offers.quantity', params: { min: 1, max: 10000 } } },
      });
    });
  }

  it('should report a bad count without the "choose one" form error when another offer is fine', () => {
    const result = parseSubscriptions(offers, { 'o365-e1': '20', 'o365-e3': '2.5' });

    assert.ok(!result.ok);
    assert.deepEqual(Object.keys(result.errors), ['o365-e3']);
    assert.equal(result.formError, undefined);
  });
});

describe('pickSubscriptionsInput', () => {
  let offers: Offer[];

  before(async () => {
    offers = await loadOfferCatalog();
  });

  it('should read each offer count from its input id, keeping numbers as strings', () => {
    const submitted = { [quantityInputId('o365-e1')]: '12', [quantityInputId('o365-e3')]: 3 };

    const input = pickSubscriptionsInput(offers, submitted);

    assert.deepEqual(input, { 'o365-e1': '12', 'o365-e3': '3' });
  });

  it('should drop unknown inputs and non-scalar values and cut counts to 50 characters', () => {
    const submitted = {
      verb: 'subscriptions.next',
      qty_unknown: '5',
      [quantityInputId('o365-e1')]: { value: 5 },
      [quantityInputId('o365-f3')]: '9'.repeat(80),
    };

    const input = pickSubscriptionsInput(offers, submitted);

    assert.deepEqual(input, { 'o365-f3': '9'.repeat(50) });
  });
});
