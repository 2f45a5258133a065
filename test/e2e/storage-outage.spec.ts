import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AzureTableCustomerStore } from '../../store/azure/azure-table-customer-store.js';
import { actionData, cardText } from '../helpers/card-queries.js';
import { Azurite } from '../helpers/start-azurite.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';

describe('a bot on Azure Storage while the storage is down', () => {
  const rig = useBotProcesses();
  let folder: string;
  let azurite: Azurite | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'azurite-outage-'));
  });

  afterEach(async () => {
    await azurite?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('should ask the user to try again and save nothing, then let the walk go on once storage is back', async function () {
    this.timeout(90_000);
    // Arrange
    azurite = await Azurite.start({ folder });
    const prefix = `t${randomBytes(5).toString('hex')}`;
    await rig.start({
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_TABLE_PREFIX: prefix,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    });
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('outageco');
    const texts = () =>
      rig.connector.sentTo(walk.user.conversation.id).map((entry) => String(entry.activity.text ?? ''));

    // Act: Submit while Azurite is stopped
    await azurite.stop();
    const answer = await walk.user.press(walk.cardId, actionData(walk.card(), CARD_VERBS.reviewSubmit));
    const duringOutage = texts().at(-1) ?? '';
    await azurite.restart();
    const store = await AzureTableCustomerStore.open({ connectionString: azurite.connectionString }, prefix);
    const afterOutage = await store.searchCustomers({ offset: 0, limit: 10 });
    const unfinishedAfterOutage = await store.unfinishedRequestIds();
    const review = await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(answer.status, 200);
    assert.match(duringOutage, /please try again/);
    assert.equal(afterOutage.total, 0);
    assert.deepEqual(unfinishedAfterOutage, []);
    assert.match(cardText(review), /outageco\.partner\.onmschina\.cn/);
  });
});
