import assert from 'node:assert/strict';
import { formatAddress, type PostalAddress } from '../../../store/customers/format-address.js';

const BEIJING: PostalAddress = {
  addressLine1: '朝阳区建国路88号',
  addressLine2: 'SOHO现代城B座12层',
  city: '北京',
  province: 'BJ',
  postalCode: '100022',
};
const SHENZHEN: PostalAddress = {
  addressLine1: '南山区科技园科苑路15号',
  city: '深圳市',
  province: 'GD',
  postalCode: '518057',
};

describe('formatAddress', () => {
  it('should read province, city, line 1, line 2 in zh-CN, with the province in Chinese', () => {
    assert.equal(formatAddress(SHENZHEN, 'zh-CN'), '广东省深圳市南山区科技园科苑路15号，518057');
  });

  it('should not repeat a municipality that is both province and city', () => {
    assert.equal(formatAddress(BEIJING, 'zh-CN'), '北京市朝阳区建国路88号 SOHO现代城B座12层，100022');
  });

  it('should not repeat a province or city already written at the start of line 1', () => {
    const written = { ...SHENZHEN, addressLine1: '广东省深圳市南山区科技园科苑路15号' };

    assert.equal(formatAddress(written, 'zh-CN'), '广东省深圳市南山区科技园科苑路15号，518057');
  });

  it('should use the Western order with the English province name in en-US', () => {
    assert.equal(formatAddress(SHENZHEN, 'en-US'), '南山区科技园科苑路15号, 深圳市, Guangdong 518057');
    assert.equal(formatAddress(BEIJING, 'en-US'), '朝阳区建国路88号, SOHO现代城B座12层, Beijing 100022');
  });

  it('should separate parts written in Latin letters with commas in zh-CN', () => {
    const latin = { ...SHENZHEN, addressLine1: '1 Keyuan Road', addressLine2: 'Floor 3', city: 'Shenzhen' };

    assert.equal(formatAddress(latin, 'zh-CN'), '广东省 Shenzhen, 1 Keyuan Road, Floor 3, 518057');
  });
});
