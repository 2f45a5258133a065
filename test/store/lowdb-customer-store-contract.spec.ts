import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbCustomerStore, type LowdbCustomerStoreOptions } from '../../store/lowdb-customer-store.js';
import { describeCustomerStoreContract } from '../helpers/customer-store-contract/describe-customer-store-contract.js';

/**
 * A folder of its own for each case; the stores opened in it finish their background writes (journals
 * folded, index files) before it is removed, as the bot's stores do before it exits.
 */
function storeInNewFolder(options: LowdbCustomerStoreOptions = {}) {
  return async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-contract-'));
    const opened: LowdbCustomerStore[] = [];
    return {
      open: async () => {
        const store = await LowdbCustomerStore.open(dataDir, options);
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        await Promise.all(opened.map((store) => store.backgroundWritesDone()));
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  };
}

describeCustomerStoreContract('LowdbCustomerStore', storeInNewFolder());

describeCustomerStoreContract(
  'LowdbCustomerStore in files of one record',
  storeInNewFolder({ segmentSize: 1 }),
);
