import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PASSWORD_CLASSES } from '../../bot/credentials/generate-temporary-password.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { BotCustomer } from '../../store/customer-schema.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardOf, cardText, errorBeside, inputById } from '../helpers/card-queries.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread, TENANT_ID } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

async function readDataFolder(dataDir: string): Promise<string> {
  const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((file) => file.isFile())
      .map((file) => readFile(path.join(file.parentPath, file.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('the add-customer conversation in a channel', () => {
  const rig = useBot();

  it('should walk a channel user from add customer to private credentials, with an error and an update on the way', async () => {
    // Arrange
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    const alex = walk.user;

    // Act: start, then an invalid account card
    const first = await walk.start();
    const invalid = await walk.press(CARD_VERBS.accountNext, {
      ...validAccountInputs('fabrikam'),
      postalCode: '1000',
      contactEmail: 'not-an-email',
    });

    // Assert: the same card, errors beside the bad fields, every value kept
    assert.match(cardText(first), /Account info/);
    assert.equal(errorBeside(invalid, 'postalCode'), 'Enter the 6-digit postal code.');
    assert.equal(errorBeside(invalid, 'contactEmail'), 'Enter a valid email address.');
    assert.equal(errorBeside(invalid, 'companyName'), undefined);
    assert.equal(inputById(invalid, 'postalCode')?.value, '1000');
    assert.equal(inputById(invalid, 'companyName')?.value, 'Fabrikam Trading Co., Ltd.');
    assert.equal(inputById(invalid, 'province')?.value, 'BJ');

    // Act: fix it, choose an offer over its maximum, then a valid count
    const subscriptions = await walk.press(CARD_VERBS.accountNext, validAccountInputs('fabrikam'));
    assert.match(cardText(subscriptions), /Subscriptions/);
    const tooMany = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_m365-business-basic': '301' });
    assert.equal(errorBeside(tooMany, 'qty_m365-business-basic'), 'Enter a whole number from 1 to 300.');
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    assert.match(cardText(review), /fabrikam\.partner\.onmschina\.cn/);
    assert.match(cardText(review), /25 licenses/);

    // Act: Update account info returns straight to Review with the change
    const update = await walk.press(CARD_VERBS.reviewUpdateAccount);
    assert.equal(inputById(update, 'city')?.value, 'Beijing', 'the account card should be pre-filled');
    const reviewAgain = await walk.press(CARD_VERBS.accountNext, {
      ...validAccountInputs('fabrikam'),
      city: 'Tianjin',
    });
    assert.match(cardText(reviewAgain), /Review/);
    assert.match(cardText(reviewAgain), /Tianjin/);
    const submitted = await walk.press(CARD_VERBS.reviewSubmit);

    // Assert: the review card is read-only now
    assert.deepEqual(submitted.actions ?? [], []);
    assert.match(cardText(submitted), /Submitted by Alex Wilber/);

    // Assert: a 1:1 conversation with Alex, in his tenant, holds the credentials
    assert.equal(rig.connector.createdConversations.length, 1);
    const created = rig.connector.createdConversations[0];
    assert.ok(created);
    assert.deepEqual(
      (created.parameters.members as { id: string }[]).map((member) => member.id),
      [alex.id],
    );
    assert.equal(created.parameters.tenantId, TENANT_ID);
    const privateMessages = rig.connector.sentTo(created.conversationId);
    assert.equal(privateMessages.length, 1);
    const credentials = cardText(cardOf(privateMessages[0]));
    assert.match(credentials, /admin@fabrikam\.partner\.onmschina\.cn/);
    const password = /^[A-Za-z2-9!@$%&+=?]{16}$/m.exec(credentials)?.[0];
    assert.ok(password, `the credentials card should show a 16-character password:\n${credentials}`);
    for (const alphabet of Object.values(PASSWORD_CLASSES)) {
      assert.ok(
        [...password].some((character) => alphabet.includes(character)),
        `missing one of ${alphabet}`,
      );
    }

    // Assert: the channel got a summary without the secret
    const channelMessages = rig.connector.sentTo(thread.id);
    const summary = channelMessages
      .map((entry) => cardText(cardOf(entry)))
      .find((text) => /New customer added/.test(text));
    assert.ok(summary, 'the channel should get a summary card');
    assert.match(summary, /Fabrikam Trading Co\., Ltd\./);
    assert.match(summary, /fabrikam\.partner\.onmschina\.cn/);
    assert.match(summary, /Office 365 E1/);
    assert.match(summary, /Alex Wilber/);

    // Act: Done replaces the credentials card
    const credentialsMessage = privateMessages[0];
    assert.ok(credentialsMessage);
    const done = await alex
      .in({ id: created.conversationId, conversationType: 'personal' })
      .press(
        credentialsMessage.activityId,
        actionData(cardOf(credentialsMessage), CARD_VERBS.credentialsDone),
      );
    assert.equal(done.status, 200);
    const replaced = rig.connector.latest(credentialsMessage.activityId);
    assert.notEqual(replaced, credentialsMessage, 'Done should update the credentials message');
    assert.match(cardText(cardOf(replaced)), /is ready/);
    assert.doesNotMatch(cardText(cardOf(replaced)), new RegExp(password.replace(/[$+?]/g, '\\$&')));

    // Assert: the store holds the customer, and no copy of the password is anywhere but the 1:1 card
    const stored = await readStoreFiles(rig.bot.dataDir);
    assert.equal(stored.customers.length, 1);
    const [customer] = stored.customers as BotCustomer[];
    assert.deepEqual(
      {
        companyName: customer?.companyName,
        domain: customer?.domain,
        city: customer?.address.city,
        province: customer?.address.province,
        subscriptions: customer?.subscriptions,
        createdBy: customer?.createdBy.name,
        aadObjectId: customer?.createdBy.aadObjectId,
        origin: customer?.origin.conversationId,
        adminAccount: customer?.adminAccount,
      },
      {
        companyName: 'Fabrikam Trading Co., Ltd.',
        domain: 'fabrikam.partner.onmschina.cn',
        city: 'Tianjin',
        province: 'BJ',
        subscriptions: [{ offerId: 'o365-e1', quantity: 25 }],
        createdBy: 'Alex Wilber',
        aadObjectId: alex.aadObjectId,
        origin: thread.id,
        adminAccount: 'admin@fabrikam.partner.onmschina.cn',
      },
    );
    const everywhereElse = [
      ...rig.connector.sent
        .filter((entry) => entry !== credentialsMessage)
        .map((entry) => JSON.stringify(entry)),
      ...rig.connector.updates.map((entry) => JSON.stringify(entry)),
      await readDataFolder(rig.bot.dataDir),
      rig.bot.logs.text,
    ].join('\n');
    assert.equal(
      everywhereElse.includes(password),
      false,
      'the password leaked outside the 1:1 credentials card',
    );
  });
});
