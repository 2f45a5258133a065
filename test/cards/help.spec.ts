import assert from 'node:assert/strict';
import { renderHelpCard } from '../../cards/help.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';

describeCardContract(renderHelpCard, 'help', (locale) => ({ locale }), { fixture: true });

describe('renderHelpCard', () => {
  it('should list every command in Chinese for zh-CN', () => {
    const card = renderHelpCard({ locale: 'zh-CN' }).content as CardObject;

    const facts = findCardObjects(card, (node) => node.type === 'FactSet').flatMap(
      (factSet) => factSet.facts as CardObject[],
    );

    assert.deepEqual(
      facts.map((fact) => fact.title),
      ['添加客户', '添加订阅', '客户列表', '取消', '帮助'],
    );
  });

  it('should send the add customer command in the reader language as a message', () => {
    const data = (locale: 'en-US' | 'zh-CN') =>
      ((renderHelpCard({ locale }).content as CardObject).actions as CardObject[])[0]?.data;

    assert.deepEqual(data('en-US'), { msteams: { type: 'imBack', value: 'add customer' } });
    assert.deepEqual(data('zh-CN'), { msteams: { type: 'imBack', value: '添加客户' } });
  });
});
