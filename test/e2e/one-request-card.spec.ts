import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { buttonsOf, type CardJson, cardOf, cardText, cardTitle } from '../helpers/card-queries.js';
import { channelThread, personalChat, pressExecute } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

type Card = CardJson & { refresh?: { userIds?: string[]; action?: { data?: { requestId?: string } } } };

/** The titles of a card's buttons, as its viewer sees them (Reject… holds the Reject that sends the reason). */
const buttonTitles = (card: unknown) => buttonsOf(card).map((button) => button.title);

describe('one card per request, updated in place through approval and creation', () => {
  const alexId = randomUUID();
  const meganId = randomUUID();
  const rig = useBot({ env: { APPROVER_IDS: `${alexId},${meganId}` } });

  it('should turn a personal-chat Review card into the request card, with every action of a requester who approves, and follow it to created', async () => {
    // Arrange: Alex, an approver himself, walks to Review in his personal chat
    const chat = personalChat();
    const alex = rig.walk('Alex Wilber', chat, { aadObjectId: alexId });
    await alex.start();
    await alex.fillToReview('onecardco');
    const postedBeforeSubmit = rig.connector.sentTo(chat.id).length;

    // Act: submit, then approve on the same card
    const requestCard = (await alex.press(CARD_VERBS.reviewSubmit)) as Card;
    const requestId = requestCard.refresh?.action?.data?.requestId ?? requestIdIn(requestCard);
    const approved = await pressExecute(alex.user, alex.cardId, CARD_VERBS.approvalApprove, { requestId });

    // Assert: one card in Alex's chat, Review → waiting (all his actions) → created
    assert.equal(rig.connector.sentTo(chat.id).length, postedBeforeSubmit, 'nothing new posted in the chat');
    assert.equal(cardTitle(requestCard), 'Approval needed: new customer');
    assert.match(cardText(requestCard), /Waiting for approval/);
    assert.deepEqual(buttonTitles(requestCard), ['Approve', 'Reject…', 'Reject', 'Withdraw request']);
    assert.match(cardText(approved.value), /Approved by Alex Wilber/);
    const final = cardOf(rig.connector.latest(alex.cardId));
    assert.equal(cardTitle(final), 'Customer created');
    assert.match(cardText(final), /The customer is created/);
    assert.deepEqual(buttonTitles(final), []);

    // Assert: Megan got one private copy, updated to the same end; Alex no second copy of his own
    const copies = rig.connector.createdConversations.filter((created) =>
      (created.parameters.members as { id: string }[]).some((member) => member.id === meganId),
    );
    assert.equal(copies.length, 1);
    const meganChat = copies[0]?.conversationId ?? '';
    const meganCards = rig.connector.sentTo(meganChat);
    assert.equal(meganCards.length, 1);
    assert.deepEqual(buttonTitles(cardOf(meganCards[0])), ['Approve', 'Reject…', 'Reject']);
    const meganFinal = cardOf(rig.connector.shownIn(meganChat)[0]);
    assert.equal(cardTitle(meganFinal), 'Customer created');
    const alexPrivateCards = rig.connector.createdConversations
      .filter((created) => (created.parameters.members as { id: string }[])[0]?.id === alex.user.id)
      .flatMap((created) =>
        rig.connector.sentTo(created.conversationId).map((entry) => cardTitle(cardOf(entry))),
      );
    assert.ok(
      alexPrivateCards.every((title) => !/Approval needed|Approved/.test(title ?? '')),
      `Alex's private messages hold no copy of the request: ${alexPrivateCards.join(', ')}`,
    );
  });

  it('should show a channel request as one card, creating then created, and only the summary beside it', async () => {
    // Arrange
    const thread = channelThread();
    const nestor = rig.walk('Nestor Wilke', thread);
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });
    await nestor.start();
    await nestor.fillToReview('channelcardco');
    const postedBeforeSubmit = rig.connector.sentTo(thread.id).length;

    // Act
    const requestCard = (await nestor.press(CARD_VERBS.reviewSubmit)) as Card;
    const requestId = requestCard.refresh?.action?.data?.requestId ?? '';
    const updatesBeforeApproval = rig.connector.updates.filter(
      (entry) => entry.activityId === nestor.cardId,
    ).length;
    await pressExecute(megan, nestor.cardId, CARD_VERBS.approvalApprove, { requestId });

    // Assert: the Review card became the request card, refreshable by Nestor and the approvers
    assert.equal(cardTitle(requestCard), 'Approval needed: new customer');
    assert.deepEqual(requestCard.refresh?.userIds, [nestor.user.id, `29:${alexId}`, `29:${meganId}`]);
    const stages = rig.connector.updates
      .filter((entry) => entry.activityId === nestor.cardId)
      .slice(updatesBeforeApproval)
      .map((entry) => cardText(cardOf(entry)));
    assert.ok(
      stages.some((text) => /Creating the customer/.test(text)),
      'the card showed the creation under way',
    );
    assert.match(stages.at(-1) ?? '', /The customer is created/);
    const posted = rig.connector.sentTo(thread.id).slice(postedBeforeSubmit);
    assert.deepEqual(
      posted.map((entry) => cardTitle(cardOf(entry))),
      ['New customer added'],
      'after Submit the channel got only the summary, no second copy of the request',
    );
  });

  it('should show the request card when Submit is pressed again after the Bot Connector failed to show it', async () => {
    // Arrange: the first update of Nestor's Review card is refused
    const thread = channelThread();
    const nestor = rig.walk('Nestor Wilke', thread);
    await nestor.start();
    await nestor.fillToReview('unseenco');
    let refusals = 1;
    rig.connector.fault = ({ method, path }) =>
      method === 'PUT' && path.endsWith(`/activities/${nestor.cardId}`) && refusals-- > 0 ? 400 : undefined;

    // Act
    const afterFailure = await nestor.press(CARD_VERBS.reviewSubmit);
    const afterRetry = await nestor.press(CARD_VERBS.reviewSubmit);

    // Assert: the first press ended with the apology and the Review card as it was; the second shows it
    assert.equal(cardTitle(afterFailure), 'Review');
    assert.match(rig.connector.sentTo(thread.id).at(-1)?.activity.text ?? '', /Sorry|try again/i);
    assert.equal(cardTitle(afterRetry), 'Approval needed: new customer');
    assert.match(cardText(afterRetry), /Waiting for approval/);
  });

  it('should offer Try again on the request card to its requester when creating failed, and create on it', async () => {
    // Arrange: Megan approves Nestor's request while the store cannot save customers
    const chat = personalChat();
    const nestor = rig.walk('Nestor Wilke', chat);
    const megan = rig.user('Megan Bowen', channelThread(), { aadObjectId: meganId });
    await nestor.start();
    await nestor.fillToReview('retrycardco');
    const requestCard = (await nestor.press(CARD_VERBS.reviewSubmit)) as Card;
    const requestId = requestIdIn(requestCard);
    const fakeFailure = sinon.stub(rig.bot.store, 'addCustomer').rejects(new Error('disk full'));
    await pressExecute(megan, nestor.cardId, CARD_VERBS.approvalApprove, { requestId });
    fakeFailure.restore();
    const failed = cardOf(rig.connector.latest(nestor.cardId));

    // Act: Megan cannot retry it; Nestor can
    const byMegan = await pressExecute(megan, nestor.cardId, CARD_VERBS.approvalRetry, { requestId });
    const retried = await pressExecute(nestor.user, nestor.cardId, CARD_VERBS.approvalRetry, { requestId });
    await rig.bot.idle();

    // Assert
    assert.equal(cardTitle(failed), 'Approved, not created');
    assert.match(cardText(failed), /could not be created: something went wrong on my side/);
    assert.deepEqual(buttonTitles(failed), ['Try again']);
    assert.match(String(byMegan.value), /Only the person who made this request/);
    assert.match(cardText(retried.value), /Creating the customer/);
    assert.equal(cardTitle(cardOf(rig.connector.latest(nestor.cardId))), 'Customer created');
    assert.ok(await rig.bot.store.isDomainTaken('retrycardco'));
  });
});

/** The request id in a request card's buttons (a personal-chat card has no refresh). */
function requestIdIn(card: unknown): string {
  const data = buttonsOf(card)[0]?.data as { requestId?: string } | undefined;
  if (!data?.requestId) throw new Error('the request card carries no request id');
  return data.requestId;
}
