import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { FakeChannelLogin } from '../helpers/fake-channel-login.js';
import { CHANNEL_ISSUER, FakeOpenIdServer } from '../helpers/fake-openid-server.js';
import { TENANT_ID, type TeamsUser } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const CHINA_ISSUER = 'https://api.botframework.azure.cn';

describe('authentication with BOT_CLOUD=china', () => {
  let keys: FakeOpenIdServer;
  let login: FakeChannelLogin;
  let appId: string;
  let user: TeamsUser;
  let turns: string[];

  const rig = useBot(async () => {
    sinon.stub(console, 'error');
    keys = new FakeOpenIdServer();
    await keys.start();
    login = new FakeChannelLogin();
    await login.start();
    // A new app id per test: the SDK caches the bot's own tokens per app id for the whole process.
    appId = randomUUID();
    return {
      env: {
        BOT_CLOUD: 'china',
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 'app-secret-for-china-cloud-tests',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT_ID,
        // Only the URLs the bot fetches from are redirected, to the local fakes; issuer and scope stay 21Vianet's.
        ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
        ToChannelFromBotLoginUrl: `${login.origin}/${TENANT_ID}`,
      },
    };
  });

  beforeEach(() => {
    turns = [];
    rig.bot.adapter.use(async (context: TurnContext, next) => {
      turns.push(context.activity.id ?? '');
      await next();
    });
    user = rig.user('Wei');
  });

  afterEach(async () => {
    sinon.restore();
    await keys.stop();
    await login.stop();
  });

  const tokenFrom = (issuer: string) =>
    keys.sign({ appId, serviceUrl: rig.connector.url, claims: { iss: issuer } });

  it('should accept a token from the 21Vianet channel and answer with a token from the 21Vianet login', async () => {
    // Act
    const answer = await rig.bot.post(user.activity({ text: 'help' }), {
      authorization: `Bearer ${await tokenFrom(CHINA_ISSUER)}`,
    });

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(turns.length, 1);
    assert.equal(rig.connector.sent.length, 1, 'the help card reached the Bot Connector');
    assert.deepEqual(login.tokenRequests, [
      {
        tenant: TENANT_ID,
        clientId: appId,
        scope: 'https://api.botframework.azure.cn/.default',
        grantType: 'client_credentials',
      },
    ]);
  });

  it('should refuse with 401 a token from the public-cloud channel, and get no token of its own', async () => {
    // Act
    const answer = await rig.bot.post(user.activity({ text: 'help' }), {
      authorization: `Bearer ${await tokenFrom(CHANNEL_ISSUER)}`,
    });

    // Assert
    assert.equal(answer.status, 401);
    assert.deepEqual(turns, []);
    assert.deepEqual(rig.connector.requests, []);
    assert.deepEqual(login.paths, []);
  });
});
