import { randomBytes } from 'node:crypto';
import { TableServiceClient } from '@azure/data-tables';
import { AzureTableCustomerStore } from '../../../store/azure/azure-table-customer-store.js';
import { describeCustomerStoreContract } from '../../helpers/customer-store-contract/describe-customer-store-contract.js';
import { useAzurite } from '../../helpers/start-azurite.js';

describe('AzureTableCustomerStore on Azurite', () => {
  const storage = useAzurite();

  describeCustomerStoreContract('AzureTableCustomerStore', async () => {
    const prefix = `t${randomBytes(6).toString('hex')}`;
    const account = { connectionString: storage.azurite.connectionString };
    return {
      open: () => AzureTableCustomerStore.open(account, prefix),
      cleanup: async () => {
        const service = TableServiceClient.fromConnectionString(account.connectionString, {
          allowInsecureConnection: true,
        });
        await service.deleteTable(`${prefix}store`);
      },
    };
  });
});
