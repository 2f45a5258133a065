import assert from 'node:assert/strict';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import sinon from 'sinon';
import { ConnectorClientCache } from '../../../bot/server/connector-client-cache.js';

const identityOf = (appId: string) =>
  new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** A factory standing in for the SDK's, handing out a new client object per call. */
function fakeFactory(
  create: (serviceUrl: string, audience?: string) => Promise<unknown> = sinon.fake(
    async (serviceUrl: string) => ({ serviceUrl }) as unknown,
  ),
) {
  const factory = new (class extends ConnectorFactory {
    create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
      return create(serviceUrl, audience) as Promise<ConnectorClient>;
    }
  })();
  return { factory, create: create as sinon.SinonSpy };
}

describe('ConnectorClientCache', () => {
  afterEach(() => sinon.restore());

  it('should give every turn of the same app and service URL the client created for the first', async () => {
    const cache = new ConnectorClientCache();
    const first = fakeFactory();
    const second = fakeFactory();

    const a = await cache.connectorFactoryFor(identityOf('app'), first.factory).create('https://smba/');
    const b = await cache.connectorFactoryFor(identityOf('app'), second.factory).create('https://smba/');

    assert.equal(a, b);
    assert.equal(first.create.callCount, 1);
    assert.equal(second.create.callCount, 0);
  });

  it('should keep clients of another service URL, audience or app id apart', async () => {
    const cache = new ConnectorClientCache();
    const { factory, create } = fakeFactory();

    const clients = [
      await cache.connectorFactoryFor(identityOf('app'), factory).create('https://smba/'),
      await cache.connectorFactoryFor(identityOf('app'), factory).create('https://other/'),
      await cache.connectorFactoryFor(identityOf('app'), factory).create('https://smba/', 'skill'),
      await cache.connectorFactoryFor(identityOf('another-app'), factory).create('https://smba/'),
    ];

    assert.equal(new Set(clients).size, 4);
    assert.equal(create.callCount, 4);
  });

  it('should create the client again after its creation failed', async () => {
    const cache = new ConnectorClientCache();
    const create = sinon.stub();
    create.onFirstCall().rejects(new Error('token endpoint unreachable'));
    create.onSecondCall().resolves({ created: 2 });
    const { factory } = fakeFactory(create);

    await assert.rejects(cache.connectorFactoryFor(identityOf('app'), factory).create('https://smba/'));
    const client = await cache.connectorFactoryFor(identityOf('app'), factory).create('https://smba/');

    assert.deepEqual(client, { created: 2 });
  });

  it('should keep at most 32 clients, dropping the least recently used', async () => {
    const cache = new ConnectorClientCache();
    const { factory, create } = fakeFactory();
    const clientFor = (n: number) =>
      cache.connectorFactoryFor(identityOf('app'), factory).create(`https://smba-${n}/`);
    const kept = await clientFor(0);
    for (let n = 1; n <= 40; n++) {
      await clientFor(n);
      await clientFor(0);
    }

    assert.equal(await clientFor(0), kept);
    assert.equal(create.callCount, 41);
    await clientFor(1);
    assert.equal(create.callCount, 42);
  });

  it('should create one user token client per app id', async () => {
    const cache = new ConnectorClientCache();
    const create = sinon.fake(async () => ({}) as UserTokenClient);

    const a = await cache.userTokenClientFor(identityOf('app'), create);
    const b = await cache.userTokenClientFor(identityOf('app'), create);
    await cache.userTokenClientFor(identityOf('another-app'), create);

    assert.equal(a, b);
    assert.equal(create.callCount, 2);
  });
});
