import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import {
  ADMIN_CENTER_URL,
  type CredentialsCardData,
  renderCredentialsCard,
  renderCredentialsDoneCard,
} from '../../cards/credentials.js';
import { type Locale, translator } from '../../store/i18n/translate.js';
import { describeCardContract } from '../helpers/describe-card-contract.js';
import { type CardObject, findCardObjects } from '../helpers/find-card-objects.js';
import { HOSTILE_TEXT, HOSTILE_TEXT_ESCAPED } from './sample-card-data.js';

const PASSWORD = 'Kp7!mZq@2wRx$4Tn';

function cardData(locale: Locale, overrides: Partial<CredentialsCardData> = {}): CredentialsCardData {
  return {
    locale,
    customerId: 'cus-0a1b2c3d',
    companyName: 'Contoso (Shenzhen) Technology Co., Ltd.',
    adminAccount: 'admin@contososz.partner.onmschina.cn',
    temporaryPassword: PASSWORD,
    ...overrides,
  };
}

function texts(card: unknown): unknown[] {
  return findCardObjects(card, (node) => node.type === 'TextBlock').map((node) => node.text);
}

describeCardContract(renderCredentialsCard, 'credentials', (locale) => cardData(locale), { fixture: true });
describeCardContract(renderCredentialsDoneCard, 'credentials-done', (locale) => cardData(locale), {
  fixture: true,
});

describe('renderCredentialsCard', () => {
  it('should show the admin account and the temporary password as they are', () => {
    const card = renderCredentialsCard(cardData('zh-CN')).content;

    assert.ok(texts(card).includes('admin@contososz.partner.onmschina.cn'));
    assert.ok(texts(card).includes(PASSWORD));
  });

  it('should send only the Done verb and the customer id with Done', () => {
    const card = renderCredentialsCard(cardData('en-US')).content as CardObject;

    assert.deepEqual(
      (card.actions as CardObject[]).map((action) => [action.title, action.data]),
      [['Done', { verb: CARD_VERBS.credentialsDone, customerId: 'cus-0a1b2c3d' }]],
    );
  });

  it('should tell the requester what to do next with the credentials', () => {
    const card = renderCredentialsCard(cardData('en-US')).content;

    assert.equal(
      texts(card).at(-1),
      'Next: sign in to the [Microsoft 365 admin center operated by 21Vianet](https://portal.partner.microsoftonline.cn) as admin@contososz.partner.onmschina.cn with the temporary password, and set a new password when asked.',
    );
  });

  it('should escape the company name in the title', () => {
    const card = renderCredentialsCard(cardData('en-US', { companyName: HOSTILE_TEXT })).content;

    assert.equal(texts(card)[0], `Admin credentials for ${HOSTILE_TEXT_ESCAPED}`);
  });
});

describe('renderCredentialsDoneCard', () => {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should not contain the password in ${locale}`, () => {
      const data = cardData(locale);

      const json = JSON.stringify(renderCredentialsDoneCard(data).content);

      assert.ok(!json.includes(PASSWORD));
      assert.ok(json.includes(data.adminAccount));
    });
  }

  it('should escape the company name and the account in its text', () => {
    const card = renderCredentialsDoneCard(
      cardData('zh-CN', { companyName: HOSTILE_TEXT, adminAccount: 'admin_1@x.cn' }),
    ).content;

    assert.deepEqual(texts(card), [
      `客户 ${HOSTILE_TEXT_ESCAPED} 已就绪`,
      '临时密码已不再显示。',
      '下一步：使用临时密码以 admin\\_1@x.cn 登录[由世纪互联运营的 Microsoft 365 管理中心](https://portal.partner.microsoftonline.cn)，并按提示设置新密码。',
    ]);
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`should say in ${locale} where the admin signs in next and that the temporary password must be changed`, () => {
      const t = translator(locale);

      const card = renderCredentialsDoneCard(cardData(locale)).content as CardObject;

      assert.ok(
        texts(card).includes(
          t('credentials.nextSteps', {
            url: ADMIN_CENTER_URL,
            account: 'admin@contososz.partner.onmschina.cn',
          }),
        ),
      );
      assert.deepEqual(card.actions, [
        { type: 'Action.OpenUrl', title: t('credentials.openAdminCenter'), url: ADMIN_CENTER_URL },
      ]);
    });
  }
});
