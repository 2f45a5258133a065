import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { seedCustomers, validAccountInputs } from '../fixtures/customers.js';
import type { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import {
  actionData,
  type CardJson,
  cardOf,
  cardsSentTo,
  cardText,
  cardTitle,
} from '../helpers/card-queries.js';
import { readFolder } from '../helpers/read-folder.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import {
  BOT,
  channelThread,
  personalChat,
  pressExecute,
  TENANT_ID,
  type TeamsUser,
} from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const FOREIGN_TENANT = 'f0f0f0f0-1111-4222-8333-444455556666';
const SECOND_TENANT = '7a1c3e5f-2b4d-4f6a-8c0e-1a3b5c7d9e0f';
const OTHER_TENANT_TEXT = 'Sorry, this bot is not available to your organization.';
const OTHER_TENANT_TEXT_ZH = '抱歉，此机器人不对你所在的组织开放。';
const UNLISTED_TEXT = /you are not on the list of people who may use this bot/;
const UNLISTED_TEXT_ZH = /你不在可以使用此机器人的人员名单中/;

const textsTo = (connector: { sentTo(id: string): { activity: { text?: string } }[] }, id: string) =>
  connector.sentTo(id).map((entry) => entry.activity.text);

/** Presses Submit on a walk's Review card, which Submit turns into the request card, and checks that it did. */
async function submitForApproval(
  walk: AddCustomerWalk,
): Promise<{ requestCard: CardJson; approval: { activityId: string } }> {
  const requestCard = await walk.press(CARD_VERBS.reviewSubmit);
  assert.match(
    cardText(requestCard),
    /Approval needed/,
    'Submit should make the Review card the request card',
  );
  return { requestCard, approval: { activityId: walk.cardId } };
}

describe('who may use the bot: ALLOWED_TENANT_IDS', () => {
  const meganId = randomUUID();
  const rig = useBot({
    env: { ALLOWED_TENANT_IDS: `${TENANT_ID},${SECOND_TENANT.toUpperCase()}`, APPROVER_IDS: meganId },
  });

  /** The bot's warnings about refused tenants, as logged. */
  const tenantWarnings = () =>
    rig.bot.logs.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 40 && /ALLOWED_TENANT_IDS/.test(String(line.msg)));

  it('should refuse another tenant’s add customer with one short text, write nothing and log a warning with the tenant id', async () => {
    // Arrange
    const thread = channelThread();
    const mallory = rig.user('Mallory', thread, { tenantId: FOREIGN_TENANT });
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await mallory.say('add customer');

    // Assert
    assert.equal(answer.status, 200);
    assert.deepEqual(textsTo(rig.connector, thread.id), [OTHER_TENANT_TEXT]);
    assert.equal(cardsSentTo(rig.connector, thread.id).length, 0);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
    const warnings = tenantWarnings();
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.tenantId, FOREIGN_TENANT);
    assert.doesNotMatch(JSON.stringify(warnings), /add customer|Mallory/);
  });

  it('should refuse another tenant in Chinese to a zh-CN user', async () => {
    // Arrange
    const chat = personalChat();
    const mallory = rig.user('Mallory', chat, { tenantId: FOREIGN_TENANT, locale: 'zh-CN' });

    // Act
    await mallory.say('添加客户');

    // Assert
    assert.deepEqual(textsTo(rig.connector, chat.id), [OTHER_TENANT_TEXT_ZH]);
  });

  it('should refuse another tenant’s press on a dialog card, even with the owner’s Entra id, and leave the dialog as it was', async () => {
    // Arrange
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start();
    const forged = rig.user('Alex Wilber', thread, {
      aadObjectId: alex.user.aadObjectId,
      tenantId: FOREIGN_TENANT,
    });
    const cardBefore = alex.card();
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await forged.press(
      alex.cardId,
      actionData(cardBefore, CARD_VERBS.accountNext),
      validAccountInputs('forgedco'),
    );

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(rig.connector.sentTo(thread.id).at(-1)?.activity.text, OTHER_TENANT_TEXT);
    assert.deepEqual(alex.card(), cardBefore);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
    assert.equal(tenantWarnings().at(-1)?.tenantId, FOREIGN_TENANT);
  });

  it('should answer another tenant’s approval invoke with the refusal as its message, and leave the request pending', async () => {
    // Arrange
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start();
    await alex.fillToReview('pendingco');
    const { requestCard, approval } = await submitForApproval(alex);
    const data = actionData(requestCard, CARD_VERBS.approvalRefresh);
    const forgedMegan = rig.user('Megan Bowen', thread, { aadObjectId: meganId, tenantId: FOREIGN_TENANT });
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await pressExecute(forgedMegan, approval.activityId, CARD_VERBS.approvalApprove, data);

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(answer.type, 'application/vnd.microsoft.activity.message');
    assert.equal(answer.value, OTHER_TENANT_TEXT);
    assert.equal((await rig.bot.store.findRequest(String(data.requestId)))?.status, 'pending');
    assert.equal((await readStoreFiles(rig.bot.dataDir)).customers.length, 0);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
    assert.equal(tenantWarnings().at(-1)?.tenantId, FOREIGN_TENANT);
  });

  it('should greet another tenant’s install of the bot with the refusal instead of the help card', async () => {
    // Arrange
    const thread = channelThread();
    const mallory = rig.user('Mallory', thread, { tenantId: FOREIGN_TENANT });
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await mallory.post({ type: 'conversationUpdate', membersAdded: [BOT] });

    // Assert
    assert.equal(answer.status, 200);
    assert.deepEqual(textsTo(rig.connector, thread.id), [OTHER_TENANT_TEXT]);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
    assert.equal(tenantWarnings().at(-1)?.activityType, 'conversationUpdate');
  });

  it('should treat an activity without a tenant as another tenant’s', async () => {
    // Arrange
    const thread = channelThread();
    const anonymous = rig.user('Nobody', thread);
    const activity = anonymous.activity({ text: 'customers', channelData: {} });
    const { tenantId: _dropped, ...conversation } = activity.conversation as Record<string, unknown>;

    // Act
    await rig.bot.post({ ...activity, conversation });

    // Assert
    assert.deepEqual(textsTo(rig.connector, thread.id), [OTHER_TENANT_TEXT]);
    assert.equal(tenantWarnings().length, 1);
  });

  it('should answer users of the allowed tenants, named in any case, also when only channelData carries the tenant', async () => {
    // Arrange
    const alex = rig.walk('Alex Wilber');
    const chat = personalChat();
    const diego = rig.user('Diego Siciliani', chat, { tenantId: SECOND_TENANT });
    const activity = diego.activity({ text: 'help' });
    const { tenantId: _dropped, ...conversation } = activity.conversation as Record<string, unknown>;

    // Act
    const account = await alex.start();
    await rig.bot.post({ ...activity, conversation });

    // Assert
    assert.equal(cardTitle(account), 'Account info');
    assert.equal(cardTitle(cardOf(rig.connector.sentTo(chat.id)[0])), 'Add Customer bot');
    assert.equal(tenantWarnings().length, 0);
  });
});

describe('who may use the bot: ALLOWED_USER_IDS', () => {
  const listedId = randomUUID();
  const meganId = randomUUID();
  const rig = useBot({ env: { ALLOWED_USER_IDS: listedId.toUpperCase(), APPROVER_IDS: meganId } });

  async function lastAnswerTo(user: TeamsUser, text: string) {
    const answer = await user.say(text);
    assert.equal(answer.status, 200);
    return rig.connector.sentTo(user.conversation.id).at(-1);
  }

  for (const command of ['add customer', 'customers', 'add subscription', 'cancel']) {
    it(`should refuse "${command}" to a user off the list, politely and writing nothing`, async () => {
      // Arrange
      await seedCustomers(rig.bot.store, [['Contoso Pharmaceuticals', 'contosopharma']]);
      const thread = channelThread();
      const nestor = rig.user('Nestor Wilke', thread);
      const before = await readFolder(rig.bot.dataDir);

      // Act
      const answer = await lastAnswerTo(nestor, command);

      // Assert
      assert.match(answer?.activity.text ?? '', UNLISTED_TEXT);
      assert.equal(cardsSentTo(rig.connector, thread.id).length, 0);
      assert.deepEqual(await readFolder(rig.bot.dataDir), before);
    });
  }

  it('should refuse a user off the list in Chinese, and still show them the help card', async () => {
    // Arrange
    const nestor = rig.user('Nestor Wilke', personalChat(), { locale: 'zh-CN' });

    // Act
    const refusal = await lastAnswerTo(nestor, '添加客户');
    const help = await lastAnswerTo(nestor, 'help');

    // Assert
    assert.match(refusal?.activity.text ?? '', UNLISTED_TEXT_ZH);
    assert.equal(cardTitle(cardOf(help)), '添加客户机器人');
  });

  it('should refuse a user off the list who presses a listed user’s dialog card, writing nothing', async () => {
    // Arrange
    const thread = channelThread();
    const listed = rig.walk('Alex Wilber', thread, { aadObjectId: listedId });
    const nestor = rig.user('Nestor Wilke', thread);
    const account = await listed.start();
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await nestor.press(listed.cardId, actionData(account, CARD_VERBS.accountCancel));

    // Assert
    assert.equal(answer.status, 200);
    assert.match(rig.connector.sentTo(thread.id).at(-1)?.activity.text ?? '', UNLISTED_TEXT);
    assert.deepEqual(listed.card(), account);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
  });

  it('should answer the invoke of a user off the list on an approval card with the refusal, writing nothing', async () => {
    // Arrange
    const thread = channelThread();
    const listed = rig.walk('Alex Wilber', thread, { aadObjectId: listedId });
    const nestor = rig.user('Nestor Wilke', thread);
    await listed.start();
    await listed.fillToReview('listedco');
    const { requestCard, approval } = await submitForApproval(listed);
    const before = await readFolder(rig.bot.dataDir);

    // Act
    const answer = await pressExecute(
      nestor,
      approval.activityId,
      CARD_VERBS.approvalRefresh,
      actionData(requestCard, CARD_VERBS.approvalRefresh),
    );

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(answer.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(answer.value), UNLISTED_TEXT);
    assert.deepEqual(await readFolder(rig.bot.dataDir), before);
  });

  it('should let listed users and approvers add customers, list customers and add subscriptions', async () => {
    // Arrange
    await seedCustomers(rig.bot.store, [['Contoso Pharmaceuticals', 'contosopharma']]);
    const thread = channelThread();
    const listed = rig.walk('Alex Wilber', thread, { aadObjectId: listedId });
    const approver = rig.walk('Megan Bowen', thread, { aadObjectId: meganId });

    // Act
    const listedAccount = await listed.start('add customer');
    const listedList = await lastAnswerTo(listed.user, 'customers');
    const approverPicker = await approver.start('add subscription');
    const approverList = await lastAnswerTo(approver.user, 'customers');

    // Assert
    assert.equal(cardTitle(listedAccount), 'Account info');
    assert.equal(cardTitle(cardOf(listedList)), 'Customers');
    assert.equal(cardTitle(approverPicker), 'Add subscription: choose the customer');
    assert.equal(cardTitle(cardOf(approverList)), 'Customers');
  });

  it('should let an approver off the list approve a listed user’s request', async () => {
    // Arrange
    const thread = channelThread();
    const listed = rig.walk('Alex Wilber', thread, { aadObjectId: listedId });
    const megan = rig.user('Megan Bowen', thread, { aadObjectId: meganId });
    await listed.start();
    await listed.fillToReview('approvedlistedco');
    const { requestCard, approval } = await submitForApproval(listed);

    // Act
    const approved = await pressExecute(
      megan,
      approval.activityId,
      CARD_VERBS.approvalApprove,
      actionData(requestCard, CARD_VERBS.approvalRefresh),
    );

    // Assert
    assert.match(cardText(approved.value), /Approved by Megan Bowen/);
    assert.deepEqual(
      (await readStoreFiles(rig.bot.dataDir)).customers.map((customer) => customer.domainPrefix),
      ['approvedlistedco'],
    );
  });
});
