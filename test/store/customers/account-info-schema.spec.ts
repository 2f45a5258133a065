import assert from 'node:assert/strict';
import {
  type AccountInfoField,
  createAccountInfoSchema,
  describeIssue,
  type FieldError,
  TENANT_DOMAIN_SUFFIX,
  tenantDomain,
} from '../../../store/customers/account-info-schema.js';
import { PROVINCE_CODES } from '../../../store/customers/provinces.js';
import { translator } from '../../../store/i18n/translate.js';
import { requiredAccountInfoInput } from '../../fixtures/customers.js';

const schema = createAccountInfoSchema({ partnerEmailDomains: ['contoso.com'] });

function errorFor(field: AccountInfoField, value: unknown): FieldError | undefined {
  const result = schema.safeParse({ ...requiredAccountInfoInput(), [field]: value });
  const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
  return issue === undefined ? undefined : describeIssue(issue.message);
}

function acceptedValue(field: AccountInfoField, value: string | undefined): unknown {
  const result = schema.safeParse({ ...requiredAccountInfoInput(), [field]: value });
  assert.ok(result.success, `expected ${field}=${JSON.stringify(value)} to be accepted`);
  return result.data[field];
}

const ISO_3166_2_CN_MAINLAND =
  'BJ TJ HE SX NM LN JL HL SH JS ZJ AH FJ JX SD HA HB HN GD GX HI CQ SC GZ YN XZ SN GS QH NX XJ';

describe('createAccountInfoSchema', () => {
  it('should accept a complete valid card and default the language to zh-CN', () => {
    const result = schema.safeParse(requiredAccountInfoInput());

    assert.ok(result.success);
    assert.equal(result.data.language, 'zh-CN');
  });

  describe('companyName', () => {
    for (const name of ['Contoso Ltd', '北京示例科技有限公司', 'AB', 'A'.padEnd(255, 'bc'), '3M China']) {
      it(`should accept ${JSON.stringify(name.slice(0, 20))} (${name.length} characters)`, () => {
        assert.equal(acceptedValue('companyName', name), name);
      });
    }
    const rejected: [string | undefined, FieldError['key']][] = [
      [undefined, 'error.required'],
      ['   ', 'error.required'],
      ['A', 'error.companyName.length'],
      ['A'.padEnd(256, 'bc'), 'error.companyName.length'],
      ['!@#$%', 'error.companyName.noLetters'],
      ['***', 'error.companyName.noLetters'],
      ['1 2 3', 'error.companyName.spaced'],
      ['A B C', 'error.companyName.spaced'],
      ['LLC', 'error.companyName.abbreviation'],
      ['Inc.', 'error.companyName.abbreviation'],
      ['Co., Ltd.', 'error.companyName.abbreviation'],
      ['有限公司', 'error.companyName.abbreviation'],
      ['999', 'error.companyName.repeated'],
      ['aaaa', 'error.companyName.repeated'],
    ];
    for (const [name, key] of rejected) {
      it(`should reject ${JSON.stringify(name?.slice(0, 20))} with ${key}`, () => {
        assert.deepEqual(errorFor('companyName', name), { key });
      });
    }
  });

  describe('domainPrefix', () => {
    it('should lower-case and trim the prefix', () => {
      assert.equal(acceptedValue('domainPrefix', ' Contoso2024 '), 'contoso2024');
    });

    it('should accept 1 and 27 letters and digits', () => {
      assert.equal(acceptedValue('domainPrefix', 'a'), 'a');
      assert.equal(acceptedValue('domainPrefix', 'a1'.repeat(13).concat('b')), 'a1'.repeat(13).concat('b'));
    });

    for (const prefix of [
      'contoso.cn',
      'con-toso',
      'con toso',
      'con_toso',
      'contosó',
      'ｃｏｎｔｏｓｏ',
      'a'.repeat(28),
    ]) {
      it(`should reject ${JSON.stringify(prefix)} with error.domainPrefix.format`, () => {
        assert.deepEqual(errorFor('domainPrefix', prefix), { key: 'error.domainPrefix.format' });
      });
    }

    it('should require a prefix', () => {
      assert.deepEqual(errorFor('domainPrefix', ''), { key: 'error.required' });
    });
  });

  describe('address', () => {
    it('should accept address lines of up to 200 characters and leave line 2 optional', () => {
      assert.equal(acceptedValue('addressLine1', 'x'.repeat(200)), 'x'.repeat(200));
      assert.equal(acceptedValue('addressLine2', 'y'.repeat(200)), 'y'.repeat(200));
      assert.equal(acceptedValue('addressLine2', undefined), undefined);
      assert.equal(acceptedValue('addressLine2', '  '), undefined);
    });

    it('should reject address lines over 200 characters with error.tooLong and max 200', () => {
      assert.deepEqual(errorFor('addressLine1', 'x'.repeat(201)), {
        key: 'error.tooLong',
        params: { max: 200 },
      });
      assert.deepEqual(errorFor('addressLine2', 'y'.repeat(201)), {
        key: 'error.tooLong',
        params: { max: 200 },
      });
    });

    it('should require address line 1 and the city', () => {
      assert.deepEqual(errorFor('addressLine1', ' '), { key: 'error.required' });
      assert.deepEqual(errorFor('city', undefined), { key: 'error.required' });
      assert.deepEqual(errorFor('city', '\t'), { key: 'error.required' });
    });

    it('should reject a city over 100 characters', () => {
      assert.deepEqual(errorFor('city', 'c'.repeat(101)), { key: 'error.tooLong', params: { max: 100 } });
    });
  });

  describe('province', () => {
    it('should offer exactly the 31 ISO 3166-2:CN mainland codes', () => {
      assert.deepEqual([...PROVINCE_CODES].sort(), ISO_3166_2_CN_MAINLAND.split(' ').sort());
    });

    it('should accept every one of the 31 codes', () => {
      for (const code of PROVINCE_CODES) assert.equal(acceptedValue('province', code), code);
    });

    for (const province of ['bj', 'Beijing', '北京市', 'CN-BJ', 'TW', 'HK', 'MO', 'XX']) {
      it(`should reject ${JSON.stringify(province)} with error.province.invalid`, () => {
        assert.deepEqual(errorFor('province', province), { key: 'error.province.invalid' });
      });
    }

    it('should require a province', () => {
      assert.deepEqual(errorFor('province', ''), { key: 'error.required' });
    });
  });

  describe('postalCode', () => {
    it('should accept 6 digits', () => {
      assert.equal(acceptedValue('postalCode', ' 518000 '), '518000');
    });

    for (const code of ['10002', '1000222', '10002a', '100 022', '１０００２２']) {
      it(`should reject ${JSON.stringify(code)} with error.postalCode.format`, () => {
        assert.deepEqual(errorFor('postalCode', code), { key: 'error.postalCode.format' });
      });
    }

    it('should require a postal code', () => {
      assert.deepEqual(errorFor('postalCode', undefined), { key: 'error.required' });
    });
  });

  describe('language', () => {
    it('should default a missing or blank language to zh-CN', () => {
      assert.equal(acceptedValue('language', undefined), 'zh-CN');
      assert.equal(acceptedValue('language', ' '), 'zh-CN');
    });

    it('should accept zh-CN and en-US', () => {
      assert.equal(acceptedValue('language', 'zh-CN'), 'zh-CN');
      assert.equal(acceptedValue('language', 'en-US'), 'en-US');
    });

    for (const language of ['zh-cn', 'zh', 'en', 'zh-TW', 'fr-FR']) {
      it(`should reject ${JSON.stringify(language)} with error.language.invalid`, () => {
        assert.deepEqual(errorFor('language', language), { key: 'error.language.invalid' });
      });
    }
  });

  describe('error messages', () => {
    const producible: [AccountInfoField, unknown][] = [
      ['city', undefined],
      ['city', 'c'.repeat(101)],
      ['companyPhone', 5],
      ['companyName', 'A'],
      ['companyName', '***!'],
      ['companyName', '1 2 3'],
      ['companyName', 'LLC'],
      ['companyName', '999'],
      ['domainPrefix', 'a.b'],
      ['province', 'XX'],
      ['postalCode', '1'],
      ['companyPhone', '123'],
      ['contactLastName', 'L'.repeat(41)],
      ['contactLastName', 'A'],
      ['contactLastName', 'test'],
      ['contactLastName', '123'],
      ['contactEmail', 'not-an-email'],
      ['contactEmail', 'a@microsoft.com'],
      ['contactEmail', 'a@contoso.com'],
      ['language', 'fr-FR'],
    ];
    const errors = producible.map(([field, value]) => errorFor(field, value));

    it('should produce a distinct error key for each kind of problem', () => {
      const keys = errors.map((error) => error?.key);

      assert.ok(keys.every((key) => key !== undefined));
      assert.equal(new Set(keys).size, producible.length);
    });

    for (const [index, [field]] of producible.entries()) {
      it(`should translate the ${field} error ${index} into non-empty, different zh-CN and en-US text`, () => {
        const error = errors[index] as FieldError;

        const zh = translator('zh-CN')(error.key, error.params);
        const en = translator('en-US')(error.key, error.params);

        assert.ok(zh.trim().length > 0 && en.trim().length > 0);
        assert.notEqual(zh, en);
        assert.doesNotMatch(`${zh} ${en}`, /\{\w+\}/);
      });
    }
  });
});

describe('describeIssue', () => {
  it('should split a numbered message into its key and max', () => {
    assert.deepEqual(describeIssue('error.tooLong:200'), { key: 'error.tooLong', params: { max: 200 } });
  });

  it('should keep a plain key without params', () => {
    assert.deepEqual(describeIssue('error.required'), { key: 'error.required' });
  });
});

describe('tenantDomain', () => {
  it('should build the lower-case 21Vianet tenant domain', () => {
    assert.equal(TENANT_DOMAIN_SUFFIX, 'partner.onmschina.cn');
    assert.equal(tenantDomain('Contoso'), 'contoso.partner.onmschina.cn');
  });
});
