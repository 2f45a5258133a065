import assert from 'node:assert/strict';
import { maskEmail } from '../../../store/customers/mask-email.js';
import { maskPhone } from '../../../store/customers/mask-phone.js';

describe('maskEmail', () => {
  it('should keep the first character of the mailbox and the domain', () => {
    assert.equal(maskEmail('li.na@xingchen.cn'), 'l***@xingchen.cn');
    assert.equal(maskEmail('王@例子.cn'), '王***@例子.cn');
  });

  it('should hide all of a value that is no email address', () => {
    assert.equal(maskEmail('li.na'), '***');
  });
});

describe('maskPhone', () => {
  it('should keep the first three and the last four digits of a mobile number', () => {
    assert.equal(maskPhone('13800138000'), '138****8000');
    assert.equal(maskPhone('138 0013 8000'), '138****8000');
    assert.equal(maskPhone('+86 138-0013-8000'), '+86 138****8000');
  });

  it('should mask the middle of a landline number', () => {
    assert.equal(maskPhone('010-65001234'), '010****1234');
  });

  it('should show only the last two digits of a short number', () => {
    assert.equal(maskPhone('12345'), '***45');
  });
});
