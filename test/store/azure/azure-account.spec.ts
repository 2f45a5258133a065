import assert from 'node:assert/strict';
import { isLoopbackHttp } from '../../../store/azure/azure-account.js';

describe('isLoopbackHttp', () => {
  it('should allow plain http to Azurite on a loopback host, and to the development storage shorthand', () => {
    const azurite =
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://localhost:10002/devstoreaccount1';

    assert.equal(isLoopbackHttp({ connectionString: azurite }), true);
    assert.equal(isLoopbackHttp({ connectionString: 'UseDevelopmentStorage=true' }), true);
  });

  it('should refuse plain http to any other host, and a cloud account without endpoints', () => {
    const remote =
      'DefaultEndpointsProtocol=http;AccountName=contoso;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/x;TableEndpoint=http://storage.example.cn/x';
    const cloud =
      'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn';

    assert.equal(isLoopbackHttp({ connectionString: remote }), false);
    assert.equal(isLoopbackHttp({ connectionString: cloud }), false);
  });
});
