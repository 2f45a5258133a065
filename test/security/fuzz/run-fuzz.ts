import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { CARD_VERBS, FLOW_VERBS } from '../../../cards/card-verbs.js';
import { ACCOUNT_INFO_FIELDS } from '../../../store/customers/account-info-schema.js';
import { loadOfferCatalog } from '../../../store/customers/offer-catalog.js';
import { quantityInputId } from '../../../store/customers/parse-subscriptions.js';
import { LowdbCustomerStore } from '../../../store/lowdb-customer-store.js';
import { AddCustomerWalk } from '../../helpers/add-customer-walk.js';
import { BotUnderTest } from '../../helpers/bot-under-test.js';
import { cardText } from '../../helpers/card-queries.js';
import { FakeBotConnector } from '../../helpers/fake-bot-connector.js';
import { readRecordLog } from '../../helpers/read-record-log.js';
import { readStoreFiles } from '../../helpers/read-store-files.js';
import { channelThread, TeamsUser } from '../../helpers/teams-user.js';
import { envelopeCase, flowSubmitCase, invokeCase, rawValueCase } from './fuzz-cases.js';
import { freshAccountInputs, runFuzzCase } from './run-fuzz-case.js';

/** The seed `npm test` fuzzes from, so that every run presses the same cases. */
export const FUZZ_SEED = 20261201;

/** How to run the fuzz cases: how many, from which seed, and optionally fast-check's path to one case. */
export type FuzzOptions = { numRuns: number; seed: number; path?: string };

/**
 * What a fuzz run did: its seed, cases by kind and by outcome, and the first failure (shrunk), if any,
 * with fast-check's path to the shrunk counterexample.
 */
export type FuzzReport = {
  seed: number;
  path?: string;
  cases: number;
  kinds: Record<string, number>;
  outcomes: Record<string, number>;
  failure?: string;
  elapsedMs: number;
};

const count = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Runs `numRuns` hostile cases generated from `seed` (presses on the dialog's cards, raw submit values,
 * approval invokes, activities with a field replaced), or with `path` only the case fast-check reported
 * at that path, against one real bot with approvers configured and a pending request to aim at, then checks that the
 * bot is still healthy: it answers, its store and dialog state open, nothing polluted `Object.prototype`,
 * and a user can still add a customer from start to finish.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const connector = new FakeBotConnector();
  await connector.start();
  const approverId = randomUUID();
  const bot = await BotUnderTest.start({ env: { APPROVER_IDS: approverId } });
  const report: FuzzReport = { seed: options.seed, cases: 0, kinds: {}, outcomes: {}, elapsedMs: 0 };
  try {
    const requestId = await submitForApproval(bot, connector);
    const offers = await loadOfferCatalog();
    const inputIds = {
      account: ACCOUNT_INFO_FIELDS,
      subscriptions: offers.map((offer) => quantityInputId(offer.id)),
      review: [],
    };
    const plausible = [...FLOW_VERBS, CARD_VERBS.credentialsDone, CARD_VERBS.approvalResubmit, requestId];
    const cases = fc.oneof(
      { weight: 5, arbitrary: flowSubmitCase(inputIds) },
      { weight: 2, arbitrary: rawValueCase(plausible) },
      { weight: 3, arbitrary: invokeCase([requestId]) },
      { weight: 1, arbitrary: envelopeCase() },
    );
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).join();
    const details = await fc.check(
      fc.asyncProperty(cases, async (fuzzCase) => {
        const outcome = await runFuzzCase({ bot, connector, approverId }, fuzzCase);
        report.cases += 1;
        count(report.kinds, fuzzCase.kind);
        count(report.outcomes, `${fuzzCase.kind}: ${outcome}`);
        if (report.cases % 100 === 0) connector.forget();
      }),
      { numRuns: options.numRuns, seed: options.seed, path: options.path },
    );
    if (details.failed) {
      report.path = details.counterexamplePath ?? undefined;
      const replay = `npm run fuzz -- --seed ${details.seed} --runs ${options.numRuns}`;
      const message = [
        `seed ${details.seed}, path ${report.path ?? '(none)'}`,
        `replay the run: ${replay}`,
        ...(report.path ? [`replay the shrunk case alone: ${replay} --path ${report.path}`] : []),
        String(details.errorInstance),
        fc.defaultReportMessage(details),
      ].join('\n');
      report.failure = message.replace(
        /(.)\1{20,}/gsu,
        (run, unit: string) => `${unit.repeat(5)}…(${run.length} code units)`,
      );
    }
    assert.equal(
      Object.getOwnPropertyNames(Object.prototype).join(),
      prototypeBefore,
      'Object.prototype changed',
    );
    await expectHealthy(bot, connector).catch((error: unknown) => {
      report.failure ??= `seed ${options.seed}: after the cases the bot is not healthy: ${(error as Error).stack}`;
    });
  } finally {
    report.elapsedMs = Date.now() - started;
    await bot.stop();
    await connector.stop();
  }
  return report;
}

async function submitForApproval(bot: BotUnderTest, connector: FakeBotConnector) {
  const walk = new AddCustomerWalk(new TeamsUser(bot, connector, 'Alex Wilber', channelThread()), connector);
  await walk.start();
  await walk.press(CARD_VERBS.accountNext, freshAccountInputs());
  await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '10' });
  const card = await walk.press(CARD_VERBS.reviewSubmit);
  assert.match(cardText(card), /Waiting for approval/);
  const audit = (await readStoreFiles(bot.dataDir)).audit;
  const submitted = audit.findLast((entry) => entry.event === 'request.submitted');
  assert.ok(submitted?.requestId);
  return submitted.requestId;
}

async function expectHealthy(bot: BotUnderTest, connector: FakeBotConnector): Promise<void> {
  assert.equal((await bot.request('GET', '/healthz')).status, 200);
  await LowdbCustomerStore.open(bot.dataDir);
  const stateLog = await readRecordLog(path.join(bot.dataDir, 'dialog-state'));
  assert.deepEqual(stateLog.damagedLines, [], 'every line of the dialog state log is whole');
  await submitForApproval(bot, connector);
}
