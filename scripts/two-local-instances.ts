import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD_VERBS } from '../cards/card-verbs.js';
import { AzureTableCustomerStore } from '../store/azure/azure-table-customer-store.js';
import { validAccountInputs } from '../test/fixtures/customers.js';
import { AddCustomerWalk } from '../test/helpers/add-customer-walk.js';
import { cardOf, cardText } from '../test/helpers/card-queries.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import { channelThread, TeamsUser } from '../test/helpers/teams-user.js';
import { waitUntil } from '../test/helpers/wait-until.js';

/**
 * `npm run two-instances`: runs README's "Two instances locally" recipe as written (keep the two in
 * step), and checks what it promises. Azurite by its README command (in memory, default ports
 * 10000–10002), `npm run build`, then `npm start` twice (ports 3978 and 3979, data folders `data-a` and
 * `data-b` in a temporary folder) with `STORE=azure`, `AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true`,
 * `HOST=127.0.0.1` and one `CREDENTIALS_KEY`. A Teams user (a fake Bot Connector on 127.0.0.1 stands in
 * for Teams) walks one add-customer dialog across both instances, alternating at each turn, and submits
 * it: one customer in Azurite's tables, and its credentials sent once. Exits 1, saying what failed,
 * otherwise.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORTS = { azurite: [10000, 10001, 10002], a: 3978, b: 3979 };
const children: ChildProcess[] = [];
const output = new Map<ChildProcess, string>();

function run(name: string, command: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  output.set(child, '');
  const keep = (chunk: Buffer) => output.set(child, `${output.get(child)}${chunk.toString('utf8')}`);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => keep(Buffer.from(`\n[${name} exited: ${code ?? signal}]\n`)));
  children.push(child);
  return child;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  for (const port of [...PORTS.azurite, PORTS.a, PORTS.b]) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is in use: the recipe needs it free`);
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'two-local-instances-'));
  try {
    const azuriteBin = path.join(ROOT, 'node_modules', '.bin', 'azurite');
    run(
      'azurite',
      azuriteBin,
      ['--silent', '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck'],
      {},
      folder,
    );
    await waitUntil(async () => !(await portIsFree(10002)), 'Azurite to listen', 20_000);
    console.log('azurite: listening on 10000–10002');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    const connector = new FakeBotConnector();
    await connector.start();
    const shared = {
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      HOST: '127.0.0.1',
    };
    const start = (name: string, port: number) =>
      run(name, 'npm', ['start'], {
        ...shared,
        PORT: String(port),
        DATA_DIR: path.join(folder, `data-${name}`),
      });
    const instances = { a: start('a', PORTS.a), b: start('b', PORTS.b) };
    for (const [name, child] of Object.entries(instances)) {
      await waitUntil(
        () => /add-customer-bot is listening/.test(output.get(child) ?? ''),
        `instance ${name}`,
        30_000,
      );
    }
    console.log('instances: a on 3978, b on 3979');
    let port = PORTS.a;
    const post = async (activity: object) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        body: JSON.stringify(activity),
        headers: { 'content-type': 'application/json' },
      });
      return { status: response.status, body: await response.text() };
    };
    const walk = new AddCustomerWalk(
      new TeamsUser({ post }, connector, 'Alex Wilber', channelThread()),
      connector,
    );
    await walk.start();
    port = PORTS.b;
    await walk.press(CARD_VERBS.accountNext, validAccountInputs('twolocal'));
    port = PORTS.a;
    await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    port = PORTS.b;
    await walk.press(CARD_VERBS.reviewSubmit);
    console.log('dialog: started on a, Next on b, Next on a, Submit on b');
    const store = await AzureTableCustomerStore.open(
      { connectionString: shared.AZURE_STORAGE_CONNECTION_STRING },
      'addcustomerbot',
    );
    await waitUntil(
      async () =>
        (await store.unfinishedRequestIds()).length === 0 && (await store.isDomainTaken('twolocal')),
      'the customer',
      30_000,
    );
    const credentials = () =>
      connector.sent.filter((entry) => /Temporary password/.test(cardText(cardOf(entry))));
    await waitUntil(() => credentials().length > 0, 'the credentials', 30_000);
    const customers = (await store.searchCustomers({ offset: 0, limit: 10 })).total;
    if (customers !== 1) throw new Error(`${customers} customers in the tables, 1 expected`);
    if (credentials().length !== 1)
      throw new Error(`credentials sent ${credentials().length} times, once expected`);
    console.log('result: 1 customer (twolocal) in Azurite, credentials sent once');
    await connector.stop();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await rm(folder, { recursive: true, force: true });
  }
}

try {
  await main();
  console.log('two local instances: the README recipe works');
} catch (error) {
  console.error(`two local instances: ${(error as Error).message}`);
  for (const [child, text] of output) console.error(`--- ${child.spawnargs.join(' ')}\n${text.slice(-3000)}`);
  process.exitCode = 1;
}
