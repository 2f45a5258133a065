import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { cardText } from '../helpers/card-queries.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('a bot process killed while creating a customer in Partner Center', () => {
  let fake: FakePartnerCenter;
  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
  });
  const rig = useBotProcesses();
  afterEach(async () => {
    await fake.stop();
  });

  it('should, once started again, finish it with one customer, one order and the credentials sent once', async function () {
    this.timeout(60_000);
    // Arrange: the order call never answers; the first process is killed while it waits
    const { connector, dataDir } = rig;
    const env = {
      PARTNER_CENTER_TENANT_ID: fake.tenantId,
      PARTNER_CENTER_CLIENT_ID: fake.clientId,
      PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
      PARTNER_CENTER_ENDPOINT: fake.url,
      PARTNER_CENTER_AUTHORITY: fake.authority,
    };
    const first = await rig.start(env);
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('fabrikam');
    fake.fail('createOrder', { hang: true });
    await walk.press(CARD_VERBS.reviewSubmit);
    await waitUntil(() => fake.requestsTo('createOrder').length === 1, 'the order call');

    // Act
    await first.kill();
    await rig.start(env);
    const credentials = () =>
      connector.sent.filter((message) =>
        connector.createdConversations.some((created) => created.conversationId === message.conversationId),
      );
    await waitUntil(() => credentials().length > 0, 'the credentials');
    await waitUntil(
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
