import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import type { JWTPayload } from 'jose';
import sinon from 'sinon';
import type { BotUnderTest } from '../helpers/bot-under-test.js';
import { FakeOpenIdServer, type SigningKey } from '../helpers/fake-openid-server.js';
import { TENANT_ID, type TeamsUser } from '../helpers/teams-user.js';
import { type BotOptions, useBot } from '../helpers/use-bot.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_SECRET = 'app-secret-for-authentication-tests';
const AUTH_TIMEOUT_MS = 400;

describe('authentication of /api/messages with an app id', () => {
  let keys: FakeOpenIdServer;
  let user: TeamsUser;
  let turns: string[];
  let consoleOutput: sinon.SinonStub[];

  const botWithKeysAt = (openIdMetadataUrl: string): BotOptions => ({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_SECRET, ALLOWED_TENANT_IDS: TENANT_ID },
    deps: { botFramework: { openIdMetadataUrl, authTimeoutMs: AUTH_TIMEOUT_MS } },
  });

  function recordTurns(bot: BotUnderTest) {
    turns = [];
    bot.adapter.use(async (context: TurnContext) => {
      turns.push(context.activity.id ?? '');
    });
  }

  const token = (key: SigningKey = 'trusted', claims: JWTPayload = {}) =>
    keys.sign({ appId: APP_ID, serviceUrl: rig.connector.url, key, claims });

  async function postWith(authorization: string | undefined) {
    const started = Date.now();
    const answer = await rig.bot.post(
      user.activity({ text: 'help' }),
      authorization === undefined ? {} : { authorization },
    );
    return { ...answer, elapsedMs: Date.now() - started };
  }

  function printedEverywhere(): string {
    const consoleText = consoleOutput.flatMap((spy) => spy.args.map((args) => args.map(String).join(' ')));
    return [rig.bot.logs.text, ...consoleText].join('\n');
  }

  const rig = useBot(async () => {
    consoleOutput = [sinon.stub(console, 'error'), sinon.stub(console, 'warn'), sinon.stub(console, 'log')];
    keys = new FakeOpenIdServer();
    await keys.start();
    return botWithKeysAt(keys.metadataUrl);
  });

  beforeEach(() => {
    recordTurns(rig.bot);
    user = rig.user('Mallory');
  });

  afterEach(async () => {
    sinon.restore();
    await keys.stop();
  });

  it('should accept a token signed by a published key for this app and this service URL', async () => {
    // Act
    const answer = await postWith(`Bearer ${await token()}`);

    // Assert
    assert.equal(answer.status, 200);
    assert.equal(turns.length, 1);
  });

  const refusals: { name: string; authorization: () => Promise<string | undefined> }[] = [
    { name: 'no Authorization header', authorization: async () => undefined },
    { name: 'a header that is not a bearer token', authorization: async () => 'Basic YWRtaW46YWRtaW4=' },
    { name: 'a malformed token', authorization: async () => 'Bearer not.a.jwt' },
    {
      name: 'a token signed by a key that was never published',
      authorization: async () => `Bearer ${await token('unknown')}`,
    },
    {
      name: 'a token signed by another key under the published key id',
      authorization: async () => `Bearer ${await token('impostor')}`,
    },
    {
      name: 'an expired token',
      authorization: async () =>
        `Bearer ${await token('trusted', { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    },
    {
      name: 'a token for another app (audience)',
      authorization: async () => `Bearer ${await token('trusted', { aud: 'someone-else' })}`,
    },
    {
      name: 'a token from another issuer',
      authorization: async () => `Bearer ${await token('trusted', { iss: 'https://evil.example' })}`,
    },
    {
      name: 'a token for another service URL',
      authorization: async () => `Bearer ${await token('trusted', { serviceurl: 'https://evil.example/' })}`,
    },
  ];

  for (const refusal of refusals) {
    it(`should answer 401 quickly to ${refusal.name}, process nothing and log no token`, async () => {
      // Arrange
      const authorization = await refusal.authorization();

      // Act
      const answer = await postWith(authorization);

      // Assert
      assert.equal(answer.status, 401);
      assert.ok(answer.elapsedMs < 2_000, `answered after ${answer.elapsedMs} ms`);
      assert.deepEqual(turns, []);
      assert.deepEqual(rig.connector.requests, []);
      const jwt = authorization?.replace(/^Bearer /, '') ?? '';
      for (const part of jwt.split('.').filter((piece) => piece.length > 20)) {
        assert.ok(!printedEverywhere().includes(part), 'no part of the token may be printed or logged');
      }
    });
  }

  it('should answer 401 quickly when the OpenID metadata cannot be reached', async () => {
    // Arrange
    const unreachable = keys.metadataUrl;
    await keys.stop();
    recordTurns(await rig.replace(botWithKeysAt(unreachable)));

    // Act
    const answer = await postWith(`Bearer ${await token()}`);

    // Assert
    assert.equal(answer.status, 401);
    assert.ok(answer.elapsedMs < 2_000, `answered after ${answer.elapsedMs} ms`);
    assert.deepEqual(turns, []);
  });

  it('should answer 401 once the authentication timeout passes when the OpenID metadata never answers', async () => {
    // Arrange
    keys.hang = true;

    // Act
    const answer = await postWith(`Bearer ${await token()}`);

    // Assert
    assert.equal(answer.status, 401);
    assert.ok(answer.elapsedMs >= AUTH_TIMEOUT_MS - 50, `answered after ${answer.elapsedMs} ms`);
    assert.ok(answer.elapsedMs < AUTH_TIMEOUT_MS + 1_500, `answered after ${answer.elapsedMs} ms`);
    assert.deepEqual(turns, []);
    assert.match(rig.bot.logs.text, /could not be authenticated/);
  });
});
