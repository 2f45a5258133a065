import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import { BotProcess } from '../helpers/bot-process.js';
import { cardText } from '../helpers/card-queries.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';

/** Waits until `condition` holds, checking every 20 ms, for at most `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 15_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a bot process killed while creating a customer in Partner Center', () => {
  let fake: FakePartnerCenter;
  let connector: FakeBotConnector;
  let dataDir: string;
  let bots: BotProcess[];

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
    connector = new FakeBotConnector();
    await connector.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-crash-'));
    bots = [];
  });

  afterEach(async () => {
    for (const bot of bots) await bot.kill();
    await connector.stop();
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should, once started again, finish it with one customer, one order and the credentials sent once', async function () {
    this.timeout(60_000);
    // Arrange: the order call never answers; the first process is killed while it waits
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      PARTNER_CENTER_TENANT_ID: fake.tenantId,
      PARTNER_CENTER_CLIENT_ID: fake.clientId,
      PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
      PARTNER_CENTER_ENDPOINT: fake.url,
      PARTNER_CENTER_AUTHORITY: fake.authority,
    };
    bots.push(await BotProcess.start(env));
    const endpoint = { post: (activity: object) => (bots.at(-1) as BotProcess).post(activity) };
    const walk = new AddCustomerWalk(
      new TeamsUser(endpoint, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    await walk.fillToReview('fabrikam');
    fake.fail('createOrder', { hang: true });
    await walk.press(CARD_VERBS.reviewSubmit);
    await until(() => fake.requestsTo('createOrder').length === 1, 'the order call');

    // Act
    await bots[0]?.kill();
    bots.push(await BotProcess.start(env));
    const credentials = () =>
      connector.sent.filter((message) =>
        connector.createdConversations.some((created) => created.conversationId === message.conversationId),
      );
    await until(() => credentials().length > 0, 'the credentials');
    await until(
      () => /created in Partner Center/.test(cardText(walk.card())),
      'the Review card to say Created',
    );

    // Assert
    assert.equal(fake.customers.length, 1);
    assert.equal(fake.ordersOf(fake.customers[0]?.id ?? '').length, 1);
    assert.equal(credentials().length, 1);
    const password = fake.customers[0]?.userCredentials?.password ?? '';
    const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      assert.ok(!text.includes(password), `${file.name} must not hold the password`);
    }
  });
});
