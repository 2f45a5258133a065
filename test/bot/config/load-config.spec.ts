import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../bot/config/load-config.js';

const GUID_A = '6F9619FF-8B86-D011-B42D-00C04FC964FF';
const GUID_B = '0b1e6c2a-3d4f-4a5b-8c7d-9e0f1a2b3c4d';
const KEY = Buffer.alloc(32, 7).toString('base64');

function configErrorNaming(...variables: string[]) {
  return (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.code, 'CONFIG_INVALID');
    for (const variable of variables) {
      assert.match(
        error.message,
        new RegExp(`^- ${variable}(\\.\\d+)?: `, 'm'),
        `expected "${error.message}" to name ${variable}`,
      );
    }
    return true;
  };
}

describe('loadConfig', () => {
  it('should use the defaults for an empty environment', () => {
    const config = loadConfig({});

    assert.deepEqual(config, {
      port: 3978,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      auth: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined },
      botFramework: {
        cloud: 'public',
        settings: {
          OAuthUrl: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToBotFromChannelOpenIdMetadataUrl:
            'https://login.botframework.com/v1/.well-known/openidconfiguration',
          ToBotFromEmulatorOpenIdMetadataUrl:
            'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
          ValidateAuthority: true,
          CallerId: 'urn:botframework:azure',
        },
      },
      approverIds: [],
      allowedTenantIds: undefined,
      allowedUserIds: undefined,
      resellerInviteUrl: undefined,
      partnerEmailDomains: [],
      offersFile: undefined,
      partnerCenter: undefined,
      logLevel: 'info',
      localOnly: true,
      credentialsKey: undefined,
      storage: { kind: 'json' },
    });
  });

  it('should treat empty and blank strings as unset', () => {
    const names = ['PORT', 'HOST', 'DATA_DIR', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType'];
    const more = [
      'APPROVER_IDS',
      'ALLOWED_TENANT_IDS',
      'ALLOWED_USER_IDS',
      'RESELLER_INVITE_URL',
      'PARTNER_EMAIL_DOMAINS',
      'OFFERS_FILE',
      'LOG_LEVEL',
      'CREDENTIALS_KEY',
    ];
    const env = Object.fromEntries([...names, ...more].map((name, i) => [name, i % 2 === 0 ? '' : '  ']));

    const config = loadConfig(env);

    assert.deepEqual(config, loadConfig({}));
  });

  it('should read the port, host, data directory and log level', () => {
    const env = { PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/var/lib/bot', LOG_LEVEL: 'debug' };

    const config = loadConfig(env);

    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.resolve('/var/lib/bot'));
    assert.equal(config.logLevel, 'debug');
  });

  for (const port of ['abc', '0', '65536', '80.5', '-1']) {
    it(`should reject PORT=${port}, naming PORT`, () => {
      assert.throws(() => loadConfig({ PORT: port }), configErrorNaming('PORT'));
    });
  }

  for (const [port, expected] of [
    ['1', 1],
    ['80', 80],
    ['65535', 65535],
  ] as const) {
    it(`should accept PORT=${port} as ${expected}`, () => {
      assert.equal(loadConfig({ PORT: port }).port, expected);
    });
  }

  for (const port of ['0x50', '1e3', '8e1', '+80', '0b1010', 'Infinity', '99999', '123456', '٨٠']) {
    it(`should reject PORT=${port}, which is not 1-5 decimal digits from 1 to 65535, naming PORT`, () => {
      assert.throws(() => loadConfig({ PORT: port }), configErrorNaming('PORT'));
    });
  }

  it('should parse APPROVER_IDS as a comma-separated, lower-cased list ignoring blanks', () => {
    const config = loadConfig({ APPROVER_IDS: ` ${GUID_A} , ,${GUID_B},` });

    assert.deepEqual(config.approverIds, [GUID_A.toLowerCase(), GUID_B]);
  });

  it('should reject an APPROVER_IDS entry that is not a GUID, naming APPROVER_IDS', () => {
    assert.throws(
      () => loadConfig({ APPROVER_IDS: `${GUID_A},not-a-guid` }),
      configErrorNaming('APPROVER_IDS\\.1'),
    );
  });

  it("should accept the Agents Playground's user id, whose last group has 13 digits", () => {
    const playgroundUser = '00000000-0000-0000-0000-0000000000020';

    const config = loadConfig({ APPROVER_IDS: `${GUID_A},${playgroundUser}` });

    assert.deepEqual(config.approverIds, [GUID_A.toLowerCase(), playgroundUser]);
  });

  const notGuids: [string, string][] = [
    ['37 letters', 'a'.repeat(37)],
    ['36 dashes', '-'.repeat(36)],
    ['36 hex digits without dashes', 'a'.repeat(36)],
    ['32 hex digits without dashes', GUID_B.replaceAll('-', '')],
    ['a GUID in braces', `{${GUID_B}}`],
    ['a last group of 14 digits', `${GUID_B}00`],
    ['a last group of 11 digits', GUID_B.slice(0, -1)],
    ['dashes in the wrong places', '0b1e6c2a3-d4f-4a5b-8c7d-9e0f1a2b3c4d'],
    ['a non-hex letter', GUID_B.replace('b', 'g')],
  ];
  for (const [description, id] of notGuids) {
    it(`should reject an APPROVER_IDS entry of ${description}, naming APPROVER_IDS`, () => {
      assert.throws(() => loadConfig({ APPROVER_IDS: id }), configErrorNaming('APPROVER_IDS\\.0'));
    });
  }

  it('should lower-case PARTNER_EMAIL_DOMAINS', () => {
    const config = loadConfig({ PARTNER_EMAIL_DOMAINS: 'Contoso.COM, FABRIKAM.com.cn ' });

    assert.deepEqual(config.partnerEmailDomains, ['contoso.com', 'fabrikam.com.cn']);
  });

  it('should reject a partner email domain without a top-level domain', () => {
    assert.throws(
      () => loadConfig({ PARTNER_EMAIL_DOMAINS: 'contoso' }),
      configErrorNaming('PARTNER_EMAIL_DOMAINS'),
    );
  });

  it('should accept an https RESELLER_INVITE_URL and reject plain http', () => {
    const url = 'https://admin.partner.microsoftonline.cn/invite?id=1';

    assert.equal(loadConfig({ RESELLER_INVITE_URL: url }).resellerInviteUrl, url);
    assert.throws(
      () => loadConfig({ RESELLER_INVITE_URL: 'http://example.cn/invite' }),
      configErrorNaming('RESELLER_INVITE_URL'),
    );
  });

  it('should require MicrosoftAppId when NODE_ENV=production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), configErrorNaming('MicrosoftAppId'));
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: ' ' }),
      configErrorNaming('MicrosoftAppId'),
    );
  });

  it('should require MicrosoftAppPassword when MicrosoftAppId is set', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: GUID_A }), configErrorNaming('MicrosoftAppPassword'));
    assert.throws(
      () => loadConfig({ MicrosoftAppId: GUID_A, MicrosoftAppPassword: '' }),
      configErrorNaming('MicrosoftAppPassword'),
    );
  });

  it('should not require a password for a user-assigned managed identity', () => {
    const config = loadConfig({
      MicrosoftAppId: GUID_A,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: GUID_B,
      ALLOWED_TENANT_IDS: GUID_B,
      NODE_ENV: 'production',
      DATA_DIR: '/home/data',
      PARTNER_CENTER: 'local',
      CREDENTIALS_KEY: KEY,
    });

    assert.equal(config.auth.appType, 'UserAssignedMSI');
    assert.equal(config.localOnly, false);
  });

  it('should authenticate requests when the app id and password are set', () => {
    const env = {
      NODE_ENV: 'production',
      DATA_DIR: '/home/data',
      MicrosoftAppId: GUID_A,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: GUID_B,
      PARTNER_CENTER: 'local',
      CREDENTIALS_KEY: KEY,
    };

    const config = loadConfig(env);

    assert.deepEqual(config.auth, {
      appId: GUID_A,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: GUID_B,
    });
    assert.equal(config.localOnly, false);
    assert.deepEqual(config.allowedTenantIds, [GUID_B]);
  });

  it('should list every invalid variable at once', () => {
    const env = {
      PORT: 'abc',
      APPROVER_IDS: 'bad',
      PARTNER_EMAIL_DOMAINS: 'x',
      LOG_LEVEL: 'loud',
      MicrosoftAppType: 'Legacy',
      RESELLER_INVITE_URL: 'ftp://example.cn',
    };

    assert.throws(
      () => loadConfig(env),
      configErrorNaming(
        'PORT',
        'APPROVER_IDS',
        'PARTNER_EMAIL_DOMAINS',
        'LOG_LEVEL',
        'MicrosoftAppType',
        'RESELLER_INVITE_URL',
      ),
    );
  });

  it('should list a format problem and a missing app id at once', () => {
    const env = { PORT: 'abc', NODE_ENV: 'production' };

    assert.throws(() => loadConfig(env), configErrorNaming('PORT', 'MicrosoftAppId'));
  });

  it('should list a format problem and a missing app password at once', () => {
    const env = { LOG_LEVEL: 'loud', MicrosoftAppId: 'x' };

    assert.throws(() => loadConfig(env), configErrorNaming('LOG_LEVEL', 'MicrosoftAppPassword'));
  });

  it('should list a format problem and a missing tenant id at once', () => {
    const env = {
      APPROVER_IDS: 'bad',
      MicrosoftAppId: GUID_A,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
    };

    assert.throws(() => loadConfig(env), configErrorNaming('APPROVER_IDS', 'MicrosoftAppTenantId'));
  });

  it('should still require the password when MicrosoftAppType itself is invalid', () => {
    const env = { MicrosoftAppId: GUID_A, MicrosoftAppType: 'Legacy' };

    assert.throws(() => loadConfig(env), configErrorNaming('MicrosoftAppType', 'MicrosoftAppPassword'));
  });

  it('should list every missing credential at once', () => {
    const env = { MicrosoftAppId: GUID_A, MicrosoftAppType: 'SingleTenant' };

    assert.throws(() => loadConfig(env), configErrorNaming('MicrosoftAppPassword', 'MicrosoftAppTenantId'));
  });

  describe('who may use the bot', () => {
    const playgroundTenant = '00000000-0000-0000-0000-0000000000001';
    const multiTenantApp = { MicrosoftAppId: GUID_A, MicrosoftAppPassword: 'secret' };

    it('should parse ALLOWED_TENANT_IDS as a comma-separated, lower-cased list ignoring blanks', () => {
      const config = loadConfig({ ALLOWED_TENANT_IDS: ` ${GUID_A} , ,${playgroundTenant},` });

      assert.deepEqual(config.allowedTenantIds, [GUID_A.toLowerCase(), playgroundTenant]);
    });

    it('should enforce ALLOWED_TENANT_IDS without an app id, as in local runs and tests', () => {
      const config = loadConfig({ ALLOWED_TENANT_IDS: GUID_B });

      assert.equal(config.localOnly, true);
      assert.deepEqual(config.allowedTenantIds, [GUID_B]);
    });

    it('should reject an ALLOWED_TENANT_IDS entry that is not a GUID, naming ALLOWED_TENANT_IDS', () => {
      assert.throws(
        () => loadConfig({ ALLOWED_TENANT_IDS: `${GUID_A},contoso.onmicrosoft.com` }),
        configErrorNaming('ALLOWED_TENANT_IDS\\.1'),
      );
    });

    it('should reject an ALLOWED_TENANT_IDS of commas only rather than refuse every tenant', () => {
      assert.throws(
        () => loadConfig({ ALLOWED_TENANT_IDS: ' , ,' }),
        configErrorNaming('ALLOWED_TENANT_IDS'),
      );
    });

    for (const appType of ['MultiTenant', 'UserAssignedMSI']) {
      it(`should require ALLOWED_TENANT_IDS with an app id of type ${appType}, listed with the other problems`, () => {
        const env = { MicrosoftAppId: GUID_A, MicrosoftAppType: appType, PORT: 'abc' };

        assert.throws(
          () => loadConfig(env),
          (error: unknown) =>
            configErrorNaming('ALLOWED_TENANT_IDS', 'PORT')(error) &&
            /^- ALLOWED_TENANT_IDS: must be set when MicrosoftAppId is set/m.test((error as Error).message),
        );
      });
    }

    it('should take the tenant of a single-tenant app as ALLOWED_TENANT_IDS when unset', () => {
      const env = {
        ...multiTenantApp,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: GUID_A,
      };

      assert.deepEqual(loadConfig(env).allowedTenantIds, [GUID_A.toLowerCase()]);
      assert.deepEqual(loadConfig({ ...env, ALLOWED_TENANT_IDS: GUID_B }).allowedTenantIds, [GUID_B]);
    });

    it('should require ALLOWED_TENANT_IDS for a single-tenant app whose tenant is given as a domain', () => {
      const env = {
        ...multiTenantApp,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 'contoso.partner.onmschina.cn',
      };

      assert.throws(() => loadConfig(env), configErrorNaming('ALLOWED_TENANT_IDS'));
      assert.deepEqual(loadConfig({ ...env, ALLOWED_TENANT_IDS: GUID_B }).allowedTenantIds, [GUID_B]);
    });

    it('should accept an app id with ALLOWED_TENANT_IDS', () => {
      const config = loadConfig({ ...multiTenantApp, ALLOWED_TENANT_IDS: GUID_B });

      assert.deepEqual(config.allowedTenantIds, [GUID_B]);
      assert.equal(config.localOnly, false);
    });

    it("should parse ALLOWED_USER_IDS as lower-cased Entra object ids, the Playground's user included", () => {
      const playgroundUser = '00000000-0000-0000-0000-0000000000020';

      const config = loadConfig({ ALLOWED_USER_IDS: `${GUID_A}, ${playgroundUser}` });

      assert.deepEqual(config.allowedUserIds, [GUID_A.toLowerCase(), playgroundUser]);
    });

    it('should reject an ALLOWED_USER_IDS entry that is not a GUID, naming ALLOWED_USER_IDS', () => {
      assert.throws(
        () => loadConfig({ ALLOWED_USER_IDS: 'alex@contoso.com' }),
        configErrorNaming('ALLOWED_USER_IDS\\.0'),
      );
    });
  });

  describe('Partner Center', () => {
    const partnerCenter = {
      PARTNER_CENTER_TENANT_ID: GUID_B,
      PARTNER_CENTER_CLIENT_ID: GUID_A,
      PARTNER_CENTER_CLIENT_SECRET: 'pc-secret-value',
    };

    it('should create customers in Partner Center operated by 21Vianet when the app registration is set', () => {
      const config = loadConfig(partnerCenter);

      assert.deepEqual(config.partnerCenter, {
        tenantId: GUID_B,
        clientId: GUID_A,
        clientSecret: 'pc-secret-value',
        endpoint: 'https://partner.partnercenterapi.microsoftonline.cn',
        authority: 'https://login.chinacloudapi.cn',
      });
    });

    it('should take another endpoint and authority, without a trailing slash', () => {
      const config = loadConfig({
        ...partnerCenter,
        PARTNER_CENTER_ENDPOINT: 'https://127.0.0.1:8443/',
        PARTNER_CENTER_AUTHORITY: 'https://127.0.0.1:8443',
      });

      assert.equal(config.partnerCenter?.endpoint, 'https://127.0.0.1:8443');
      assert.equal(config.partnerCenter?.authority, 'https://127.0.0.1:8443');
    });

    it('should require the tenant and the secret with a client id, naming both', () => {
      assert.throws(
        () => loadConfig({ PARTNER_CENTER_CLIENT_ID: GUID_A }),
        configErrorNaming('PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_SECRET'),
      );
    });

    it('should refuse an endpoint or authority that is not https', () => {
      assert.throws(
        () =>
          loadConfig({
            ...partnerCenter,
            PARTNER_CENTER_ENDPOINT: 'http://partner.example.cn',
            PARTNER_CENTER_AUTHORITY: 'login',
          }),
        configErrorNaming('PARTNER_CENTER_ENDPOINT', 'PARTNER_CENTER_AUTHORITY'),
      );
    });

    it('should refuse, in production, the local store chosen by omission, and accept it chosen on purpose', () => {
      const production = {
        NODE_ENV: 'production',
        DATA_DIR: '/home/data',
        MicrosoftAppId: GUID_A,
        MicrosoftAppPassword: 'x',
        ALLOWED_TENANT_IDS: GUID_B,
        CREDENTIALS_KEY: KEY,
      };

      assert.throws(() => loadConfig(production), configErrorNaming('PARTNER_CENTER_CLIENT_ID'));
      assert.equal(loadConfig({ ...production, PARTNER_CENTER: 'local' }).partnerCenter, undefined);
      assert.equal(loadConfig({ ...production, ...partnerCenter }).partnerCenter?.clientId, GUID_A);
    });

    it('should refuse PARTNER_CENTER=local beside a client id, and any other value', () => {
      assert.throws(
        () => loadConfig({ ...partnerCenter, PARTNER_CENTER: 'local' }),
        configErrorNaming('PARTNER_CENTER'),
      );
      assert.throws(() => loadConfig({ PARTNER_CENTER: 'remote' }), configErrorNaming('PARTNER_CENTER'));
    });

    it('should never put the client secret in a configuration error', () => {
      assert.throws(
        () =>
          loadConfig({ ...partnerCenter, PARTNER_CENTER_TENANT_ID: '', PARTNER_CENTER_ENDPOINT: 'ftp://x' }),
        (error: unknown) => error instanceof ConfigError && !error.message.includes('pc-secret-value'),
      );
    });
  });
  describe('CREDENTIALS_KEY', () => {
    it('should read 32 bytes in base64 as the key that seals undelivered credentials', () => {
      // Act
      const config = loadConfig({ CREDENTIALS_KEY: ` ${KEY} ` });

      // Assert
      assert.deepEqual(config.credentialsKey, Buffer.alloc(32, 7));
    });

    it('should refuse a key that is not 32 bytes in base64, saying how to make one', () => {
      for (const key of ['abc', Buffer.alloc(16).toString('base64'), `${KEY.slice(0, -2)}!=`]) {
        assert.throws(
          () => loadConfig({ CREDENTIALS_KEY: key }),
          (error: unknown) =>
            configErrorNaming('CREDENTIALS_KEY')(error) &&
            /randomBytes\(32\)\.toString\('base64'\)/.test((error as Error).message) &&
            !(error as Error).message.includes(key),
        );
      }
    });

    it('should require the key in production and leave it unset elsewhere', () => {
      // Arrange
      const production = {
        NODE_ENV: 'production',
        DATA_DIR: '/home/data',
        MicrosoftAppId: GUID_A,
        MicrosoftAppPassword: 'x',
        ALLOWED_TENANT_IDS: GUID_B,
        PARTNER_CENTER: 'local',
      };

      // Act & Assert
      assert.throws(() => loadConfig(production), configErrorNaming('CREDENTIALS_KEY'));
      assert.equal(loadConfig({}).credentialsKey, undefined);
    });
  });
});
