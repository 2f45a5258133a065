import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Locale } from '../store/i18n/translate.js';
import { CARD_RENDER_CASES } from '../test/cards/card-render-cases.js';

/**
 * `npx tsx bench/card-render-cost.ts [--out file]`: CPU cost of rendering one card, in process, for the
 * cards of the add-customer walk and one case of every other card, in both locales (data built once, from
 * `test/cards/card-render-cases.ts`, the cases whose output `test/cards/rendered-cards.spec.ts` holds
 * fixed). Every card is first rendered 400 times in both locales, so that the JIT has compiled what
 * all of them use; then each is timed in 31 batches of 50 renders (after 50 more to warm up), and the
 * figure is the median batch's CPU time per render (`process.cpuUsage`, so that time the process waits
 * for a CPU other sessions hold does not count; the garbage collector's helper threads do). Every card
 * is measured in each of two rounds, one card after another, so that the machine's noise touches
 * them alike. Writes the figures to `bench/results-card-render-cost.json` (or `--out`).
 */
const MEASURED = [
  'account-info-empty',
  'account-info-errors',
  'account-info-matches-from-review',
  'subscriptions-empty',
  'review-editing',
  'review-submitted',
  'approval-base-pending',
  'approval-approverRequester-pending',
  'approval-base-progress-1-creating',
  'approval-requester-progress-2-created',
  'credentials',
  'customer-summary-delivered',
  'subscriptions-added',
  'customer-list-2',
  'pick-customer-4',
  'reseller-relationship-0',
  'rejection-notice',
  'help',
  'dialog-closed-addCustomer-cancelled',
];
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
const WARM_UP = 400;
const WARM_UP_BEFORE_TIMING = 50;
const BATCHES = 31;
const BATCH = 50;
const ROUNDS = 2;

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? 'bench/results-card-render-cost.json';

function medianMicroseconds(render: () => unknown): number {
  for (let i = 0; i < WARM_UP_BEFORE_TIMING; i++) render();
  const perRender: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const started = process.cpuUsage();
    for (let i = 0; i < BATCH; i++) render();
    const used = process.cpuUsage(started);
    perRender.push((used.user + used.system) / BATCH);
  }
  perRender.sort((a, b) => a - b);
  return perRender[Math.floor(BATCHES / 2)] as number;
}

const cases = MEASURED.map((name) => {
  const found = CARD_RENDER_CASES.find((card) => card.name === name);
  if (!found) throw new Error(`No case named ${name} in test/cards/card-render-cases.ts`);
  return found;
});
const results = cases.flatMap((card) =>
  LOCALES.map((locale) => ({
    card: card.name,
    locale,
    render: card.prepare(locale),
    microseconds: [] as number[],
  })),
);
for (const result of results) {
  for (let i = 0; i < WARM_UP; i++) result.render();
}
for (let round = 0; round < ROUNDS; round++) {
  for (const result of results) {
    result.microseconds.push(medianMicroseconds(result.render));
  }
}

const width = Math.max(...MEASURED.map((name) => name.length));
process.stdout.write(`${'card'.padEnd(width)}  locale  µs per render (rounds 1, 2)\n`);
for (const result of results) {
  const figures = result.microseconds.map((us) => us.toFixed(0)).join(', ');
  process.stdout.write(`${result.card.padEnd(width)}  ${result.locale}   ${figures}\n`);
}
writeFileSync(
  out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      loadAverage: os.loadavg(),
      method: { warmUp: WARM_UP, batches: BATCHES, rendersPerBatch: BATCH, rounds: ROUNDS },
      results: results.map(({ card, locale, microseconds }) => ({ card, locale, microseconds })),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Written to ${out}\n`);
