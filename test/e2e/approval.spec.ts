import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import {
  actionData,
  buttonsOf,
  type CardJson,
  cardOf,
  cardText,
  inputById,
} from '../helpers/card-queries.js';
import type { SentActivity } from '../helpers/fake-bot-connector.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { channelThread, personalChat, pressExecute } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

type Card = CardJson & { refresh?: { userIds?: string[]; action?: { verb?: string } } };

describe('approving submissions from a card button', () => {
  const meganId = randomUUID();
  const nestorId = randomUUID();
  const rig = useBot({ env: { APPROVER_IDS: `${meganId},${nestorId}` } });

  const approvalCards = (conversationId: string): SentActivity[] =>
    rig.connector.shownIn(conversationId).filter((entry) => /Approval needed/.test(cardText(cardOf(entry))));

  async function submitInChannel(domainPrefix: string) {
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });
    const nestor = rig.user('Nestor Wilke', thread, { aadObjectId: nestorId });
    await alex.start();
    await alex.fillToReview(domainPrefix);
    const review = await alex.press(CARD_VERBS.reviewSubmit);
    const [approval] = approvalCards(thread.id);
    assert.ok(approval, 'an approval card should be posted in the channel');
    return { thread, alex, megan, nestor, review, approval };
  }

  it('should hold a channel submission for approval, then create the customer and send the credentials to the requester', async () => {
    // Arrange
    const { thread, alex, megan, review, approval } = await submitInChannel('approvedco');
    const base = cardOf(approval) as Card;

    // Act
    const meganView = await pressExecute(
      megan,
      approval.activityId,
      CARD_VERBS.approvalRefresh,
      actionDataOfRefresh(base),
    );
    const alexView = await pressExecute(
      alex.user,
      approval.activityId,
      CARD_VERBS.approvalRefresh,
      actionDataOfRefresh(base),
    );
    const approved = await pressExecute(
      megan,
      approval.activityId,
      CARD_VERBS.approvalApprove,
      actionDataOfRefresh(base),
    );

    // Assert: pending, nobody sees buttons on the base card, each sees their own view
    assert.match(cardText(review), /Waiting for approval/);
    assert.equal(await rig.bot.store.isDomainTaken('approvedco'), true);
    assert.deepEqual(
      (base.actions ?? []).map((action) => [action.title, action.verb]),
      [['Show my actions', CARD_VERBS.approvalRefresh]],
      'the base card offers only a way to fetch one’s own view, for clients without refresh',
    );
    assert.match(cardText(base), /Waiting for approval/);
    assert.deepEqual(base.refresh?.userIds, [alex.user.id, `29:${meganId}`, `29:${nestorId}`]);
    assert.equal(meganView.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(
      ((meganView.value as Card).actions ?? []).map((action) => action.title),
      ['Approve', 'Reject…'],
    );
    assert.deepEqual(
      ((alexView.value as Card).actions ?? []).map((action) => action.title),
      ['Withdraw request'],
    );

    // Assert: the decision, the customer, credentials to Alex (not Megan), summary in the channel
    assert.equal(approved.status, 200);
    assert.match(cardText(approved.value), /Approved by Megan Bowen/);
    assert.deepEqual((approved.value as Card).actions ?? [], []);
    const [created] = rig.connector.createdConversations;
    assert.ok(created);
    assert.deepEqual(
      (created.parameters.members as { id: string }[]).map((member) => member.id),
      [alex.user.id],
    );
    assert.match(
      cardText(cardOf(rig.connector.sentTo(created?.conversationId ?? '')[0])),
      /admin@approvedco\.partner\.onmschina\.cn/,
    );
    assert.ok(
      rig.connector.sentTo(thread.id).some((entry) => /New customer added/.test(cardText(cardOf(entry)))),
    );
    const audit = (await readStoreFiles(rig.bot.dataDir)).audit;
    assert.deepEqual(
      audit.map((entry) => [entry.event, entry.actor?.name]),
      [
        ['request.submitted', 'Alex Wilber'],
        ['request.approved', 'Megan Bowen'],
        ['customer.created', 'Alex Wilber'],
        ['credentials.delivered', 'Alex Wilber'],
      ],
    );
  });

  it('should refuse a non-approver’s approval and change nothing', async () => {
    // Arrange
    const { alex, approval } = await submitInChannel('refusedco');

    // Act
    const answer = await pressExecute(
      alex.user,
      approval.activityId,
      CARD_VERBS.approvalApprove,
      actionDataOfRefresh(cardOf(approval) as Card),
    );

    // Assert
    assert.equal(answer.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(answer.value), /Only the configured approvers/);
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 0);
    const request = await rig.bot.store.findRequest(actionDataOfRefresh(cardOf(approval) as Card).requestId);
    assert.equal(request?.status, 'pending');
  });

  it('should decide once when two approvers press Approve at the same moment, and when one invoke arrives twice', async () => {
    // Arrange
    const { megan, nestor, approval } = await submitInChannel('racingco');
    const data = actionDataOfRefresh(cardOf(approval) as Card);

    // Act
    const answers = await Promise.all([
      pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, data),
      pressExecute(nestor, approval.activityId, CARD_VERBS.approvalApprove, data),
      pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, data),
    ]);

    // Assert
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 1);
    assert.equal(rig.connector.createdConversations.length, 1, 'credentials should be sent once');
    const request = await rig.bot.store.findRequest(data.requestId);
    const decidedBy = request?.decision?.by.name;
    assert.ok(decidedBy === 'Megan Bowen' || decidedBy === 'Nestor Wilke');
    for (const answer of answers)
      assert.match(cardText(answer.value), new RegExp(`Approved by ${decidedBy}`));
    const approvals = (await readStoreFiles(rig.bot.dataDir)).audit.filter(
      (entry) => entry.event === 'request.approved',
    );
    assert.equal(approvals.length, 1);
  });

  it('should ask for a reason behind Reject…, reject, tell the requester privately and let them edit and resubmit', async () => {
    // Arrange: Nestor opens Reject… on his view of the card
    const { alex, nestor, megan, approval } = await submitInChannel('rejectedco');
    const data = actionDataOfRefresh(cardOf(approval) as Card);
    const nestorView = await pressExecute(nestor, approval.activityId, CARD_VERBS.approvalRefresh, data);
    const rejectForm = showCardOf(nestorView.value, 'Reject…');
    const reasonBox = inputById(rejectForm, 'rejectReason');
    const confirm = buttonsOf(rejectForm).find((button) => button.title === 'Reject');
    assert.ok(confirm?.verb && confirm.data, 'Reject… should hold the Reject button that sends the reason');

    // Act: reject without, then with a reason
    const noReason = await pressExecute(nestor, approval.activityId, confirm.verb, { ...confirm.data });
    const statusAfterNoReason = (await rig.bot.store.findRequest(data.requestId))?.status;
    const rejected = await pressExecute(nestor, approval.activityId, confirm.verb, {
      ...confirm.data,
      rejectReason: 'Wrong **province**',
    });

    // Assert: the reason box and its Reject sit behind Reject…, not on the card
    assert.equal(reasonBox?.isMultiline, true);
    assert.equal(inputById((nestorView.value as Card).body, 'rejectReason'), undefined);
    assert.deepEqual(confirm.data, data, 'the Reject inside Reject… names the request');
    assert.equal(confirm.verb, CARD_VERBS.approvalReject);
    assert.match(cardText(noReason.value), /Enter a reason to reject the request\./);
    assert.equal(statusAfterNoReason, 'pending', 'nothing decided without a reason');
    assert.deepEqual(
      ((noReason.value as Card).actions ?? []).map((action) => action.title),
      ['Approve', 'Reject…'],
      'Nestor can still approve or give a reason',
    );
    assert.match(cardText(rejected.value), /Rejected by Nestor Wilke/);
    assert.equal((await rig.bot.store.findRequest(data.requestId))?.status, 'rejected');
    const [created] = rig.connector.createdConversations;
    const notice = rig.connector.sentTo(created?.conversationId ?? '')[0];
    assert.match(cardText(cardOf(notice)), /rejected by Nestor Wilke/);
    assert.match(cardText(cardOf(notice)), /Wrong \\\*\\\*province\\\*\\\*/);

    // Act: Edit and resubmit in the 1:1 chat reopens Review; submit again
    const privateAlex = alex.user.in({ id: created?.conversationId ?? '', conversationType: 'personal' });
    assert.ok(notice);
    await privateAlex.press(notice.activityId, actionData(cardOf(notice), CARD_VERBS.approvalResubmit));
    const reopened = rig.connector.sentTo(privateAlex.conversation.id).at(-1);
    assert.match(cardText(cardOf(reopened)), /Review/);
    assert.match(cardText(cardOf(reopened)), /rejectedco\.partner\.onmschina\.cn/);
    await privateAlex.press(
      reopened?.activityId ?? '',
      actionData(cardOf(reopened), CARD_VERBS.reviewSubmit),
    );

    // Assert: a new pending request, sent to each approver privately; approving it creates the customer
    const requests = rig.connector.createdConversations
      .slice(1)
      .map((entry) => (entry.parameters.members as { id: string }[])[0]?.id);
    assert.deepEqual(
      requests,
      [meganId, `29:${nestorId}`],
      'an approver who has talked to the bot is reached by Teams user id, one who has not by Entra id',
    );
    const meganCopy = rig.connector.sentTo(rig.connector.createdConversations[1]?.conversationId ?? '')[0];
    assert.ok(meganCopy);
    const meganPrivate = megan.in({ id: meganCopy.conversationId, conversationType: 'personal' });
    const newData = actionData(cardOf(meganCopy), CARD_VERBS.approvalApprove);
    const approved = await pressExecute(
      meganPrivate,
      meganCopy.activityId,
      CARD_VERBS.approvalApprove,
      newData,
    );
    assert.match(cardText(approved.value), /Approved by Megan Bowen/);
    assert.equal(await rig.bot.store.isDomainTaken('rejectedco'), true);
    const nestorCopy = rig.connector.sentTo(rig.connector.createdConversations[2]?.conversationId ?? '')[0];
    assert.match(
      cardText(cardOf(rig.connector.latest(nestorCopy?.activityId ?? ''))),
      /Approved by Megan Bowen/,
      'every copy should show the decision',
    );
  });

  it('should let the requester withdraw a pending request', async () => {
    // Arrange
    const { alex, megan, approval } = await submitInChannel('withdrawnco');
    const data = actionDataOfRefresh(cardOf(approval) as Card);

    // Act
    const foreign = await pressExecute(megan, approval.activityId, CARD_VERBS.approvalWithdraw, data);
    const withdrawn = await pressExecute(alex.user, approval.activityId, CARD_VERBS.approvalWithdraw, data);
    const lateApproval = await pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, data);

    // Assert
    assert.match(String(foreign.value), /Only the person who made this request/);
    assert.match(cardText(withdrawn.value), /Withdrawn by Alex Wilber/);
    assert.match(cardText(lateApproval.value), /Withdrawn by Alex Wilber/);
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 0);
  });

  it('should send a personal-chat submission to each approver privately and tell the requester it is waiting', async () => {
    // Arrange
    const chat = personalChat();
    const alex = rig.walk('Alex Wilber', chat);
    await alex.start();
    await alex.fillToReview('privateco');

    // Act
    const review = await alex.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(review), /Waiting for approval/);
    const members = rig.connector.createdConversations.map(
      (entry) => (entry.parameters.members as { id: string }[])[0]?.id,
    );
    assert.deepEqual(members, [meganId, nestorId]);
    for (const created of rig.connector.createdConversations) {
      const copy = cardOf(rig.connector.sentTo(created.conversationId)[0]) as Card;
      assert.deepEqual(
        (copy.actions ?? []).map((action) => action.title),
        ['Approve', 'Reject…'],
      );
    }
    const own = cardOf(approvalCards(chat.id)[0]) as Card;
    assert.deepEqual(
      (own.actions ?? []).map((action) => action.title),
      ['Withdraw request'],
    );
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 0);
  });
});

/** The card behind a card's `Action.ShowCard` with this title, as the user opens it. */
function showCardOf(card: unknown, title: string): unknown {
  const showCard = buttonsOf(card).find(
    (button) => button.type === 'Action.ShowCard' && button.title === title,
  );
  assert.ok(showCard, `the card should have ${title}`);
  return (showCard as { card?: unknown }).card;
}

function actionDataOfRefresh(card: Card): { requestId: string } {
  const data = (card.refresh?.action as { data?: { requestId?: string } } | undefined)?.data;
  if (!data?.requestId) throw new Error('the approval card has no refresh action with a request id');
  return { requestId: data.requestId };
}
