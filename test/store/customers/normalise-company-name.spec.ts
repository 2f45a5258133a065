import assert from 'node:assert/strict';
import { normaliseCompanyName } from '../../../store/customers/normalise-company-name.js';

describe('normaliseCompanyName', () => {
  const sameAs = (expected: string, forms: readonly string[]) => {
    for (const form of forms)
      assert.equal(normaliseCompanyName(form), expected, `for ${JSON.stringify(form)}`);
  };

  it('should drop the Chinese company forms at the end of a name', () => {
    sameAs('北京示例科技', [
      '北京示例科技',
      '北京示例科技有限公司',
      '北京示例科技股份有限公司',
      '北京示例科技有限责任公司',
      '北京示例科技集团',
      '北京示例科技集团公司',
      '北京示例科技集团有限公司',
      '北京示例科技公司',
    ]);
  });

  it('should drop 公司 and 有限公司 also when written as a separate word', () => {
    sameAs('北京示例科技', ['北京示例科技 公司', '北京示例科技 有限公司', '北京示例科技　股份有限公司']);
  });

  it('should drop the English company forms at the end of a name, with or without their dots and commas', () => {
    sameAs('fabrikamtrading', [
      'Fabrikam Trading',
      'Fabrikam Trading Co., Ltd.',
      'Fabrikam Trading Co.,Ltd',
      'Fabrikam Trading Co Ltd',
      'Fabrikam Trading Inc',
      'Fabrikam Trading, Inc.',
      'Fabrikam Trading Incorporated',
      'Fabrikam Trading Corp.',
      'Fabrikam Trading Corporation',
      'Fabrikam Trading LLC',
      'Fabrikam Trading Limited',
      'Fabrikam Trading Company Limited',
    ]);
  });

  it('should ignore case', () => {
    sameAs('fabrikamtrading', ['FABRIKAM TRADING CO LTD', 'fabrikam trading co., ltd.', 'FaBrIkAm TrAdInG']);
  });

  it('should read full-width letters, digits and spaces as their ordinary forms', () => {
    sameAs('fabrikamtrading', [
      'ｆａｂｒｉｋａｍ　ｔｒａｄｉｎｇ',
      'ＦＡＢＲＩＫＡＭ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．',
    ]);
    assert.equal(normaliseCompanyName('示例３６０科技有限公司'), normaliseCompanyName('示例360科技有限公司'));
  });

  it('should ignore spaces and punctuation between the words of a name', () => {
    sameAs('fabrikamtrading', [
      'Fabrikam-Trading',
      'FabrikamTrading',
      '  Fabrikam   Trading  ',
      'Fabrikam·Trading!',
    ]);
    sameAs('北京示例科技', ['北京 示例 科技', '北京·示例科技有限公司。']);
  });

  it('should read ASCII and full-width brackets alike, and keep what they hold', () => {
    const fullWidth = normaliseCompanyName('北京示例科技（北京）有限公司');

    assert.equal(normaliseCompanyName('北京示例科技(北京)有限公司'), fullWidth);
    assert.equal(normaliseCompanyName('北京示例科技 ( 北京 ) 有限公司'), fullWidth);
    assert.equal(fullWidth, '北京示例科技北京');
    assert.equal(normaliseCompanyName('Fabrikam (China) Co., Ltd.'), 'fabrikamchina');
    assert.equal(normaliseCompanyName('Fabrikam（China）Co.,Ltd.'), 'fabrikamchina');
  });

  it('should drop several forms in a row, in either language', () => {
    assert.equal(normaliseCompanyName('Contoso Co Co Co'), 'contoso');
    assert.equal(normaliseCompanyName('北京示例科技有限公司 Co., Ltd.'), '北京示例科技');
    assert.equal(normaliseCompanyName('Fabrikam 有限公司'), 'fabrikam');
    assert.equal(normaliseCompanyName('Fabrikam有限公司'), 'fabrikam');
  });

  it('should drop an English form only as a whole word, so that Costco stays Costco', () => {
    assert.equal(normaliseCompanyName('Costco'), 'costco');
    assert.equal(normaliseCompanyName('ＣＯＳＴＣＯ'), 'costco');
    assert.equal(normaliseCompanyName('Contosoinc'), 'contosoinc');
    assert.equal(normaliseCompanyName('Contoso Cooperative'), 'contosocooperative');
    assert.equal(normaliseCompanyName('Costco Wholesale Corp'), 'costcowholesale');
  });

  it('should keep a form that appears before the end of the name', () => {
    assert.equal(normaliseCompanyName('Ltd. Fabrikam'), 'ltdfabrikam');
    assert.equal(normaliseCompanyName('Company of Heroes'), 'companyofheroes');
    assert.equal(normaliseCompanyName('公司之家科技'), '公司之家科技');
  });

  it('should not reduce a name that is nothing but a company form to nothing', () => {
    assert.equal(normaliseCompanyName('Co'), 'co');
    assert.equal(normaliseCompanyName('Ltd'), 'ltd');
    assert.equal(normaliseCompanyName('Company'), 'company');
    assert.equal(normaliseCompanyName('Co., Ltd.'), 'co');
    assert.equal(normaliseCompanyName('公司'), '公司');
    assert.equal(normaliseCompanyName('集团'), '集团');
    assert.equal(normaliseCompanyName('中国公司'), '中国');
    for (const name of ['有限公司', '股份有限公司', 'Inc.', 'LLC Ltd', '公司 公司']) {
      assert.notEqual(normaliseCompanyName(name), '', `${JSON.stringify(name)} should not become empty`);
    }
  });

  it('should keep different companies apart', () => {
    const names = [
      'Fabrikam Trading Co., Ltd.',
      'Fabrikam Co., Ltd.',
      'Fabrikam Trading (China) Co., Ltd.',
      '北京示例科技有限公司',
      '上海示例科技有限公司',
      '北京示例贸易有限公司',
      'Costco',
      'Co',
    ];

    const normalised = new Set(names.map(normaliseCompanyName));

    assert.equal(normalised.size, names.length, [...normalised].join(', '));
  });

  it('should give an empty name or one of only punctuation as empty', () => {
    assert.equal(normaliseCompanyName(''), '');
    assert.equal(normaliseCompanyName('   '), '');
    assert.equal(normaliseCompanyName('（）,.、'), '');
  });

  it('should drop a Chinese company form even when spaces split it or the name', () => {
    assert.equal(normaliseCompanyName('北京示例科技有限 公司'), '北京示例科技');
    assert.equal(normaliseCompanyName('北京示例科技 股份 有限公司'), '北京示例科技');
    assert.equal(normaliseCompanyName('北京 示例科技 有限公司'), '北京示例科技');
  });

  it('should keep a name that is nothing but a company form whole', () => {
    assert.equal(normaliseCompanyName('有限公司'), '有限公司');
    assert.equal(normaliseCompanyName('股份有限公司'), '股份有限公司');
  });
});
