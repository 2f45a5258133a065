import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobStateStorage } from '../../../store/azure/blob-state-storage.js';
import { CREATE_ONLY } from '../../../store/azure/create-only.js';
import { isETagConflict } from '../../../store/is-etag-conflict.js';
import { useAzurite } from '../../helpers/start-azurite.js';

const KEY = 'msteams/conversations/19:abc@thread.tacv2/users/29:1alex';

describe('BlobStateStorage (dialog state in Azurite blobs)', () => {
  const storage = useAzurite();
  let container: ContainerClient;
  let states: BlobStateStorage;

  beforeEach(() => {
    const name = `state-${randomBytes(5).toString('hex')}`;
    container = new ContainerClient(storage.azurite.connectionString, name);
    states = new BlobStateStorage(new BlobsStorage(storage.azurite.connectionString, name), container);
  });

  it('should read back what it wrote, Chinese text included, with an eTag, under the name botbuilder-azure-blobs gave it', async () => {
    // Arrange
    const state = { dialog: { step: 'account' }, company: '北京示例科技有限公司' };

    // Act
    await states.write({ [KEY]: { ...state, eTag: '*' } });
    const read = await states.read([KEY, 'nobody']);

    // Assert
    assert.deepEqual(Object.keys(read), [KEY]);
    const { eTag, ...stored } = read[KEY] ?? {};
    assert.deepEqual(stored, state);
    assert.match(String(eTag), /\S/);
    assert.equal(await container.getBlobClient(encodeURIComponent(KEY)).exists(), true);
  });

  it('should refuse, as an eTag conflict, a write on the eTag of a state changed since', async () => {
    // Arrange
    await states.write({ [KEY]: { step: 1, eTag: '*' } });
    const first = (await states.read([KEY]))[KEY];
    await states.write({ [KEY]: { step: 2, eTag: first?.eTag } });

    // Act
    const stale = states.write({ [KEY]: { step: 3, eTag: first?.eTag } });

    // Assert
    await assert.rejects(stale, (error) => isETagConflict(error));
    assert.equal((await states.read([KEY]))[KEY]?.step, 2);
  });

  it('should create a state marked create-only once, and refuse the second creation as an eTag conflict', async () => {
    // Arrange
    await states.write({ [KEY]: { by: 'B', eTag: '*', [CREATE_ONLY]: true } });

    // Act
    const second = states.write({ [KEY]: { by: 'A', eTag: '*', [CREATE_ONLY]: true } });

    // Assert
    await assert.rejects(second, (error) => isETagConflict(error));
    assert.equal((await states.read([KEY]))[KEY]?.by, 'B');
  });

  it('should create a first state under the blob name BlobsStorage reads it from, then update it on its eTag', async () => {
    // Arrange
    const key = 'msteams/conversations/a:1x+y==/users//29:1 chén';
    const sdk = new BlobsStorage(storage.azurite.connectionString, container.containerName);
    await states.write({ [key]: { step: 'account', eTag: '*', [CREATE_ONLY]: true } });

    // Act
    const readBySdk = (await sdk.read([key]))[key];
    await states.write({ [key]: { step: 'offers', eTag: readBySdk?.eTag } });

    // Assert
    assert.equal(readBySdk?.step, 'account');
    assert.equal((await sdk.read([key]))[key]?.step, 'offers');
  });

  it('should delete a state, and a state that is not there', async () => {
    // Arrange
    await states.write({ [KEY]: { step: 1, eTag: '*' } });

    // Act
    await states.delete([KEY, 'nobody']);

    // Assert
    assert.deepEqual(await states.read([KEY]), {});
  });
});
