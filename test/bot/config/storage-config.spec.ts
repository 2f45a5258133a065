import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../bot/config/load-config.js';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1';
const CHINA =
  'DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.chinacloudapi.cn';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  return assert.fail('loadConfig should have thrown');
}

describe('loadConfig: STORE and Azure Storage', () => {
  it('should keep the JSON store in DATA_DIR when STORE is unset, empty or json', () => {
    assert.deepEqual(loadConfig({}).storage, { kind: 'json' });
    assert.deepEqual(loadConfig({ STORE: ' ' }).storage, { kind: 'json' });
    assert.deepEqual(loadConfig({ STORE: 'json' }).storage, { kind: 'json' });
  });

  it('should read an Azurite connection string, with default table prefix and container', () => {
    const config = loadConfig({ STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE });

    assert.deepEqual(config.storage, {
      kind: 'azure',
      account: { connectionString: AZURITE },
      tablePrefix: 'addcustomerbot',
      stateContainer: 'add-customer-bot-state',
      leaseMs: 60_000,
    });
  });

  it("should read a connection string of the 21Vianet cloud and names of the operator's choice", () => {
    const config = loadConfig({
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: CHINA,
      AZURE_STORAGE_TABLE_PREFIX: 'contosoBot',
      AZURE_STORAGE_STATE_CONTAINER: 'contoso-state',
      AZURE_STORAGE_LEASE_SECONDS: '15',
    });

    assert.deepEqual(config.storage, {
      kind: 'azure',
      account: { connectionString: CHINA },
      tablePrefix: 'contosoBot',
      stateContainer: 'contoso-state',
      leaseMs: 15_000,
    });
  });

  it('should take the account URL for the managed identity, deriving the blob and table endpoints', () => {
    const config = loadConfig({
      STORE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://contosobot.table.core.chinacloudapi.cn/',
    });

    assert.deepEqual(config.storage.kind === 'azure' && config.storage.account, {
      blobUrl: 'https://contosobot.blob.core.chinacloudapi.cn',
      tableUrl: 'https://contosobot.table.core.chinacloudapi.cn',
    });
  });

  it('should require a connection string or an account URL with STORE=azure', () => {
    assert.match(
      problemsOf({ STORE: 'azure' }),
      /^- AZURE_STORAGE_CONNECTION_STRING: must be set when STORE=azure/m,
    );
  });

  it('should list every storage problem at once, with the others, and no account key', () => {
    const message = problemsOf({
      STORE: 'azure',
      PORT: 'eighty',
      AZURE_STORAGE_CONNECTION_STRING: CHINA,
      AZURE_STORAGE_ACCOUNT_URL: 'http://contosobot.blob.core.chinacloudapi.cn',
      AZURE_STORAGE_TABLE_PREFIX: '1-bad',
      AZURE_STORAGE_STATE_CONTAINER: 'Bad_Container',
      AZURE_STORAGE_LEASE_SECONDS: '1',
    });

    for (const variable of [
      'PORT',
      'AZURE_STORAGE_ACCOUNT_URL',
      'AZURE_STORAGE_TABLE_PREFIX',
      'AZURE_STORAGE_STATE_CONTAINER',
      'AZURE_STORAGE_LEASE_SECONDS',
    ]) {
      assert.match(message, new RegExp(`^- ${variable}: `, 'm'), `expected ${variable} in ${message}`);
    }
    assert.match(
      message,
      /AZURE_STORAGE_ACCOUNT_URL: must be empty when AZURE_STORAGE_CONNECTION_STRING is set/,
    );
    assert.ok(!message.includes('c2VjcmV0LWtleQ'), message);
  });

  it('should refuse another STORE and text that is no connection string, without echoing it', () => {
    const message = problemsOf({ STORE: 'cosmos', AZURE_STORAGE_CONNECTION_STRING: 'hunter2-secret' });

    assert.match(message, /^- STORE: must be json .* or azure/m);
    assert.match(message, /^- AZURE_STORAGE_CONNECTION_STRING: must be a storage account connection string/m);
    assert.ok(!message.includes('hunter2'), message);
  });
});
