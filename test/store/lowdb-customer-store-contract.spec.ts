import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { describeCustomerStoreContract } from '../helpers/customer-store-contract/describe-customer-store-contract.js';

describeCustomerStoreContract('LowdbCustomerStore', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-contract-'));
  return {
    open: () => LowdbCustomerStore.open(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describeCustomerStoreContract('LowdbCustomerStore in files of one record', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'customer-store-contract-'));
  return {
    open: () => LowdbCustomerStore.open(dataDir, { segmentSize: 1 }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});
