import assert from 'node:assert/strict';
import { enUS, type MessageKey } from '../../../store/i18n/en-us.js';
import { pickLocale, translator } from '../../../store/i18n/translate.js';
import { zhCN } from '../../../store/i18n/zh-cn.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('should have exactly the same keys in en-US and zh-CN', () => {
    assert.deepEqual(Object.keys(zhCN).sort(), Object.keys(enUS).sort());
  });

  it('should have no empty text in either language', () => {
    for (const [key, text] of [...Object.entries(enUS), ...Object.entries(zhCN)]) {
      assert.ok(text.trim().length > 0, `${key} is empty`);
    }
  });

  it('should use the same placeholders in both languages', () => {
    for (const key of Object.keys(enUS) as MessageKey[]) {
      assert.deepEqual(placeholders(zhCN[key]), placeholders(enUS[key]), key);
    }
  });
});

describe('pickLocale', () => {
  for (const locale of ['zh-CN', 'zh-TW', 'zh', 'ZH-cn', 'zh-Hans-CN']) {
    it(`should pick zh-CN for ${locale}`, () => {
      assert.equal(pickLocale(locale), 'zh-CN');
    });
  }

  for (const locale of ['en-US', 'fr-FR', 'en-GB', '', undefined]) {
    it(`should pick en-US for ${JSON.stringify(locale)}`, () => {
      assert.equal(pickLocale(locale), 'en-US');
    });
  }
});

describe('translator', () => {
  it('should return the text of each language', () => {
    assert.equal(translator('en-US')('error.required'), enUS['error.required']);
    assert.equal(translator('zh-CN')('error.required'), zhCN['error.required']);
  });

  it('should replace every placeholder with its value', () => {
    const text = translator('en-US')('review.submitted', { name: 'Li Wei', when: '2024-05-01' });

    assert.equal(text, 'Submitted by Li Wei on 2024-05-01.');
  });

  it('should format number params', () => {
    assert.equal(translator('zh-CN')('error.tooLong', { max: 200 }), '最多 200 个字符。');
  });

  it('should leave a placeholder without a value as it is', () => {
    assert.equal(translator('en-US')('flow.owner'), 'For {name}');
    assert.equal(translator('en-US')('flow.owner', { other: 'x' }), 'For {name}');
  });

  it('should ignore a value that params only inherit', () => {
    const params = Object.create({ name: 'Inherited' }) as Record<string, string>;

    assert.equal(translator('en-US')('flow.owner', params), 'For {name}');
  });

  describe('with a text naming members of Object.prototype', () => {
    const key = 'test.objectMembers' as MessageKey;
    const catalog = enUS as Record<string, string>;

    beforeEach(() => {
      catalog[key] = '{constructor} {__proto__} {toString} {hasOwnProperty} {name}';
    });

    afterEach(() => {
      delete catalog[key];
    });

    it('should leave those placeholders literal when params are given', () => {
      const text = translator('en-US')(key, { name: 'Li Wei' });

      assert.equal(text, '{constructor} {__proto__} {toString} {hasOwnProperty} Li Wei');
    });

    it('should leave those placeholders literal when params are empty or missing', () => {
      const translate = translator('en-US');

      assert.equal(translate(key, {}), '{constructor} {__proto__} {toString} {hasOwnProperty} {name}');
      assert.equal(translate(key), '{constructor} {__proto__} {toString} {hasOwnProperty} {name}');
    });

    it('should still use an own param of the same name', () => {
      const text = translator('en-US')(key, { constructor: 'c', toString: 't', name: 'n' });

      assert.equal(text, 'c {__proto__} t {hasOwnProperty} n');
    });
  });

  it('should insert a value that looks like a placeholder or a template literally', () => {
    const translate = translator('en-US');

    assert.equal(translate('flow.owner', { name: '{name}' }), 'For {name}');
    assert.equal(translate('flow.owner', { name: '${x}' }), 'For ${x}');
    assert.equal(translate('flow.owner', { name: "$& $1 $' $`" }), "For $& $1 $' $`");
    assert.equal(
      translate('review.submitted', { name: '{when}', when: 'today' }),
      'Submitted by {when} on today.',
    );
  });
});
