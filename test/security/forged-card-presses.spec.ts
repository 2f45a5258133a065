import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { SEVEN_COMPANIES, seedCustomers } from '../fixtures/customers.js';
import { cardOf, cardTitle } from '../helpers/card-queries.js';
import { channelThread, personalChat } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

describe('card presses forged to act on another user’s card', () => {
  const rig = useBot();

  it('should not let a customer-list press with another user’s replyToId replace that user’s dialog card', async () => {
    // Arrange: Alex has an add-customer card open in the thread; Mallory knows its message id
    const thread = channelThread();
    await seedCustomers(rig.bot.store, SEVEN_COMPANIES);
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start('add customer');
    const mallory = rig.user('Mallory', thread);
    const alexCardBefore = rig.connector.latest(alex.cardId);
    const updatesBefore = rig.connector.updates.length;

    // Act
    const answer = await mallory.press(alex.cardId, {
      verb: CARD_VERBS.customersPage,
      offset: '5',
      query: '',
    });

    // Assert: Alex's card is untouched; Mallory gets a list of her own
    assert.equal(answer.status, 200);
    assert.equal(rig.connector.latest(alex.cardId), alexCardBefore);
    assert.equal(rig.connector.updates.length, updatesBefore, 'nothing may be updated');
    const malloryList = rig.connector.sentTo(thread.id).at(-1);
    assert.equal(cardTitle(cardOf(malloryList)), 'Customers');
  });

  it('should refuse Done for a customer’s credentials pressed in a channel, and change no card', async () => {
    // Arrange: a customer exists; Mallory sends its Done from the channel with Alex's card id
    const thread = channelThread();
    const [customer] = await seedCustomers(rig.bot.store, SEVEN_COMPANIES.slice(0, 1));
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start('add customer');
    const mallory = rig.user('Mallory', thread);
    const updatesBefore = rig.connector.updates.length;

    // Act
    const answer = await mallory.press(alex.cardId, {
      verb: CARD_VERBS.credentialsDone,
      customerId: customer?.id,
    });

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(rig.connector.updates.length, updatesBefore, 'nothing may be updated');
    assert.match(
      rig.connector.sentTo(thread.id).at(-1)?.activity.text ?? '',
      /Only the person who started this card/,
    );
  });

  it('should refuse Done for someone else’s customer even in the presser’s own personal chat', async () => {
    // Arrange
    const [customer] = await seedCustomers(rig.bot.store, SEVEN_COMPANIES.slice(0, 1));
    const chat = personalChat();
    const mallory = rig.user('Mallory', chat);
    await mallory.say('help');
    const helpCard = rig.connector.sentTo(chat.id).at(-1);
    const updatesBefore = rig.connector.updates.length;

    // Act
    await mallory.press(helpCard?.activityId ?? '', {
      verb: CARD_VERBS.credentialsDone,
      customerId: customer?.id,
    });

    // Assert
    assert.equal(rig.connector.updates.length, updatesBefore, 'nothing may be updated');
  });

  it('should tell a user who presses another user’s dialog card that it is not theirs, and leave the card', async () => {
    // Arrange
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start('add customer');
    const mallory = rig.user('Mallory', thread);
    const updatesBefore = rig.connector.updates.length;

    // Act: Mallory presses Next on Alex's card, claiming to be its owner
    await mallory.press(alex.cardId, {
      verb: CARD_VERBS.accountNext,
      flowId: 'any',
      ownerId: alex.user.aadObjectId,
    });

    // Assert
    assert.equal(rig.connector.updates.length, updatesBefore, 'nothing may be updated');
    assert.match(
      rig.connector.sentTo(thread.id).at(-1)?.activity.text ?? '',
      /Only the person who started this card/,
    );
  });
});
