import { randomBytes } from 'node:crypto';
import type { Customer } from '../../store/customer-schema.js';
import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';

/**
 * The crash test's child: opens the customer store in the data folder given as the first argument, the
 * way `createApp` does, and adds customers (each followed by an audit line) from several writers at once
 * until it is killed. It prints `ready` once the store is open and `ack <id>` only after `addCustomer`
 * for that id resolved: a printed id is one the bot would have reported as created.
 */
const [dataDir, writersArgument = '3'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: write-customers.ts <data folder> [writers]');
  process.exit(2);
}

function newCustomer(): Customer {
  const id = randomBytes(8).toString('hex');
  const domainPrefix = `crash${id}`;
  return {
    id,
    requestId: `req-${id}`,
    companyName: `Crash Test ${id} Co., Ltd.`,
    domainPrefix,
    domain: `${domainPrefix}.partner.onmschina.cn`,
    address: {
      line1: '1 Keyuan Road',
      city: 'Shenzhen',
      province: 'GD',
      postalCode: '518000',
      country: 'CN',
    },
    contact: { lastName: 'Wang', email: `wang@${domainPrefix}.cn` },
    language: 'zh-CN',
    subscriptions: [{ offerId: 'o365-e3', quantity: 10 }],
    adminAccount: `admin@${domainPrefix}.partner.onmschina.cn`,
    createdBy: { userId: '29:crash-test', name: 'Crash Test' },
    createdAt: new Date().toISOString(),
    origin: {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1/',
      conversationId: 'a:crash',
      botId: '28:bot',
    },
  };
}

const store = await LowdbCustomerStore.open(dataDir);
process.stdout.write('ready\n');
await Promise.all(
  Array.from({ length: Number(writersArgument) }, async () => {
    for (;;) {
      const customer = newCustomer();
      await store.addCustomer(customer);
      process.stdout.write(`ack ${customer.id}\n`);
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
