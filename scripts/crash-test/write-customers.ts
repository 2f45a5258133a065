import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { BotCustomer } from '../../store/customer-schema.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import {
  accountInfo,
  customerFrom,
  customerRequest,
  requiredAccountInfoInput,
} from '../../test/fixtures/customers.js';

/**
 * The crash test's child: opens the customer store in the data folder given as the first argument, the
 * way `createApp` does, and adds customers (each followed by an audit line) from several writers at once
 * until it is killed. It prints `ready` once the store is open, and appends `ack <id>` to the file given
 * as the second argument only after `addCustomer` for that id resolved: an id there is one the bot would
 * have reported as created. The acknowledgements go to a file, with a synchronous append, because a
 * pipe to the parent is written asynchronously: lines still queued in this process when it is killed
 * would be lost, and the customers they name left unchecked.
 */
const [dataDir, ackFile, writersArgument = '3'] = process.argv.slice(2);
if (!dataDir || !ackFile) {
  console.error('usage: write-customers.ts <data folder> <acknowledgements file> [writers]');
  process.exit(2);
}

function newCustomer(): BotCustomer {
  const id = randomBytes(8).toString('hex');
  const domainPrefix = `crash${id}`;
  const request = customerRequest({
    requestId: `req-${id}`,
    account: accountInfo(
      requiredAccountInfoInput({
        companyName: `Crash Test ${id} Co., Ltd.`,
        domainPrefix,
        contactEmail: `wang@${domainPrefix}.cn`,
      }),
    ),
    subscriptions: [{ offerId: 'o365-e3', quantity: 10 }],
    requester: { userId: '29:crash-test', name: 'Crash Test' },
  });
  return customerFrom(request, { id, at: new Date().toISOString() });
}

const store = await LowdbCustomerStore.open(dataDir);
process.stdout.write('ready\n');
await Promise.all(
  Array.from({ length: Number(writersArgument) }, async () => {
    for (;;) {
      const customer = newCustomer();
      await store.addCustomer(customer);
      appendFileSync(ackFile, `ack ${customer.id}\n`);
      await store.appendAudit({
        at: customer.createdAt,
        event: 'customer.created',
        requestId: customer.requestId,
        customerId: customer.id,
        actor: customer.createdBy,
      });
    }
  }),
);
