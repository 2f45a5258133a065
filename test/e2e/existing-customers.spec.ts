import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import {
  buttonsOf,
  type CardJson,
  cardOf,
  cardsSentTo,
  cardText,
  cardTitle,
  elementAboveActions,
  errorBeside,
  factSections,
  inputById,
} from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread, type TeamsConversation } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const INVITE_URL = 'https://partner.microsoftonline.cn/relationship/invite?partnerId=1234567';
const MATCH_TITLE = 'This looks like a customer you already have';
const ADD_TO_FABRIKAM = 'Add subscription to Fabrikam Trading Co., Ltd.';
const RESELLER = 'Request a reseller relationship';
const CONTINUE = 'It is a different company: continue';

const titles = (card: unknown) => buttonsOf(card).map((button) => button.title);

/** The whole text of each invitation box of the reseller card, its paragraphs joined by blank lines. */
const invitationsOf = (card: unknown): string[] =>
  findCardObjects(card, (node) => node.type === 'Container' && node.style === 'emphasis').map((box) =>
    (box.items as { text: string; wrap?: boolean }[])
      .map((block) => {
        assert.equal(block.wrap, true, 'an invitation shows its whole text, wrapped');
        return block.text;
      })
      .join('\n\n'),
  );

describe('existing customers: duplicates, reseller relationship and added subscriptions', () => {
  const rig = useBot({ env: { RESELLER_INVITE_URL: INVITE_URL } });
  let thread: TeamsConversation;

  beforeEach(() => {
    thread = channelThread();
  });

  /** Alex adds Fabrikam Trading Co., Ltd. (fabrikam, 25 Office 365 E1 licenses) through the rig.bot. */
  async function addFabrikam(): Promise<void> {
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start();
    await alex.fillToReview('fabrikam');
    await alex.press(CARD_VERBS.reviewSubmit);
    assert.equal(
      (await readStoreFiles(rig.bot.dataDir)).customers.length,
      1,
      'Fabrikam should have been added',
    );
  }

  /** Megan starts adding a customer in the same thread and presses Next with these account values. */
  async function meganTries(values: Record<string, string>) {
    const megan = rig.walk('Megan Bowen', thread);
    await megan.start();
    const inputs: Record<string, string> = {
      ...validAccountInputs('fabrikamcn'),
      contactEmail: 'li.na@fabrikam.cn',
      ...values,
    };
    const card = await megan.press(CARD_VERBS.accountNext, inputs);
    return { megan, inputs, card };
  }

  const variants: { rule: string; values: Record<string, string>; taken: boolean }[] = [
    {
      rule: 'the company name in another form',
      values: { companyName: 'FABRIKAM TRADING CO LTD' },
      taken: false,
    },
    {
      rule: 'the same contact email in another case',
      values: { companyName: 'Fabrikam Travel', contactEmail: 'Wang.Lei@Fabrikam.com.cn' },
      taken: false,
    },
    {
      rule: 'the same domain',
      values: { companyName: 'Fabrikam Travel', domainPrefix: 'FABRIKAM' },
      taken: true,
    },
  ];
  for (const variant of variants) {
    it(`should say on the account card that a company with ${variant.rule} looks like an existing customer`, async () => {
      // Arrange
      await addFabrikam();

      // Act
      const { card, inputs } = await meganTries(variant.values);

      // Assert
      const text = cardText(card);
      assert.equal(cardTitle(card), 'Account info');
      assert.match(text, new RegExp(MATCH_TITLE));
      assert.match(
        text,
        /Fabrikam Trading Co\., Ltd\. \(fabrikam\.partner\.onmschina\.cn\), added by Alex Wilber/,
      );
      assert.deepEqual(
        titles(card),
        [ADD_TO_FABRIKAM, RESELLER, CONTINUE, 'Cancel'],
        'no Next beside the choices',
      );
      const above = elementAboveActions(card);
      assert.equal(above?.style, 'warning', 'the warning and its choices sit right above Cancel');
      assert.match(cardText(above), new RegExp(MATCH_TITLE));
      assert.equal(inputById(card, 'companyName')?.value, inputs.companyName, 'what Megan typed stays');
      assert.equal(
        errorBeside(card, 'domainPrefix'),
        variant.taken ? 'This domain is already taken. Choose another prefix.' : undefined,
      );
      assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 1);
    });
  }

  it('should post the reseller relationship card with the link and invitations, keep the account card, and go on after Continue', async () => {
    // Arrange
    await addFabrikam();
    const { megan, inputs, card: notice } = await meganTries({ companyName: 'FABRIKAM TRADING CO LTD' });
    const before = rig.connector.sentTo(thread.id).length;

    // Act
    const afterReseller = await megan.pressButton(RESELLER);

    // Assert: one new message, the relationship card, naming the company and the link in both languages
    const posted = rig.connector.sentTo(thread.id).slice(before);
    assert.equal(posted.length, 1);
    const reseller = cardOf(posted[0]);
    assert.equal(cardTitle(reseller), 'Request a reseller relationship');
    assert.match(cardText(reseller), new RegExp(`^${INVITE_URL.replace(/[.?]/g, '\\$&')}$`, 'm'));
    const [zh = '', en = ''] = invitationsOf(reseller);
    assert.match(zh, /^FABRIKAM TRADING CO LTD 的管理员，您好/);
    assert.ok(zh.includes(`\n${INVITE_URL}\n`), zh);
    assert.match(en, /^Dear administrator of FABRIKAM TRADING CO LTD,/);
    assert.ok(en.includes(`\n${INVITE_URL}\n`), en);
    assert.deepEqual(
      buttonsOf(reseller).map((button) => [button.type, button.title, button.url]),
      [['Action.OpenUrl', 'Open the link', INVITE_URL]],
    );
    assert.deepEqual(afterReseller, notice, 'the account card stays as it was');

    // Act: it is a different company after all
    const subscriptions = await megan.pressButton(CONTINUE, inputs);
    await megan.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e3': '8' });
    await megan.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(cardTitle(subscriptions), 'Subscriptions');
    assert.deepEqual(
      (await readStoreFiles(rig.bot.dataDir)).customers.map((customer) => [
        customer.companyName,
        customer.domain,
      ]),
      [
        ['FABRIKAM TRADING CO LTD', 'fabrikamcn.partner.onmschina.cn'],
        ['Fabrikam Trading Co., Ltd.', 'fabrikam.partner.onmschina.cn'],
      ],
    );
  });

  it('should keep the domain error when Continue is pressed with a domain that is taken', async () => {
    // Arrange
    await addFabrikam();
    const { megan, inputs } = await meganTries({ companyName: 'Fabrikam Travel', domainPrefix: 'fabrikam' });

    // Act
    const stillTaken = await megan.pressButton(CONTINUE, inputs);
    const subscriptions = await megan.press(CARD_VERBS.accountNext, {
      ...inputs,
      domainPrefix: 'fabrikamtravel',
    });

    // Assert
    assert.equal(cardTitle(stillTaken), 'Account info');
    assert.equal(
      errorBeside(stillTaken, 'domainPrefix'),
      'This domain is already taken. Choose another prefix.',
    );
    assert.equal(cardTitle(subscriptions), 'Subscriptions');
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 1);
  });

  it('should switch the same card to adding subscriptions to the matching customer, and add them', async () => {
    // Arrange
    await addFabrikam();
    const { megan } = await meganTries({ companyName: 'ＦＡＢＲＩＫＡＭ　ＴＲＡＤＩＮＧ' });
    const cardsBefore = cardsSentTo(rig.connector, thread.id).length;

    // Act
    const subscriptions = await megan.pressButton(ADD_TO_FABRIKAM);
    const review = await megan.press(CARD_VERBS.subscriptionsNext, {
      'qty_o365-e1': '5',
      'qty_o365-e3': '10',
    });
    const submitted = await megan.press(CARD_VERBS.reviewSubmit);

    // Assert: one card all along, now for Fabrikam, showing what it has
    assert.equal(cardTitle(subscriptions), ADD_TO_FABRIKAM);
    assert.match(cardText(subscriptions), /has 25/);
    assert.equal(cardTitle(review), 'Review: add subscription');
    assert.deepEqual(factSections(review), [
      {
        heading: 'Company',
        facts: ['Company name: Fabrikam Trading Co., Ltd.', 'Tenant domain: fabrikam.partner.onmschina.cn'],
      },
      { heading: 'Current subscriptions', facts: ['Office 365 E1: 25 licenses'] },
      { heading: 'Adding', facts: ['Office 365 E1: 5 licenses', 'Office 365 E3: 10 licenses'] },
    ]);
    assert.deepEqual(submitted.actions ?? [], []);
    assert.match(cardText(submitted), /Submitted by Megan Bowen/);

    // Assert: the licenses are added to Fabrikam, announced once in the channel
    const customers = (await readStoreFiles(rig.bot.dataDir)).customers;
    assert.equal(customers.length, 1);
    assert.deepEqual(customers[0]?.subscriptions, [
      { offerId: 'o365-e1', quantity: 30 },
      { offerId: 'o365-e3', quantity: 10 },
    ]);
    const newCards = cardsSentTo(rig.connector, thread.id).slice(cardsBefore);
    assert.deepEqual(
      newCards.map((entry) => cardTitle(cardOf(entry))),
      ['Subscriptions added'],
    );
    assert.deepEqual(factSectionsOfSummary(cardOf(newCards[0])), [
      'Company name: Fabrikam Trading Co., Ltd.',
      'Tenant domain: fabrikam.partner.onmschina.cn',
      '+ Office 365 E1: 5 licenses',
      '+ Office 365 E3: 10 licenses',
    ]);
    assert.match(cardText(cardOf(newCards[0])), /Added by Megan Bowen/);
  });
});

/** The facts of a card's first FactSet, as `title: value`. */
function factSectionsOfSummary(card: CardJson | undefined): string[] {
  const factSet = card?.body?.find((element) => (element as { type?: string }).type === 'FactSet') as
    | { facts?: { title: string; value: string }[] }
    | undefined;
  return (factSet?.facts ?? []).map((fact) => `${fact.title}: ${fact.value}`);
}
