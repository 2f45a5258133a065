import assert from 'node:assert/strict';
import { appendFile, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '../../store/customer-schema.js';
import { StoreFileError } from '../../store/lowdb-customer-store.js';
import {
  approvalRequest,
  buildCustomer,
  licenseOrder,
  numberedAudit,
  numberedRequest,
} from '../fixtures/customers.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { StoreFolder } from '../helpers/store-folder.js';

describe('the customer store’s journal', () => {
  let folder: StoreFolder;
  let dataDir: string;

  beforeEach(async () => {
    folder = await StoreFolder.create('segment-journal');
    dataDir = folder.dataDir;
  });

  afterEach(() => folder.remove());

  const file = (name: string) => path.join(dataDir, name);
  const readJson = async (name: string) => JSON.parse(await readFile(file(name), 'utf8'));
  const journal = 'customers.journal.jsonl';
  const journalLines = async () => (await readFile(file(journal), 'utf8')).split('\n').filter(Boolean);
  const audit = numberedAudit;
  const approved = {
    status: 'approved' as const,
    by: { userId: '29:approver', name: 'Megan Bowen' },
    at: '2025-03-14T11:00:00.000Z',
  };

  it('should append each change after a file’s first write to its journal, and find them all after a restart', async () => {
    const store = await folder.open();
    await store.addRequest(approvalRequest(numberedRequest(1)));
    const written = await readFile(file('customers.json'), 'utf8');

    await store.decideRequest('req-1', approved);
    await store.addCustomer(buildCustomer(1));
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.appendAudit(audit(n))));

    assert.equal(await readFile(file('customers.json'), 'utf8'), written);
    assert.equal((await journalLines()).length, 7);
    const reopened = await folder.open();
    assert.equal((await reopened.findRequest('req-1'))?.status, 'approved');
    assert.equal((await reopened.findByRequestId('req-1'))?.id, 'cus-1');
    assert.deepEqual(
      (await readStoreFiles(dataDir)).audit.map((entry) => entry.requestId),
      ['req-1', 'req-2', 'req-3', 'req-4', 'req-5'],
    );
    // the restart folded the journal into the file, and removed it
    assert.equal((await readJson('customers.json')).audit.length, 5);
    assert.equal((await readdir(dataDir)).includes(journal), false);
  });

  it('should write a new file whole once and journal every change made at the same time as that write', async () => {
    const store = await folder.open();

    await Promise.all(
      Array.from({ length: 20 }, (_, n) => store.addRequest(approvalRequest(numberedRequest(n + 1)))),
    );

    // only the first request is in the file: the other nineteen went to the journal, none rewrote it
    assert.equal((await readJson('customers.json')).requests.length, 1);
    assert.equal((await journalLines()).length, 19);
    const reopened = await folder.open();
    for (let n = 1; n <= 20; n += 1) assert.equal((await reopened.findRequest(`req-${n}`))?.id, `req-${n}`);
  });

  it('should leave out a last line cut short, as by a kill mid-write, and carry on after it', async () => {
    const store = await folder.open();
    await store.addRequest(approvalRequest(numberedRequest(1)));
    await store.appendAudit(audit(1));
    await appendFile(file(journal), '{"n":2,"audit":[{"at":"2025-03-14T10:00:02.000Z","ev');

    const reopened = await folder.open();
    await reopened.appendAudit(audit(3));

    assert.deepEqual(
      (await readStoreFiles(dataDir)).audit.map((entry) => entry.requestId),
      ['req-1', 'req-3'],
    );
    await folder.open();
    assert.deepEqual(
      (await readJson('customers.json')).audit.map((entry: AuditEntry) => entry.requestId),
      ['req-1', 'req-3'],
    );
  });

  it('should refuse to open on a journal damaged before its last line, naming it', async () => {
    const store = await folder.open();
    await store.addRequest(approvalRequest(numberedRequest(1)));
    await store.appendAudit(audit(1));
    await store.appendAudit(audit(2));
    const [first, second] = await journalLines();
    await writeFile(file(journal), `${first?.slice(0, 20)}\n${second}\n`);

    await assert.rejects(
      folder.open(),
      (error: unknown) =>
        error instanceof StoreFileError &&
        error.message.includes(file(journal)) &&
        /line 1/.test(error.message),
    );
  });

  it('should not apply twice what the file already holds, as after a crash between folding the journal in and removing it', async () => {
    const store = await folder.open();
    await store.addRequest(approvalRequest(numberedRequest(1)));
    await store.appendAudit(audit(1));
    await store.appendAudit(audit(2));
    await copyFile(file(journal), file('journal-copy'));
    await folder.open();
    await copyFile(file('journal-copy'), file(journal));

    const reopened = await folder.open();
    await reopened.appendAudit(audit(3));

    assert.deepEqual(
      (await readStoreFiles(dataDir)).audit.map((entry) => entry.requestId),
      ['req-1', 'req-2', 'req-3'],
    );
  });

  it('should fold the journal into a file once a newer file takes over', async () => {
    const store = await folder.open({ segmentSize: 3 });
    await store.addRequest(approvalRequest(numberedRequest(1)));
    await store.addCustomer(buildCustomer(1));
    await store.appendAudit(audit(1));

    await store.addRequest(approvalRequest(numberedRequest(2)));
    await store.backgroundWritesDone();

    const first = await readJson('customers.json');
    assert.deepEqual([first.requests.length, first.customers.length, first.audit.length], [1, 1, 1]);
    assert.equal((await readdir(dataDir)).includes(journal), false);
  });

  it('should read an older file itself, not its index, while a journal is beside it', async () => {
    const before = await folder.open({ segmentSize: 1 });
    await before.addCustomer(buildCustomer(1));
    await before.addCustomer(buildCustomer(2));
    await before.backgroundWritesDone();
    const { journaled = 0 } = await readJson('customers.json');
    // a change the previous run journalled, then died before folding it into the file
    const added = buildCustomer(9);
    await writeFile(file(journal), `${JSON.stringify({ n: journaled + 1, customers: [added] })}\n`);

    const store = await folder.open({ segmentSize: 1 });
    await store.backgroundWritesDone();

    assert.equal((await store.findById('cus-9'))?.companyName, added.companyName);
    assert.equal(await store.isDomainTaken(added.domainPrefix), true);
    assert.equal((await readJson('customers.json')).customers.length, 2);
    assert.equal((await readdir(dataDir)).includes(journal), false);
  });

  it('should journal a change to an older file after the numbers its last whole write holds', async () => {
    const first = await folder.open({ segmentSize: 2 });
    await first.addCustomer(buildCustomer(1));
    await first.appendAudit(audit(1));
    await first.addCustomer(buildCustomer(2));
    await first.backgroundWritesDone();
    const order = licenseOrder();

    // the older file is taken from its index here, and read back for the order
    const second = await folder.open({ segmentSize: 2 });
    await second.addSubscriptions(order);

    const third = await folder.open({ segmentSize: 2 });
    assert.equal(await third.hasOrder('order-1'), true);
    assert.deepEqual((await third.findById('cus-1'))?.subscriptions, [{ offerId: 'o365-e3', quantity: 15 }]);
  });

  it('should undo a change whose journal line could not be written, and save it on a retry', async () => {
    const store = await folder.open();
    await store.addRequest(approvalRequest(numberedRequest(1)));
    await mkdir(file(journal));

    await assert.rejects(store.decideRequest('req-1', approved), StoreFileError);
    assert.equal((await store.findRequest('req-1'))?.status, 'pending');

    await rm(file(journal), { recursive: true });
    assert.equal((await store.decideRequest('req-1', approved)).decided, true);
    const reopened = await folder.open();
    assert.equal((await reopened.findRequest('req-1'))?.status, 'approved');
  });
});
