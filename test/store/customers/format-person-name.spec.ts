import assert from 'node:assert/strict';
import { formatPersonName } from '../../../store/customers/format-person-name.js';

describe('formatPersonName', () => {
  it('should write a name in Chinese characters family name first, with no space', () => {
    assert.equal(formatPersonName({ given: '娜', family: '李' }), '李娜');
    assert.equal(formatPersonName({ given: '娜娜', family: '欧阳' }), '欧阳娜娜');
  });

  it('should keep "Given Family" for a name in Latin letters', () => {
    assert.equal(formatPersonName({ given: 'Na', family: 'Li' }), 'Na Li');
    assert.equal(formatPersonName({ given: 'Alex', family: 'Wilber' }), 'Alex Wilber');
  });

  it('should keep the Western order for a name that mixes scripts', () => {
    assert.equal(formatPersonName({ given: 'Konstantinos', family: '欧阳' }), 'Konstantinos 欧阳');
  });

  it('should show the family name alone when there is no given name', () => {
    assert.equal(formatPersonName({ family: '李' }), '李');
    assert.equal(formatPersonName({ given: '  ', family: 'Li' }), 'Li');
  });
});
