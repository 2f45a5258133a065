import assert from 'node:assert/strict';
import { BOT_FRAMEWORK_URL_SETTINGS } from '../../../bot/config/bot-framework-settings.js';
import { ConfigError, loadConfig } from '../../../bot/config/load-config.js';

const APP_ID = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
const TENANT_ID = '0b1e6c2a-3d4f-4a5b-8c7d-9e0f1a2b3c4d';

const chinaBot = {
  BOT_CLOUD: 'china',
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'app-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
  ALLOWED_TENANT_IDS: TENANT_ID,
};

/** The configuration problems `env` is refused with, one line each. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message.split('\n').slice(1);
  }
  assert.fail('expected the configuration to be refused');
}

describe('loadConfig: BOT_CLOUD and the Bot Framework endpoints', () => {
  it('should use the 21Vianet endpoints, with the app tenant in the login URLs, when BOT_CLOUD=china', () => {
    // Act
    const { botFramework } = loadConfig(chinaBot);

    // Assert
    assert.deepEqual(botFramework, {
      cloud: 'china',
      settings: {
        OAuthUrl: 'https://token.botframework.azure.cn/',
        ToChannelFromBotLoginUrl: `https://login.partner.microsoftonline.cn/${TENANT_ID}`,
        ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
        ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
        ToBotFromChannelOpenIdMetadataUrl:
          'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
        ToBotFromEmulatorOpenIdMetadataUrl: `https://login.partner.microsoftonline.cn/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
        ValidateAuthority: true,
      },
    });
  });

  it('should let an environment variable of the same name override each setting, in either cloud', () => {
    for (const cloud of ['public', 'china']) {
      // Arrange
      const overrides = Object.fromEntries(
        BOT_FRAMEWORK_URL_SETTINGS.map((name) => [name, `https://override.example.cn/${name}`]),
      );

      // Act
      const { settings } = loadConfig({
        ...chinaBot,
        BOT_CLOUD: cloud,
        ...overrides,
        ValidateAuthority: 'false',
      }).botFramework;

      // Assert
      for (const name of BOT_FRAMEWORK_URL_SETTINGS) assert.equal(settings[name], overrides[name]);
      assert.equal(settings.ValidateAuthority, false);
    }
  });

  it('should refuse a value with a stray trailing comma, naming the setting and the comma', () => {
    // Act
    const problems = problemsOf({ ...chinaBot, OAuthUrl: 'https://token.botframework.azure.cn/,' });

    // Assert
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^- OAuthUrl: ends with a comma .*remove it/);
  });

  it('should list every bad setting at once, with the other configuration problems', () => {
    // Act
    const problems = problemsOf({
      ...chinaBot,
      MicrosoftAppType: 'MultiTenant',
      ToChannelFromBotLoginUrl: 'login.partner.microsoftonline.cn',
      ToBotFromChannelTokenIssuer: 'ftp://api.botframework.azure.cn',
      ToBotFromChannelOpenIdMetadataUrl:
        'http://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
      ValidateAuthority: 'yes',
      PORT: 'abc',
    });

    // Assert
    const named = problems.map((line) => /^- (\w+):/.exec(line)?.[1]);
    assert.deepEqual(
      new Set(named),
      new Set([
        'PORT',
        'MicrosoftAppType',
        'ToChannelFromBotLoginUrl',
        'ToBotFromChannelTokenIssuer',
        'ToBotFromChannelOpenIdMetadataUrl',
        'ValidateAuthority',
      ]),
    );
  });

  it('should accept http on 127.0.0.1 for local fakes, but not when NODE_ENV=production', () => {
    // Arrange
    const local = { ...chinaBot, ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/v1/openid' };

    // Act
    const settings = loadConfig(local).botFramework.settings;
    const problems = problemsOf({
      ...local,
      NODE_ENV: 'production',
      DATA_DIR: '/home/data',
      CREDENTIALS_KEY: Buffer.alloc(32, 1).toString('base64'),
      PARTNER_CENTER: 'local',
    });

    // Assert
    assert.equal(settings.ToBotFromChannelOpenIdMetadataUrl, 'http://127.0.0.1:4000/v1/openid');
    assert.equal(problems.length, 1);
    assert.match(
      problems[0] ?? '',
      /^- ToBotFromChannelOpenIdMetadataUrl: must be an https URL when NODE_ENV=production/,
    );
  });

  it('should refuse a multi-tenant app in the 21Vianet cloud and accept single-tenant and managed identities', () => {
    // Act
    const problems = problemsOf({ ...chinaBot, MicrosoftAppType: '' });
    const managedIdentity = loadConfig({
      ...chinaBot,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppPassword: '',
    });

    // Assert
    assert.equal(problems.length, 1);
    assert.match(
      problems[0] ?? '',
      /^- MicrosoftAppType: must be SingleTenant or UserAssignedMSI when BOT_CLOUD=china \(multi-tenant bots can no longer be created since 31 July 2025\)/,
    );
    assert.equal(managedIdentity.auth.appType, 'UserAssignedMSI');
    assert.equal(managedIdentity.botFramework.cloud, 'china');
  });

  it('should refuse a cloud it does not know, and read the public cloud by default', () => {
    assert.match(problemsOf({ BOT_CLOUD: 'usgov' }).join('\n'), /^- BOT_CLOUD: must be public or china/);
    assert.equal(loadConfig({ BOT_CLOUD: ' ' }).botFramework.cloud, 'public');
    assert.equal(loadConfig({ BOT_CLOUD: 'China' }).botFramework.cloud, 'china');
  });
});
