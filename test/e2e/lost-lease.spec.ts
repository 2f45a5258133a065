import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { openTable } from '../../store/azure/azure-account.js';
import { AzureTableCustomerStore } from '../../store/azure/azure-table-customer-store.js';
import { tableKey } from '../../store/azure/table-entity.js';
import { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import type { BotProcess } from '../helpers/bot-process.js';
import { cardOf, cardText } from '../helpers/card-queries.js';
import { deferred } from '../helpers/deferred.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { HoldingProxy } from '../helpers/holding-proxy.js';
import { sharedAzureSettings, useAzurite } from '../helpers/start-azurite.js';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

const STOPPED_CREATING = /creating the customer stopped without writing: its lease was lost/;
const STOPPED_SYNCING = /reading customers from Partner Center stopped without writing: its lease was lost/;

const domainPrefix = 'leaseco';

describe('a bot instance that loses its lease on Azure Storage (two processes, one Azurite)', () => {
  const storage = useAzurite();
  let fake: FakePartnerCenter;
  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
  });
  const rig = useBotProcesses();
  let proxy: HoldingProxy | undefined;
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
    await fake.stop();
  });

  let env: Record<string, string>;
  const store = () =>
    AzureTableCustomerStore.open(
      { connectionString: storage.azurite.connectionString },
      env.AZURE_STORAGE_TABLE_PREFIX ?? '',
    );

  /** Settings both instances share: Azurite, Partner Center (the fake), 2-second leases. */
  function sharedEnv(): Record<string, string> {
    env = {
      ...sharedAzureSettings(storage.azurite),
      PARTNER_CENTER_TENANT_ID: fake.tenantId,
      PARTNER_CENTER_CLIENT_ID: fake.clientId,
      PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
      PARTNER_CENTER_ENDPOINT: fake.url,
      PARTNER_CENTER_AUTHORITY: fake.authority,
    };
    return env;
  }

  /** Starts A, whose table calls pass through a proxy the test controls, and B, and walks a user on A to Submit. */
  async function submitOnA(domainPrefix: string) {
    const shared = sharedEnv();
    const through = await HoldingProxy.inFrontOf(storage.azurite.connectionString, 'Table');
    proxy = through.proxy;
    const [a, b] = await Promise.all([
      rig.start({ ...shared, AZURE_STORAGE_CONNECTION_STRING: through.connectionString }),
      rig.start(shared),
    ]);
    const endpoint = { post: (activity: object) => a.post(activity) };
    const walk = new AddCustomerWalk(
      new TeamsUser(endpoint, rig.connector, 'Alex Wilber', channelThread()),
      rig.connector,
    );
    await walk.start();
    await walk.fillToReview(domainPrefix);
    return { a, b, walk, through: through.proxy };
  }

  const credentialsSent = () =>
    rig.connector.sent.filter(
      (entry) =>
        entry.conversationId.startsWith('a:personal-') && /Temporary password/.test(cardText(cardOf(entry))),
    );

  /** Where the creation of `requestId` stands in the store. */
  const creationOf = async (requestId: string) => (await (await store()).findRequest(requestId))?.creation;

  /** Waits for B to finish the creation A started (created, credentials delivered): its request id and record. */
  async function finishedOnB(b: BotProcess) {
    const created = async () =>
      (await (await store()).auditTrail()).find((entry) => entry.event === 'customer.created');
    await waitUntil(async () => (await created()) !== undefined, 'B to create the customer', 30_000);
    const requestId = (await created())?.requestId ?? '';
    await waitUntil(async () => (await creationOf(requestId))?.state === 'created', 'B to finish', 30_000);
    await waitUntil(() => credentialsSent().length > 0, 'the credentials', 30_000);
    assert.match(b.log, /credentials delivered/);
    return { requestId, byB: await creationOf(requestId) };
  }

  /** Waits for A to say it stopped, or to write over B's record of the creation (which the test then fails on). */
  async function actedOn(a: BotProcess, requestId: string, byB: unknown) {
    await waitUntil(
      async () => STOPPED_CREATING.test(a.log) || !isDeepStrictEqual(await creationOf(requestId), byB),
      'A to act on its answer',
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; A logged:\n${a.log}`);
    });
  }

  /** One customer in the store and in Partner Center, its credentials sent once, B's record untouched, A stopped. */
  async function assertOnceByB(a: BotProcess, requestId: string, byB: unknown) {
    assert.deepEqual(await creationOf(requestId), byB, "B's record of the creation is left as B wrote it");
    const customers = await (await store()).searchCustomers({ offset: 0, limit: 10 });
    assert.deepEqual(
      customers.customers.map((customer) => customer.domainPrefix),
      [domainPrefix],
    );
    assert.equal(fake.customers.length, 1);
    assert.equal(fake.requestsTo('createOrder').length, 1, 'one order call, by B');
    assert.equal(credentialsSent().length, 1);
    assert.match(a.log, STOPPED_CREATING);
  }

  it('should, when its lease expired while Partner Center held its answer, create nothing and send nothing once the answer comes', async function () {
    this.timeout(90_000);
    // Arrange: Partner Center holds its answer to A; A submits.
    const answerToA = deferred();
    const { a, b, walk, through } = await submitOnA(domainPrefix);
    fake.fail('createCustomer', { answerWhen: answerToA.promise });
    await walk.press(CARD_VERBS.reviewSubmit);
    await waitUntil(() => fake.requestsTo('createCustomer').length === 1, "A's call to Partner Center");

    // Act: A can no longer renew its lease; once it expires, B takes the creation over and finishes it.
    through.refuse((request) => (request.url ?? '').includes(`/${env.AZURE_STORAGE_TABLE_PREFIX}leases`));
    const { requestId, byB } = await finishedOnB(b);
    answerToA.resolve();
    await actedOn(a, requestId, byB);

    // Assert
    await assertOnceByB(a, requestId, byB);
  });

  it('should, when it was paused past its lease and B took the creation over, write nothing once it runs again', async function () {
    this.timeout(90_000);
    // Arrange: Partner Center holds its answer to A; A submits.
    const answerToA = deferred();
    const { a, b, walk } = await submitOnA(domainPrefix);
    fake.fail('createCustomer', { answerWhen: answerToA.promise });
    await walk.press(CARD_VERBS.reviewSubmit);
    await waitUntil(() => fake.requestsTo('createCustomer').length === 1, "A's call to Partner Center");

    // Act: A freezes; its lease expires and B takes the creation over. A runs again with its answer waiting.
    a.pause();
    const { requestId, byB } = await finishedOnB(b);
    answerToA.resolve();
    a.resume();
    await actedOn(a, requestId, byB);

    // Assert
    await assertOnceByB(a, requestId, byB);
  });

  it('should stop a customer sync that lost its lease, without writing the page it held, older than what B wrote', async function () {
    this.timeout(90_000);
    // Arrange: a customer made in the portal; Partner Center holds its answer to A's first read.
    const portal = fake.addCustomer({ domain: 'portalco.partner.onmschina.cn', companyName: 'Portal Co.' });
    const answerToA = deferred();
    fake.fail('listCustomers', { answerWhen: answerToA.promise });
    const shared = sharedEnv();
    const a = await rig.start(shared);
    await waitUntil(() => fake.requestsTo('listCustomers').length === 1, "A's read of the customers");
    const leases = await openTable(
      { connectionString: storage.azurite.connectionString },
      `${shared.AZURE_STORAGE_TABLE_PREFIX}leases`,
    );
    const claimExpired = async () => {
      const claim = await leases.getEntity('leases', tableKey('customer-sync'));
      return Number(claim.expiresAt) < Date.now();
    };

    // Act: A freezes past its lease; the customer is renamed in the portal, and B starts and reads it.
    a.pause();
    await waitUntil(claimExpired, "A's claim to expire");
    portal.companyProfile.companyName = 'Portal Co. Renamed';
    const b = await rig.start(shared);
    await waitUntil(() => /customers read from Partner Center/.test(b.log), "B's read of the customers");
    answerToA.resolve();
    a.resume();
    const nameNow = async () => (await (await store()).findById(portal.id))?.companyName;
    await waitUntil(
      async () =>
        STOPPED_SYNCING.test(a.log) ||
        /customers read from Partner Center/.test(a.log) ||
        (await nameNow()) !== 'Portal Co. Renamed',
      'A to act on its answer',
      30_000,
    );

    // Assert
    assert.equal(await nameNow(), 'Portal Co. Renamed');
    assert.match(a.log, STOPPED_SYNCING);
    assert.doesNotMatch(a.log, /customers read from Partner Center/);
  });
});
