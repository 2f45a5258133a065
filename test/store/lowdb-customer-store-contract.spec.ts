import type { LowdbCustomerStoreOptions } from '../../store/lowdb-customer-store.js';
import { describeCustomerStoreContract } from '../helpers/customer-store-contract/describe-customer-store-contract.js';
import { StoreFolder } from '../helpers/store-folder.js';

/** A folder of its own for each case, removed once its stores' background writes are done. */
function storeInNewFolder(options: LowdbCustomerStoreOptions = {}) {
  return async () => {
    const folder = await StoreFolder.create('customer-store-contract');
    return { open: () => folder.open(options), cleanup: () => folder.remove() };
  };
}

describeCustomerStoreContract('LowdbCustomerStore', storeInNewFolder());

describeCustomerStoreContract(
  'LowdbCustomerStore in files of one record',
  storeInNewFolder({ segmentSize: 1 }),
);
