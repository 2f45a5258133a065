import assert from 'node:assert/strict';
import { type DialogClosedCardData, renderDialogClosedCard } from '../../cards/dialog-closed.js';
import type { Locale } from '../../store/i18n/translate.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED, OWNER } from './sample-card-data.js';

function cardData(locale: Locale, overrides: Partial<DialogClosedCardData> = {}): DialogClosedCardData {
  return { locale, dialog: 'addCustomer', reason: 'cancelled', owner: OWNER, ...overrides };
}

function texts(data: DialogClosedCardData): unknown[] {
  const card = renderDialogClosedCard(data).content;
  return findCardObjects(card, (node) => node.type === 'TextBlock').map((node) => node.text);
}

describeCardContract(renderDialogClosedCard, 'dialog-closed', (locale) => cardData(locale), {
  fixture: true,
});
describeCardContract(renderDialogClosedCard, 'dialog-closed replaced add subscription', (locale) =>
  cardData(locale, { dialog: 'addSubscription', reason: 'replaced', owner: { name: 'x'.repeat(500) } }),
);

describe('renderDialogClosedCard', () => {
  it('should have no input and no button, whatever ended the dialog', () => {
    for (const dialog of ['addCustomer', 'addSubscription'] as const) {
      for (const reason of ['cancelled', 'replaced'] as const) {
        const card = renderDialogClosedCard(cardData('en-US', { dialog, reason })).content as CardObject;

        const live = findCardObjects(
          card,
          (node) => typeof node.type === 'string' && /^(Input|Action)\./.test(node.type),
        );

        assert.deepEqual(live, []);
        assert.equal(card.actions, undefined);
      }
    }
  });

  it('should name the dialog and how it ended, in en-US and zh-CN', () => {
    assert.deepEqual(texts(cardData('en-US')), [
      'Add customer — cancelled',
      `For ${OWNER.name} · Nothing was saved.`,
    ]);
    assert.deepEqual(texts(cardData('zh-CN', { dialog: 'addSubscription', reason: 'replaced' })), [
      '添加订阅 — 已被新的操作取代',
      `发起人：${OWNER.name} · 你已在下方重新开始。此卡片中的内容均未保存。`,
    ]);
  });

  it('should escape the owner name', () => {
    assert.equal(
      texts(cardData('en-US', { owner: { name: HOSTILE_TEXT } }))[1],
      `For ${HOSTILE_TEXT_ESCAPED} · Nothing was saved.`,
    );
  });
});
