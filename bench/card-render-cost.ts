import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Locale } from '../store/i18n/translate.js';
import { CARD_RENDER_CASES, type CardRenderCase } from '../test/cards/card-render-cases.js';

/**
 * `npx tsx bench/card-render-cost.ts [--baseline <other checkout>] [--only account-info,review] [--out file]`: CPU cost of rendering
 * one card, in process, for the cards of the add-customer walk and one case of every other card, in both
 * locales (data built once, from `test/cards/card-render-cases.ts`, the cases whose output
 * `test/cards/rendered-cards.spec.ts` holds fixed). Every card is first rendered 400 times, so that the
 * JIT has compiled what all of them use; then each is timed in 31 batches of 40 renders (after 40 more
 * to warm up), and the figure is the median batch's CPU time per render (`process.cpuUsage`, so that
 * time the process waits for a CPU other sessions hold does not count; the garbage collector's helper
 * threads do). Three rounds, one card after another; `--only` keeps the cases whose names start with one of its prefixes.
 *
 * With `--baseline`, the same cases are loaded from another checkout's `test/cards/card-render-cases.ts`
 * too (which renders with that checkout's `cards/`), and each card is timed on both codes one right
 * after the other, in alternating order, so that the machine's noise, large on a shared machine, touches
 * both alike. Writes the figures to `bench/results-card-render-cost.json` (or `--out`).
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
const BATCHES = 31;
const BATCH = 40;
const ROUNDS = 3;

const { values } = parseArgs({
  options: { out: { type: 'string' }, baseline: { type: 'string' }, only: { type: 'string' } },
});
const out = values.out ?? 'bench/results-card-render-cost.json';

function medianMicroseconds(render: () => unknown): number {
  for (let i = 0; i < BATCH; i++) render();
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

function pick(cases: readonly CardRenderCase[], name: string, source: string): CardRenderCase {
  const found = cases.find((card) => card.name === name);
  if (!found) throw new Error(`No case named ${name} in ${source}`);
  return found;
}

const baselineCases = values.baseline
  ? ((await import(pathToFileURL(path.resolve(values.baseline, 'test/cards/card-render-cases.ts')).href))
      .CARD_RENDER_CASES as readonly CardRenderCase[])
  : undefined;
const prefixes = values.only?.split(',') ?? [''];
const measured = MEASURED.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
const results = measured.flatMap((name) =>
  LOCALES.map((locale) => ({
    card: name,
    locale,
    render: pick(CARD_RENDER_CASES, name, 'this checkout').prepare(locale),
    renderBaseline: baselineCases && pick(baselineCases, name, values.baseline ?? '').prepare(locale),
    microseconds: [] as number[],
    baselineMicroseconds: [] as number[],
  })),
);
for (const result of results) {
  for (let i = 0; i < WARM_UP; i++) {
    result.render();
    result.renderBaseline?.();
  }
}
for (let round = 0; round < ROUNDS; round++) {
  for (const result of results) {
    const baselineFirst = round % 2 === 1;
    if (result.renderBaseline && baselineFirst) {
      result.baselineMicroseconds.push(medianMicroseconds(result.renderBaseline));
    }
    result.microseconds.push(medianMicroseconds(result.render));
    if (result.renderBaseline && !baselineFirst) {
      result.baselineMicroseconds.push(medianMicroseconds(result.renderBaseline));
    }
  }
}

const median = (figures: number[]) => [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)] ?? 0;
const rounds = (figures: number[]) => figures.map((us) => us.toFixed(0)).join(', ');
const width = Math.max(...measured.map((name) => name.length));
process.stdout.write(
  `${'card'.padEnd(width)}  locale  µs per render, rounds 1-3${baselineCases ? '; baseline; this ÷ baseline (medians)' : ''}\n`,
);
for (const result of results) {
  const compared = baselineCases
    ? `   ${rounds(result.baselineMicroseconds)}   ${(median(result.microseconds) / median(result.baselineMicroseconds)).toFixed(2)}`
    : '';
  process.stdout.write(
    `${result.card.padEnd(width)}  ${result.locale}   ${rounds(result.microseconds)}${compared}\n`,
  );
}
writeFileSync(
  out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      loadAverage: os.loadavg(),
      method: { warmUp: WARM_UP, batches: BATCHES, rendersPerBatch: BATCH, rounds: ROUNDS },
      baseline: values.baseline !== undefined,
      results: results.map(({ card, locale, microseconds, baselineMicroseconds }) => ({
        card,
        locale,
        microseconds,
        ...(baselineCases ? { baselineMicroseconds } : {}),
      })),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Written to ${out}\n`);
