import { LowdbCustomerStore } from '../../store/lowdb-customer-store.js';
import { type MemorySample, sampleMemory } from './child-messages.js';
import { walkRecords } from './walk-records.js';

/** What the bench asks the store process to measure. */
export type StoreJob = {
  dataDir: string;
  segmentSize: number;
  /** Walks already in the store, generated with `tag` (their domains are looked up). */
  stored: number;
  tag: string;
  /** Approved walks to add, timing the store work of each. */
  walks: number;
  lookups: number;
};

/** What the store process measured, in milliseconds unless named otherwise. */
export type StoreMeasurement = {
  openMs: number;
  segments: number;
  memoryAfterOpen: MemorySample;
  saveMs: number[];
  walkMs: number[];
  domainLookupUs: number;
  matchLookupUs: number;
};

/**
 * A child process of the bench that opens one customer store and measures it: the time to open it,
 * its memory, the time of `addCustomer` (and of all the store work of one approved walk) for `walks`
 * new customers, and look-ups by domain. Measuring in a process of its own keeps heaps apart.
 */
async function measure(job: StoreJob): Promise<StoreMeasurement> {
  const opened = performance.now();
  const store = await LowdbCustomerStore.open(job.dataDir, { segmentSize: job.segmentSize });
  const openMs = performance.now() - opened;
  const memoryAfterOpen = sampleMemory(true);
  const saveMs: number[] = [];
  const walkMs: number[] = [];
  for (let i = 0; i < job.walks; i += 1) {
    const { request, customer, audit } = walkRecords(job.tag, job.stored + i);
    const { decision, customerId, cards, ...pending } = request;
    const started = performance.now();
    await store.addRequest({ ...pending, status: 'pending', cards: [] });
    await store.appendAudit(audit[0]);
    await store.addRequestCards(request.id, cards);
    if (decision) await store.decideRequest(request.id, decision);
    await store.appendAudit(audit[1]);
    const saving = performance.now();
    await store.addCustomer(customer);
    saveMs.push(performance.now() - saving);
    await store.appendAudit(audit[2]);
    await store.appendAudit(audit[3]);
    await store.setRequestCustomer(request.id, customerId ?? customer.id);
    walkMs.push(performance.now() - started);
  }
  const known = Array.from({ length: job.lookups }, (_, i) => {
    const n = job.stored > 0 ? (i * 7919) % job.stored : i;
    return walkRecords(job.tag, n).customer.domainPrefix;
  });
  let found = 0;
  const domainStarted = performance.now();
  for (const prefix of known) if (await store.isDomainTaken(prefix)) found += 1;
  const domainLookupUs = ((performance.now() - domainStarted) * 1000) / Math.max(1, known.length);
  const matchStarted = performance.now();
  for (const prefix of known) found += (await store.findMatchingCustomers({ domainPrefix: prefix })).length;
  const matchLookupUs = ((performance.now() - matchStarted) * 1000) / Math.max(1, known.length);
  if (job.stored > 0 && found !== 2 * known.length)
    throw new Error(`looked up ${known.length}, found ${found}`);
  return {
    openMs,
    segments: store.segmentCount,
    memoryAfterOpen,
    saveMs,
    walkMs,
    domainLookupUs,
    matchLookupUs,
  };
}

process.once('message', (job: StoreJob) => {
  measure(job).then(
    (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
    (error: Error) =>
      process.send?.({ type: 'error', message: error.stack ?? error.message }, () => process.exit(1)),
  );
});
