import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { cardOf, factSections } from '../helpers/card-queries.js';
import { channelThread, personalChat, pressExecute, type TeamsConversation } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const EMAIL = 'li.na@xingchen.cn';
const PHONE = '13800138000';
const MASKED = ['Email: l***@xingchen.cn', 'Phone: 138****8000'];
const FULL = [`Email: ${EMAIL}`, `Phone: ${PHONE}`];

/** The contact's email and phone on a card as the reader sees them (Markdown escapes removed). */
function contactShown(card: unknown): string[] {
  const contact = factSections(card).find((section) => section.heading === 'Primary contact');
  return (contact?.facts ?? [])
    .filter((fact) => /^(Email|Phone):/.test(fact))
    .map((fact) => fact.replace(/\\(.)/g, '$1'));
}

describe('contact details in shared conversations', () => {
  const meganId = randomUUID();
  const rig = useBot({ env: { APPROVER_IDS: meganId } });

  async function submit(conversation: TeamsConversation) {
    const alex = rig.walk('Alex Wilber', conversation);
    await alex.start();
    await alex.press(
      CARD_VERBS.accountNext,
      validAccountInputs('xingchen', { contactEmail: EMAIL, contactPhone: PHONE }),
    );
    const review = await alex.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    const submitted = await alex.press(CARD_VERBS.reviewSubmit);
    return { alex, review, submitted };
  }

  /** The request id a request card names in its refresh (or, in a 1:1 chat, in its buttons). */
  const requestIdOf = (card: unknown): string => {
    const match = JSON.stringify(card).match(/"requestId":"([^"]+)"/);
    assert.ok(match?.[1], 'the request card should name its request');
    return match[1];
  };

  it('should mask them on what the channel sees and show them in full in the approver’s and requester’s own views', async () => {
    // Arrange: in a channel, Submit turns Review into the request card everyone there sees
    const thread = channelThread();
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });
    const { alex, review, submitted } = await submit(thread);
    const data = { requestId: requestIdOf(submitted) };

    // Act
    const meganView = await pressExecute(megan, alex.cardId, CARD_VERBS.approvalRefresh, data);
    const alexView = await pressExecute(alex.user, alex.cardId, CARD_VERBS.approvalRefresh, data);
    const approved = await pressExecute(megan, alex.cardId, CARD_VERBS.approvalApprove, data);

    // Assert: everyone in the channel sees Review, the request card and the decided card masked
    assert.deepEqual(contactShown(review), MASKED, 'Review in the channel');
    assert.deepEqual(contactShown(submitted), MASKED, 'the request card everyone sees');
    assert.deepEqual(contactShown(approved.value), MASKED, 'the decided card, which everyone sees');
    assert.deepEqual(contactShown(cardOf(rig.connector.latest(alex.cardId))), MASKED, 'the card as it ends');
    assert.doesNotMatch(rig.connector.sharedConversationText(), /li\.na@|0013800/);
    // Assert: the views Teams fetches for one user alone show them in full
    assert.deepEqual(contactShown(meganView.value), FULL, 'the approver’s view');
    assert.deepEqual(contactShown(alexView.value), FULL, 'the requester’s view');
  });

  it('should show them in full in a personal chat: the requester’s Review and request card, and each approver’s copy', async () => {
    // Arrange
    const chat = personalChat();

    // Act
    const { review, submitted } = await submit(chat);

    // Assert
    assert.deepEqual(contactShown(review), FULL);
    assert.deepEqual(contactShown(submitted), FULL, 'the requester’s own request card');
    const [approverChat] = rig.connector.createdConversations;
    assert.ok(approverChat);
    const [copy] = rig.connector.sentTo(approverChat.conversationId);
    assert.deepEqual(contactShown(cardOf(copy)), FULL, 'the approver’s private copy');
  });
});
