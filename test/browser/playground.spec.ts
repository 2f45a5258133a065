import assert from 'node:assert/strict';
import { type Browser, chromium, type Locator } from 'playwright-core';
import {
  PASSWORD_CLASSES,
  TEMPORARY_PASSWORD_LENGTH,
} from '../../bot/credentials/generate-temporary-password.js';
import { BotUnderTest } from '../helpers/bot-under-test.js';
import { CHROMIUM_ARGS, describeWithChromium } from '../helpers/find-chromium.js';
import { findFreePort } from '../helpers/find-free-port.js';
import { type RunningPlayground, startPlayground } from '../helpers/start-playground.js';
import { approveIfAsked } from './approve-if-asked.js';
import { cardInput } from './card-input.js';
import { chooseCardOption } from './choose-card-option.js';
import { PlaygroundPage } from './playground-page.js';
import { saveFailureArtifacts } from './save-failure-artifacts.js';
import { visibleText } from './visible-text.js';

/** The Playground's user, Alex Wilber, made an approver as `npm run playground` does. */
const PLAYGROUND_USER_AAD_ID = '00000000-0000-0000-0000-0000000000020';
/** The Playground's tenant, the only one let in, as `npm run playground` does. */
const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/**
 * The bot's settings beyond BotUnderTest's (temp data folder, debug logs): approval is on, and only the
 * Playground's tenant and user may use the bot.
 */
const BOT_ENV: Record<string, string> = {
  APPROVER_IDS: PLAYGROUND_USER_AAD_ID,
  ALLOWED_TENANT_IDS: PLAYGROUND_TENANT_ID,
  ALLOWED_USER_IDS: PLAYGROUND_USER_AAD_ID,
};

const VALID_POSTAL_CODE = '100022';
/** What Alex types into the Account info card, by field label. */
const ACCOUNT_INFO: Record<string, string> = {
  'Company name (exact legal name)': 'Fabrikam Trading Co., Ltd.',
  'Domain prefix': 'fabrikam',
  'Address line 1': 'No. 1 Jianguomenwai Avenue',
  'Address line 2 (optional)': 'Tower A, 12th floor',
  City: 'Beijing',
  'Postal code': VALID_POSTAL_CODE,
  'Company phone (optional)': '010-65001234',
  'First name (optional)': 'Lei',
  'Last name': 'Wang',
  Email: 'wang.lei@fabrikam.com.cn',
  'Phone (optional)': '13800138000',
};
const PROVINCE = 'Beijing';
const LANGUAGE = 'English (en-US)';

const PASSWORD_ALPHABET = Object.values(PASSWORD_CLASSES).join('');
const PASSWORD_LINE = new RegExp(
  `^[${PASSWORD_ALPHABET.replace(/[\\\]^-]/g, '\\$&')}]{${TEMPORARY_PASSWORD_LENGTH}}$`,
  'm',
);

async function fillAccountInfo(card: Locator, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await (await cardInput(card, label)).fill(value);
  await chooseCardOption(card, 'Province / region', PROVINCE);
  await chooseCardOption(card, 'Language for the customer admin', LANGUAGE);
}

async function inputValues(card: Locator, labels: string[]): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const label of labels) values[label] = await (await cardInput(card, label)).inputValue();
  return values;
}

describeWithChromium('the add-customer bot in the real Agents Playground', (chromiumPath) => {
  let bot: BotUnderTest | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let tab: PlaygroundPage | undefined;

  before(async function () {
    this.timeout(90_000);
    bot = await BotUnderTest.start({ env: BOT_ENV });
    playground = await startPlayground({
      botEndpoint: `${bot.url}/api/messages`,
      port: await findFreePort(),
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 30_000 });
  });

  after(async function () {
    this.timeout(30_000);
    try {
      await browser?.close();
    } finally {
      try {
        await playground?.stop();
      } finally {
        await bot?.stop();
      }
    }
  });

  beforeEach(async function () {
    this.timeout(30_000);
    assert.ok(browser && playground, 'the suite did not start');
    tab = await PlaygroundPage.open(browser, playground.url);
  });

  afterEach(async function () {
    this.timeout(30_000);
    if (this.currentTest?.state === 'failed') {
      const files = await saveFailureArtifacts(this.currentTest.fullTitle(), tab, {
        'bot logs': bot?.logs.text ?? '',
        'playground output': playground?.output() ?? '',
      });
      console.error(`    browser test failed; saved ${files.join(', ')}`);
    }
    await tab?.close();
    tab = undefined;
  });

  it('should walk Personal Chat from add customer, past a server-side error, to private credentials and Done', async function () {
    this.timeout(90_000);
    assert.ok(tab);
    await tab.openPersonalChat();

    // Act: add customer shows the Account info card
    await tab.say('add customer');
    const flow = tab.cardWith(/Step \d of 3/);
    await tab.cardWith('Step 1 of 3').waitFor();
    assert.match(await visibleText(flow), /Account info/);
    const cardCount = await tab.cards().count();

    // Act: a postal code only the server rejects
    await fillAccountInfo(flow, { ...ACCOUNT_INFO, 'Postal code': '1000' });
    await flow.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await tab.cardWith('Enter the 6-digit postal code.').waitFor();

    // Assert: the same card, the error beside the postal code, every value kept
    assert.equal(await tab.cards().count(), cardCount, 'the card should be updated in place');
    const invalid = await visibleText(flow);
    assert.match(
      invalid,
      /Please correct the fields marked above: Postal code\.\n+Next: Subscriptions\n+Cancel$/,
      'the summary should sit right above the buttons',
    );
    assert.match(invalid, /Postal code[ *]*\n+Enter the 6-digit postal code\./);
    assert.deepEqual(
      await inputValues(flow, [
        ...Object.keys(ACCOUNT_INFO),
        'Province / region',
        'Language for the customer admin',
      ]),
      {
        ...ACCOUNT_INFO,
        'Postal code': '1000',
        'Province / region': PROVINCE,
        'Language for the customer admin': LANGUAGE,
      },
    );

    // Act: fix it and go on to Subscriptions, then Review
    await (await cardInput(flow, 'Postal code')).fill(VALID_POSTAL_CODE);
    await flow.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await tab.cardWith('Step 2 of 3').waitFor();
    assert.match(await visibleText(flow), /Subscriptions/);
    await (await cardInput(flow, 'Office 365 E1')).fill('25');
    await flow.getByRole('button', { name: 'Next: Review' }).click();
    await tab.cardWith('Step 3 of 3').waitFor();

    // Assert: Review shows what was typed, in the same message
    assert.equal(await tab.cards().count(), cardCount, 'the card should be updated in place');
    const review = await visibleText(flow);
    for (const expected of [
      'Fabrikam Trading Co., Ltd.',
      'fabrikam.partner.onmschina.cn',
      VALID_POSTAL_CODE,
      '25 licenses',
    ]) {
      assert.ok(review.includes(expected), `Review should show ${expected}:\n${review}`);
    }

    // Act: Submit (and approve, once the bot asks for it)
    await flow.getByRole('button', { name: 'Submit', exact: true }).click();
    const request = tab.cardWith('Waiting for approval');
    await request.waitFor();
    assert.equal(await tab.cards().count(), cardCount, 'the Review card should become the request card');
    assert.deepEqual(
      await request.getByRole('button').allInnerTexts(),
      ['Approve', 'Reject…', 'Withdraw request'],
      'a requester who is an approver has all their actions on the one card',
    );
    await approveIfAsked(tab);
    await tab.cardWith('Customer created').waitFor();

    // Assert: the credentials arrive in Personal Chat as a message of their own
    const credentials = tab.cardWith('Admin credentials for Fabrikam Trading Co., Ltd.');
    await credentials.waitFor();
    const credentialsText = await visibleText(credentials);
    assert.match(credentialsText, /admin@fabrikam\.partner\.onmschina\.cn/);
    const password = PASSWORD_LINE.exec(credentialsText)?.[0];
    assert.ok(password, `the credentials card should show a 16-character password:\n${credentialsText}`);
    const cardsWithCredentials = await tab.cards().count();
    assert.ok(cardsWithCredentials > cardCount, 'the credentials should be a new message');

    // Act: Done
    await credentials.getByRole('button', { name: 'Done', exact: true }).click();
    const ready = tab.cardWith('Customer Fabrikam Trading Co., Ltd. is ready');
    await ready.waitFor();

    // Assert: the credentials card became the ready card, and the password is nowhere on the page
    assert.equal(await tab.cards().count(), cardsWithCredentials, 'Done should update the card in place');
    assert.equal(await tab.cards().filter({ hasText: 'Admin credentials for' }).count(), 0);
    assert.match(await visibleText(ready), /admin@fabrikam\.partner\.onmschina\.cn/);
    assert.equal(
      (await visibleText(tab.page.locator('body'))).includes(password),
      false,
      'the password is still shown',
    );
    assert.deepEqual(tab.pageErrors, []);
  });

  it('should answer an @mention in a Teams channel with the Account info card', async function () {
    this.timeout(60_000);
    assert.ok(tab);
    await tab.openChannel('My Team - General');

    await tab.postMentioningBot('add customer');

    const flow = tab.cardWith('Step 1 of 3');
    await flow.waitFor();
    const text = await visibleText(flow);
    assert.match(text, /Account info/);
    assert.match(text, /For Alex Wilber/);
    await cardInput(flow, 'Company name (exact legal name)');
    assert.deepEqual(tab.pageErrors, []);
  });
});
