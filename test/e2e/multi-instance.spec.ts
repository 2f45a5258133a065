import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AzureTableCustomerStore } from '../../store/azure/azure-table-customer-store.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import type { BotProcess } from '../helpers/bot-process.js';
import { type CardJson, cardOf, cardText } from '../helpers/card-queries.js';
import { sharedAzureSettings, useAzurite } from '../helpers/start-azurite.js';
import { channelThread, pressExecute, TeamsUser } from '../helpers/teams-user.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

type Card = CardJson & { refresh?: { action?: { data?: { requestId?: string } } } };

describe('two bot instances on one Azure Storage account (Azurite)', () => {
  const storage = useAzurite();
  const rig = useBotProcesses();
  let env: Record<string, string>;
  let a: BotProcess;
  let b: BotProcess;

  /** A Teams user whose next activity goes to whichever instance `to` names, as a load balancer would. */
  function userOn(
    to: () => BotProcess,
    name: string,
    conversation = channelThread(),
    aadObjectId = randomUUID(),
  ) {
    const endpoint = { post: (activity: object) => to().post(activity) };
    return new TeamsUser(endpoint, rig.connector, name, conversation, 'en-US', aadObjectId);
  }

  const store = () =>
    AzureTableCustomerStore.open(
      { connectionString: storage.azurite.connectionString },
      env.AZURE_STORAGE_TABLE_PREFIX ?? '',
    );

  async function startBoth(extra: Record<string, string> = {}) {
    env = { ...sharedAzureSettings(storage.azurite), ...extra };
    [a, b] = await Promise.all([rig.start(env), rig.start(env)]);
  }

  it('should continue on instance B a dialog started on instance A', async function () {
    this.timeout(60_000);
    // Arrange
    await startBoth();
    let on = () => a;
    const walk = new AddCustomerWalk(
      userOn(() => on(), 'Alex Wilber'),
      rig.connector,
    );
    await walk.start();

    // Act
    on = () => b;
    await walk.press(CARD_VERBS.accountNext, validAccountInputs('hopco'));
    on = () => a;
    await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    on = () => b;
    const done = await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(done), /hopco\.partner\.onmschina\.cn/);
    await waitUntil(async () => await (await store()).isDomainTaken('hopco'), 'the customer');
    assert.equal((await (await store()).searchCustomers({ offset: 0, limit: 10 })).total, 1);
  });

  it('should create one customer when the same domain is submitted on A and on B at once', async function () {
    this.timeout(60_000);
    // Arrange
    await startBoth();
    const walks = [a, b].map(
      (bot, n) =>
        new AddCustomerWalk(
          userOn(() => bot, n === 0 ? 'Alex Wilber' : 'Megan Bowen'),
          rig.connector,
        ),
    );
    for (const walk of walks) {
      await walk.start();
      await walk.fillToReview('twinco');
    }

    // Act
    await Promise.all(walks.map((walk) => walk.press(CARD_VERBS.reviewSubmit)));

    // Assert
    await waitUntil(
      async () => (await (await store()).unfinishedRequestIds()).length === 0,
      'both creations to end',
    );
    const saved = await (await store()).searchCustomers({ offset: 0, limit: 10 });
    assert.deepEqual(
      saved.customers.map((customer) => customer.domainPrefix),
      ['twinco'],
    );
  });

  it('should decide once when two approvers press on A and on B at the same moment', async function () {
    this.timeout(60_000);
    // Arrange
    const meganId = randomUUID();
    const nestorId = randomUUID();
    await startBoth({ APPROVER_IDS: `${meganId},${nestorId}` });
    const thread = channelThread();
    const walk = new AddCustomerWalk(
      userOn(() => a, 'Alex Wilber', thread),
      rig.connector,
    );
    await walk.start();
    await walk.fillToReview('racingco');
    await walk.press(CARD_VERBS.reviewSubmit);
    const approval = rig.connector
      .shownIn(thread.id)
      .find((entry) => /Approval needed/.test(cardText(cardOf(entry))));
    assert.ok(approval, 'an approval card should be posted');
    const requestId = (cardOf(approval) as Card).refresh?.action?.data?.requestId ?? '';
    const megan = userOn(() => a, 'Megan Bowen', thread, meganId);
    const nestor = userOn(() => b, 'Nestor Wilke', thread, nestorId);

    // Act
    const answers = await Promise.all([
      pressExecute(megan, approval.activityId, CARD_VERBS.approvalApprove, { requestId }),
      pressExecute(nestor, approval.activityId, CARD_VERBS.approvalApprove, { requestId }),
    ]);

    // Assert
    const decided = await (await store()).findRequest(requestId);
    const by = decided?.decision?.by.name ?? '';
    assert.ok(['Megan Bowen', 'Nestor Wilke'].includes(by), `decided by ${by}`);
    for (const answer of answers) assert.match(cardText(answer.value), new RegExp(`Approved by ${by}`));
    await waitUntil(async () => (await (await store()).unfinishedRequestIds()).length === 0, 'the creation');
    assert.equal((await (await store()).searchCustomers({ offset: 0, limit: 10 })).total, 1);
    const approvals = (await (await store()).auditTrail()).filter(
      (entry) => entry.event === 'request.approved',
    );
    assert.equal(approvals.length, 1);
  });

  it('should finish on B, once, the creation A was killed in the middle of', async function () {
    this.timeout(60_000);
    // Arrange: the 1:1 chat hangs, so A is still creating (delivering the credentials) when it dies
    let blocked = true;
    rig.connector.fault = (request) =>
      blocked && request.method === 'POST' && request.path === '/v3/conversations'
        ? { delayMs: 5_000 }
        : undefined;
    await startBoth();
    const walk = new AddCustomerWalk(
      userOn(() => a, 'Alex Wilber'),
      rig.connector,
    );
    await walk.start();
    await walk.fillToReview('crashco');
    await walk.press(CARD_VERBS.reviewSubmit);
    await waitUntil(
      () => rig.connector.requests.some((request) => request.path === '/v3/conversations'),
      'the 1:1 send from A',
    );

    // Act
    await a.kill();
    blocked = false;
    const credentials = () =>
      rig.connector.sent.filter(
        (entry) =>
          entry.conversationId.startsWith('a:personal-') &&
          /Temporary password/.test(cardText(cardOf(entry))),
      );
    await waitUntil(() => credentials().length > 0, 'the credentials from B', 30_000);
    await waitUntil(
      async () => (await (await store()).unfinishedRequestIds()).length === 0,
      'the creation to end',
    );
    // the outbox's delivery (and its audit line) may end after the creation's: each runs under its own lease
    const delivered = async () =>
      (await (await store()).auditTrail()).filter((entry) => entry.event === 'credentials.delivered');
    await waitUntil(async () => (await delivered()).length > 0, 'the delivery to be audited');

    // Assert
    assert.equal(credentials().length, 1);
    const saved = await (await store()).searchCustomers({ offset: 0, limit: 10 });
    assert.deepEqual(
      saved.customers.map((customer) => customer.domainPrefix),
      ['crashco'],
    );
    assert.equal((await delivered()).length, 1);
    assert.match(b.log, /credentials delivered/);
  });
});
