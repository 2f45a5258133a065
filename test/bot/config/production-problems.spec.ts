import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../bot/config/load-config.js';

const APP_ID = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
const TENANT_ID = '0b1e6c2a-3d4f-4a5b-8c7d-9e0f1a2b3c4d';
const KEY = Buffer.alloc(32, 3).toString('base64');

/** The variables named by the configuration problems `env` is refused with, in order. */
function variablesNamed(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message
      .split('\n')
      .slice(1)
      .map((line) => /^- (\w+):/.exec(line)?.[1] ?? line);
  }
  assert.fail('expected the configuration to be refused');
}

describe('loadConfig with NODE_ENV=production', () => {
  it('should refuse an empty environment, naming every unsafe omission at once', () => {
    assert.deepEqual(
      new Set(variablesNamed({ NODE_ENV: 'production' })),
      new Set(['MicrosoftAppId', 'DATA_DIR', 'CREDENTIALS_KEY', 'PARTNER_CENTER_CLIENT_ID']),
    );
  });

  it('should name the missing tenant list and secret of a multi-tenant app with the rest', () => {
    assert.deepEqual(
      new Set(variablesNamed({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, PARTNER_CENTER: 'local' })),
      new Set(['MicrosoftAppPassword', 'DATA_DIR', 'CREDENTIALS_KEY', 'ALLOWED_TENANT_IDS']),
    );
  });

  it('should name what a user-assigned managed identity lacks or must not have', () => {
    assert.deepEqual(
      new Set(
        variablesNamed({
          NODE_ENV: 'production',
          MicrosoftAppId: APP_ID,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppPassword: 'a-secret-it-does-not-need',
          ALLOWED_TENANT_IDS: TENANT_ID,
          DATA_DIR: '/home/data',
          CREDENTIALS_KEY: KEY,
          PARTNER_CENTER: 'local',
        }),
      ),
      new Set(['MicrosoftAppTenantId', 'MicrosoftAppPassword']),
    );
  });

  it('should start with every safe setting made on purpose', () => {
    // Act
    const config = loadConfig({
      NODE_ENV: 'production',
      BOT_CLOUD: 'china',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT_ID,
      DATA_DIR: '/home/data',
      CREDENTIALS_KEY: KEY,
      PARTNER_CENTER: 'local',
    });

    // Assert
    assert.equal(config.localOnly, false);
    assert.deepEqual(config.allowedTenantIds, [TENANT_ID]);
    assert.equal(config.dataDir, '/home/data');
  });
});
