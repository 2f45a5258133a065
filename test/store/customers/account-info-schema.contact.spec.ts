import assert from 'node:assert/strict';
import {
  type AccountInfoField,
  createAccountInfoSchema,
  describeIssue,
  type FieldError,
} from '../../../store/customers/account-info-schema.js';
import { requiredAccountInfoInput } from '../../fixtures/customers.js';

function check(field: AccountInfoField, value: string | undefined, partnerEmailDomains: string[] = []) {
  const schema = createAccountInfoSchema({ partnerEmailDomains });
  const result = schema.safeParse({ ...requiredAccountInfoInput(), [field]: value });
  const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
  return {
    error: issue === undefined ? undefined : describeIssue(issue.message),
    value: result.success ? result.data[field] : undefined,
  };
}

describe('createAccountInfoSchema (contact and phones)', () => {
  for (const field of ['companyPhone', 'contactPhone'] as const) {
    describe(field, () => {
      const good = [
        '13800138000',
        '+86 13800138000',
        '+86-138-0013-8000',
        '138 0013 8000',
        '010-12345678',
        '0755 1234567',
        '(0755) 12345678',
        '+86 10 12345678',
        '+86 010 12345678',
        '010-12345678 ext 123',
        '021-12345678',
        '+86 20 1234567',
        '0571 8888 8888',
        '+86 755 12345678',
        '+860755 12345678',
        '+86 1012345678',
      ];
      for (const phone of good) {
        it(`should accept ${JSON.stringify(phone)}`, () => {
          const { error, value } = check(field, ` ${phone} `);

          assert.equal(error, undefined);
          assert.equal(value, phone);
        });
      }

      const bad = [
        '123',
        '12800138000',
        '1380013800',
        '138001380001',
        '010-123456',
        '+1 4255550100',
        'phone',
        '00-12345678',
        '000 12345678',
        '(00) 1234567',
        '+86 00 12345678',
        '+86 000 1234567',
        '+86 1380013800',
        '+86 138 0013 800',
        '011 12345678',
        '0123 1234567',
        '+86 11 12345678',
        '013800138000',
      ];
      for (const phone of bad) {
        it(`should reject ${JSON.stringify(phone)} with error.phone.format`, () => {
          assert.deepEqual(check(field, phone).error, { key: 'error.phone.format' });
        });
      }

      it('should treat a missing or blank phone as absent', () => {
        assert.deepEqual(check(field, undefined), { error: undefined, value: undefined });
        assert.deepEqual(check(field, '   '), { error: undefined, value: undefined });
      });
    });
  }

  describe('contact names', () => {
    const good = ['王', '欧阳', 'Li', 'Smith', "O'Brien", 'Jean-Luc', 'Abcdefghij'.repeat(4)];
    for (const name of good) {
      it(`should accept the last name ${JSON.stringify(name)}`, () => {
        assert.deepEqual(check('contactLastName', name), { error: undefined, value: name });
      });
    }

    const rejected: [string, FieldError['key']][] = [
      ['Abcdefghij'.repeat(4).concat('k'), 'error.name.length'],
      ['A', 'error.name.single'],
      ['x', 'error.name.single'],
      ['test', 'error.name.placeholder'],
      ['Test', 'error.name.placeholder'],
      ['ADMIN', 'error.name.placeholder'],
      ['nobody', 'error.name.placeholder'],
      ['N/A', 'error.name.placeholder'],
      ['测试', 'error.name.placeholder'],
      ['Test.', 'error.name.placeholder'],
      ['test!', 'error.name.placeholder'],
      ['Admin?!', 'error.name.placeholder'],
      ['N/A.', 'error.name.placeholder'],
      ['Unknown...', 'error.name.placeholder'],
      ['null,', 'error.name.placeholder'],
      ['TBD .', 'error.name.placeholder'],
      ['测试。', 'error.name.placeholder'],
      ['未知！', 'error.name.placeholder'],
      ['用户，', 'error.name.placeholder'],
      ['12345', 'error.name.noLetters'],
      ['7', 'error.name.noLetters'],
      ['!!', 'error.name.noLetters'],
      ['😀😀', 'error.name.noLetters'],
    ];
    for (const [name, key] of rejected) {
      it(`should reject the last name ${JSON.stringify(name)} with ${key}`, () => {
        assert.deepEqual(check('contactLastName', name).error, { key });
      });
      it(`should reject the first name ${JSON.stringify(name)} with ${key}`, () => {
        assert.deepEqual(check('contactFirstName', name).error, { key });
      });
    }

    it('should require the last name but not the first name', () => {
      assert.deepEqual(check('contactLastName', ' ').error, { key: 'error.required' });
      assert.deepEqual(check('contactFirstName', undefined), { error: undefined, value: undefined });
      assert.deepEqual(check('contactFirstName', ' '), { error: undefined, value: undefined });
    });

    it('should trim names', () => {
      assert.equal(check('contactFirstName', '  小明 ').value, '小明');
    });
  });

  describe('contactEmail', () => {
    it('should accept and trim a valid address', () => {
      assert.deepEqual(check('contactEmail', ' Wang.Wei+it@Example.com.cn '), {
        error: undefined,
        value: 'Wang.Wei+it@Example.com.cn',
      });
    });

    const malformed = [
      'wang',
      'wang@',
      '@example.cn',
      'wang@example',
      'wang wei@example.cn',
      'wang@@example.cn',
    ];
    for (const email of malformed) {
      it(`should reject ${JSON.stringify(email)} with error.email.format`, () => {
        assert.deepEqual(check('contactEmail', email).error, { key: 'error.email.format' });
      });
    }

    it('should reject an address over 254 characters with error.email.format', () => {
      const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.cn`;

      assert.deepEqual(check('contactEmail', email).error, { key: 'error.email.format' });
    });

    it('should reject a microsoft.com address in any case', () => {
      assert.deepEqual(check('contactEmail', 'someone@microsoft.com').error, {
        key: 'error.email.microsoft',
      });
      assert.deepEqual(check('contactEmail', 'Someone@MicroSoft.COM').error, {
        key: 'error.email.microsoft',
      });
    });

    for (const email of ['li@mail.microsoft.com', 'li@Sub.MicroSoft.COM', 'li@a.b.microsoft.com']) {
      it(`should reject ${JSON.stringify(email)}, in a subdomain of microsoft.com, with error.email.microsoft`, () => {
        assert.deepEqual(check('contactEmail', email).error, { key: 'error.email.microsoft' });
      });
    }

    for (const email of ['li@notmicrosoft.com', 'li@microsoft.community', 'li@microsoft.com.example.cn']) {
      it(`should accept ${JSON.stringify(email)}, which is not under microsoft.com`, () => {
        assert.equal(check('contactEmail', email).error, undefined);
      });
    }

    it("should reject an address in a subdomain of one of the partner's own domains, ignoring case", () => {
      const partnerDomains = ['Contoso.com', 'fabrikam.cn'];

      assert.deepEqual(check('contactEmail', 'li@sales.contoso.com', partnerDomains).error, {
        key: 'error.email.partner',
      });
      assert.deepEqual(check('contactEmail', 'li@BJ.Sales.FABRIKAM.cn', partnerDomains).error, {
        key: 'error.email.partner',
      });
    });

    it("should accept a domain that only ends with the partner's domain name", () => {
      const partnerDomains = ['contoso.com'];

      assert.equal(check('contactEmail', 'li@mycontoso.com', partnerDomains).error, undefined);
      assert.equal(check('contactEmail', 'li@contoso.com.cn', partnerDomains).error, undefined);
    });

    it("should reject an address in one of the partner's own domains, ignoring case", () => {
      const partnerDomains = ['Contoso.com', 'fabrikam.cn'];

      assert.deepEqual(check('contactEmail', 'li@contoso.com', partnerDomains).error, {
        key: 'error.email.partner',
      });
      assert.deepEqual(check('contactEmail', 'li@FABRIKAM.CN', partnerDomains).error, {
        key: 'error.email.partner',
      });
    });

    it('should accept the same address when its domain is not a partner domain', () => {
      assert.equal(check('contactEmail', 'li@contoso.com', ['fabrikam.cn']).error, undefined);
      assert.equal(check('contactEmail', 'li@contoso.com').error, undefined);
    });

    it('should require an address', () => {
      assert.deepEqual(check('contactEmail', '').error, { key: 'error.required' });
    });
  });
});
