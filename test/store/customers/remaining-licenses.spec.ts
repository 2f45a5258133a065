import assert from 'node:assert/strict';
import type { Offer } from '../../../store/customers/offer-catalog.js';
import { remainingLicenses } from '../../../store/customers/remaining-licenses.js';
import { tidyCompanyName } from '../../../store/customers/tidy-company-name.js';

const OFFER: Offer = {
  id: 'm365-business-standard',
  name: { 'en-US': 'Microsoft 365 Business Standard', 'zh-CN': 'Microsoft 365 商业标准版' },
  minimumQuantity: 1,
  maximumQuantity: 300,
};

describe('remainingLicenses', () => {
  it('should be the maximum less what the customer has', () => {
    assert.equal(remainingLicenses(OFFER, [{ offerId: OFFER.id, quantity: 50 }]), 250);
    assert.equal(remainingLicenses(OFFER, [{ offerId: 'other', quantity: 50 }]), 300);
  });

  it('should never go below zero', () => {
    assert.equal(remainingLicenses(OFFER, [{ offerId: OFFER.id, quantity: 320 }]), 0);
  });
});

describe('tidyCompanyName', () => {
  it('should drop stray spaces between Chinese characters and collapse the others', () => {
    assert.equal(tidyCompanyName(' 上海云帆信息科技 有限公司 '), '上海云帆信息科技有限公司');
    assert.equal(tidyCompanyName('Fabrikam   Trading\u3000Co., Ltd.'), 'Fabrikam Trading Co., Ltd.');
  });
});
