import assert from 'node:assert/strict';
import { createCustomerBody } from '../../../bot/partner-center/create-customer-body.js';
import { customerRequest, parsedAccount } from '../../fixtures/customers.js';

describe('createCustomerBody', () => {
  it('should lay out every field of the account card as Partner Center’s company and billing profiles', () => {
    const body = createCustomerBody(customerRequest());

    assert.deepEqual(body, {
      companyProfile: { domain: 'contososz.partner.onmschina.cn' },
      billingProfile: {
        email: 'wang.fang@contoso.cn',
        culture: 'zh-CN',
        language: 'zh',
        companyName: 'Contoso (Shenzhen) Technology Co., Ltd.',
        defaultAddress: {
          country: 'CN',
          city: 'Shenzhen',
          state: 'GD',
          addressLine1: '1 Keyuan Road, Nanshan District',
          addressLine2: 'Building 5, Floor 3',
          postalCode: '518000',
          firstName: undefined,
          lastName: 'Wang',
          phoneNumber: '138 0013 8000',
        },
      },
    });
  });

  it('should take the admin language as culture and language, and the company phone when the contact has none', () => {
    const account = parsedAccount({ language: 'en-US', contactPhone: '', contactFirstName: 'Fang' });

    const body = createCustomerBody(customerRequest({ account }));

    assert.equal(body.billingProfile.culture, 'en-US');
    assert.equal(body.billingProfile.language, 'en');
    assert.equal(body.billingProfile.defaultAddress.firstName, 'Fang');
    assert.equal(body.billingProfile.defaultAddress.phoneNumber, '0755 8888 6666');
  });
});
