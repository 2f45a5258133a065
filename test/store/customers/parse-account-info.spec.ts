import assert from 'node:assert/strict';
import {
  ACCOUNT_INFO_FIELDS,
  createAccountInfoSchema,
} from '../../../store/customers/account-info-schema.js';
import { parseAccountInfo, pickAccountInfoInput } from '../../../store/customers/parse-account-info.js';
import { requiredAccountInfoInput } from '../../fixtures/customers.js';

const schema = createAccountInfoSchema({ partnerEmailDomains: ['contoso.com'] });

describe('parseAccountInfo', () => {
  it('should return the trimmed value with the domain prefix lower-cased', () => {
    const input = {
      ...requiredAccountInfoInput(),
      companyName: '  Contoso (Beijing) Ltd ',
      domainPrefix: ' ContosoBJ ',
      city: ' 北京 ',
      contactEmail: ' li@fabrikam.cn ',
    };

    const result = parseAccountInfo(schema, input);

    assert.ok(result.ok);
    assert.equal(result.value.companyName, 'Contoso (Beijing) Ltd');
    assert.equal(result.value.domainPrefix, 'contosobj');
    assert.equal(result.value.city, '北京');
    assert.equal(result.value.contactEmail, 'li@fabrikam.cn');
  });

  it('should leave blank optional fields absent and default the language', () => {
    const input = {
      ...requiredAccountInfoInput(),
      addressLine2: ' ',
      companyPhone: '',
      contactFirstName: '\n',
    };

    const result = parseAccountInfo(schema, input);

    assert.ok(result.ok);
    assert.equal(result.value.addressLine2, undefined);
    assert.equal(result.value.companyPhone, undefined);
    assert.equal(result.value.contactFirstName, undefined);
    assert.equal(result.value.language, 'zh-CN');
  });

  it('should report every required field of an empty card as required', () => {
    const result = parseAccountInfo(schema, {});

    assert.ok(!result.ok);
    assert.deepEqual(result.errors, {
      companyName: { key: 'error.required' },
      domainPrefix: { key: 'error.required' },
      addressLine1: { key: 'error.required' },
      city: { key: 'error.required' },
      province: { key: 'error.required' },
      postalCode: { key: 'error.required' },
      contactLastName: { key: 'error.required' },
      contactEmail: { key: 'error.required' },
    });
  });

  it('should count blank required fields as absent', () => {
    const blanks = Object.fromEntries(ACCOUNT_INFO_FIELDS.map((field) => [field, ' \t ']));

    const result = parseAccountInfo(schema, blanks);

    assert.ok(!result.ok);
    assert.deepEqual(Object.keys(result.errors).sort(), [
      'addressLine1',
      'city',
      'companyName',
      'contactEmail',
      'contactLastName',
      'domainPrefix',
      'postalCode',
      'province',
    ]);
  });

  it('should report only the bad fields, one error each, with its params', () => {
    const input = {
      ...requiredAccountInfoInput(),
      companyName: '!',
      addressLine1: 'x'.repeat(201),
      contactEmail: 'li@contoso.com',
    };

    const result = parseAccountInfo(schema, input);

    assert.ok(!result.ok);
    assert.deepEqual(result.errors, {
      companyName: { key: 'error.companyName.length' },
      addressLine1: { key: 'error.tooLong', params: { max: 200 } },
      contactEmail: { key: 'error.email.partner' },
    });
  });
});

describe('pickAccountInfoInput', () => {
  it('should keep the Account info fields as typed', () => {
    const submitted = { companyName: ' Contoso ', postalCode: '100022', language: 'en-US' };

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, submitted);
  });

  it('should drop unknown keys such as the action data', () => {
    const submitted = { verb: 'account.next', flowId: 'f-1', city: '上海', isAdmin: 'true' };

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, { city: '上海' });
  });

  it('should drop booleans, objects, arrays, null and undefined', () => {
    const submitted = {
      companyName: { toString: () => 'Contoso' },
      domainPrefix: ['contoso'],
      city: null,
      province: true,
      postalCode: undefined,
      contactEmail: 'li@example.cn',
    };

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, { contactEmail: 'li@example.cn' });
  });

  it('should drop a __proto__ key from a parsed card submit without touching any prototype', () => {
    const submitted = JSON.parse('{"__proto__": {"companyName": "Evil", "polluted": "yes"}, "city": "深圳"}');

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, { city: '深圳' });
    assert.equal(Object.getPrototypeOf(input), Object.prototype);
    assert.equal(Object.hasOwn(input, '__proto__'), false);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('should ignore fields inherited from the prototype', () => {
    const inherited = { companyName: 'Inherited Ltd', domainPrefix: 'inherited' };
    const submitted = Object.assign(Object.create(inherited) as Record<string, unknown>, { city: '杭州' });

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, { city: '杭州' });
  });

  it('should ignore fields a class instance only has as prototype getters', () => {
    class Submit {
      city = '成都';
      get companyName() {
        return 'Getter Ltd';
      }
    }

    const input = pickAccountInfoInput(new Submit() as unknown as Record<string, unknown>);

    assert.deepEqual(input, { city: '成都' });
  });

  it('should read own fields of an object without a prototype', () => {
    const submitted = Object.assign(Object.create(null) as Record<string, unknown>, { city: '南京' });

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, { city: '南京' });
  });

  it('should turn numbers into their digits', () => {
    const submitted = { postalCode: 100022, companyPhone: 13800138000, domainPrefix: 2024, city: 0 };

    const input = pickAccountInfoInput(submitted);

    assert.deepEqual(input, {
      postalCode: '100022',
      companyPhone: '13800138000',
      domainPrefix: '2024',
      city: '0',
    });
  });

  it('should cut a value to 1000 characters', () => {
    const input = pickAccountInfoInput({ addressLine1: 'x'.repeat(5000) });

    assert.equal(input.addressLine1?.length, 1000);
  });
});
