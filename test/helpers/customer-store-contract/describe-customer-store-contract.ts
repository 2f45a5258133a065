import type { CustomerStore } from '../../../store/customer-store.js';
import { customersContract } from './customers-contract.js';
import { matchingContract } from './matching-contract.js';
import { requestsContract } from './requests-contract.js';
import { subscriptionsContract } from './subscriptions-contract.js';
import { syncContract } from './sync-contract.js';

/** One backend's store for one test: fresh, empty data, removed after the test. */
export type StoreUnderTest = {
  /** A store on the test's data; each call opens another instance on the same data, as a restart would. */
  open(): Promise<CustomerStore>;
  /** Removes the test's data. */
  cleanup(): Promise<void>;
};

/** What each part of the contract gets: the store of the running test. */
export type ContractRig = { open(): Promise<CustomerStore> };

/**
 * The behaviour every `CustomerStore` backend must have, run against one of them: `makeStore` gives
 * each test a store on fresh data. What is saved is checked through a newly opened instance, so that
 * the same assertions hold for files and for tables.
 */
export function describeCustomerStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (CustomerStore contract)`, () => {
    let current: StoreUnderTest | undefined;

    beforeEach(async () => {
      current = await makeStore();
    });

    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    const rig: ContractRig = {
      open: () => {
        if (!current) throw new Error('describeCustomerStoreContract: no store outside a test');
        return current.open();
      },
    };
    customersContract(rig);
    matchingContract(rig);
    subscriptionsContract(rig);
    syncContract(rig);
    requestsContract(rig);
  });
}
