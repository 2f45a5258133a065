import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sinon from 'sinon';
import { FakeOpenIdServer } from '../helpers/fake-openid-server.js';
import { TENANT_ID } from '../helpers/teams-user.js';
import { type BotOptions, useBot } from '../helpers/use-bot.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const FORGED_REQUESTS = 500;
const WARM_UP_REQUESTS = 200;
const CONCURRENCY = 50;
const BODY_PADDING = 'x'.repeat(100_000);
const MAX_RSS_GROWTH_BYTES = 100 * 1024 * 1024;
const MAX_METADATA_FETCHES = 3;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function rssAfterGarbageCollection(): number {
  collectGarbage();
  return process.memoryUsage().rss;
}

/** The bot with an app id, its OpenID metadata at `metadataUrl`, remembering an outage for `memoryMs`. */
function outageOptions(metadataUrl: string, memoryMs: number): BotOptions {
  return {
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'app-secret-for-outage-tests',
      ALLOWED_TENANT_IDS: TENANT_ID,
    },
    deps: {
      botFramework: { openIdMetadataUrl: metadataUrl, authTimeoutMs: 400, metadataOutageMemoryMs: memoryMs },
    },
  };
}

describe('authentication of /api/messages while the OpenID metadata cannot be read', () => {
  let keys: FakeOpenIdServer;

  const rig = useBot(async (): Promise<BotOptions> => {
    sinon.replace(console, 'error', () => undefined);
    keys = new FakeOpenIdServer();
    await keys.start();
    return outageOptions(keys.metadataUrl, 60_000);
  });

  afterEach(async () => {
    sinon.restore();
    await keys.stop();
  });

  async function sendForgedRequests(count: number): Promise<Set<number>> {
    const user = rig.user('Mallory');
    const authorization = `Bearer ${await keys.sign({ appId: APP_ID, serviceUrl: rig.connector.url, key: 'impostor' })}`;
    const statuses = new Set<number>();
    let sent = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < count) {
          sent += 1;
          const answer = await rig.bot.postOnly(user.activity({ text: BODY_PADDING }), { authorization });
          statuses.add(answer.status);
        }
      }),
    );
    return statuses;
  }

  for (const outage of ['answers 503', 'never answers'] as const) {
    it(`should answer 401 to ${FORGED_REQUESTS} forged requests when the metadata ${outage}, with a handful of fetches and bounded memory`, async () => {
      // Arrange
      if (outage === 'never answers') keys.hang = true;
      else keys.fail = true;

      await sendForgedRequests(WARM_UP_REQUESTS);
      const rssBefore = rssAfterGarbageCollection();

      // Act
      const statuses = await sendForgedRequests(FORGED_REQUESTS);

      // Assert
      const rssGrowth = rssAfterGarbageCollection() - rssBefore;
      assert.deepEqual([...statuses], [401]);
      assert.ok(keys.requests >= 1, 'the metadata must have been asked for at least once');
      assert.ok(keys.requests <= MAX_METADATA_FETCHES, `the metadata was fetched ${keys.requests} times`);
      assert.ok(rssGrowth < MAX_RSS_GROWTH_BYTES, `RSS grew by ${Math.round(rssGrowth / 2 ** 20)} MB`);
      assert.match(rig.bot.logs.text, /not fetched again yet/);
    }).timeout(30_000);
  }

  it('should refuse without fetching while it remembers a failure, and authenticate again after', async () => {
    // Arrange
    const bot = await rig.replace(outageOptions(keys.metadataUrl, 300));
    const user = rig.user('Alice');
    const headers = {
      authorization: `Bearer ${await keys.sign({ appId: APP_ID, serviceUrl: rig.connector.url })}`,
    };
    keys.fail = true;
    const failed = await bot.postOnly(user.activity({ text: 'help' }), headers);
    keys.fail = false;

    // Act
    const remembered = await bot.postOnly(user.activity({ text: 'help' }), headers);
    const fetchesWhileRemembered = keys.requests;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const accepted = await bot.postOnly(user.activity({ text: 'help' }), headers);

    // Assert
    assert.equal(failed.status, 401);
    assert.equal(remembered.status, 401);
    assert.equal(fetchesWhileRemembered, 1);
    assert.equal(accepted.status, 200);
  });
});
