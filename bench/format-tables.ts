import type { BenchResults } from './bench-results.js';
import type { AzureStoreResult } from './sections/azure-store.js';
import type { ConcurrencyResult } from './sections/concurrency.js';
import type { LatencyWithStoreResult } from './sections/latency-with-store.js';
import type { PartnerCenterResult } from './sections/partner-center.js';
import type { StoreGrowthResult } from './sections/store-growth.js';
import type { LatencyResult } from './sections/turn-latency.js';
import type { TargetCheck } from './targets.js';
import { STEPS } from './timed-walk.js';

const ms = (value: number) => value.toFixed(2);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const count = (value: number) => value.toLocaleString('en-US');

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The run's results as Markdown tables, as printed by `npm run bench` and pasted into docs/BENCHMARKS.md. */
export function formatTables(results: BenchResults, targets: TargetCheck[]): string {
  const { machine, latency, concurrency, storeGrowth, memory, latencyWithStore, partnerCenter } = results;
  const parts: string[] = [];
  parts.push(
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${
      results.quick ? 'quick run' : 'full run'
    } of ${results.seconds.toFixed(0)} s on ${machine.date}; sections: ${results.sections.join(', ')}.`,
  );
  if (latency) parts.push(latencyTable(latency));
  if (latencyWithStore) parts.push(latencyWithStoreTable(latencyWithStore));
  if (concurrency) parts.push(concurrencyTables(concurrency));
  if (results.concurrencyNewConnections) parts.push(concurrencyTables(results.concurrencyNewConnections));
  if (partnerCenter) parts.push(partnerCenterTable(partnerCenter));
  if (storeGrowth) parts.push(storeGrowthTable(storeGrowth), segmentSizeTable(storeGrowth));
  if (results.azure) parts.push(azureTables(results.azure, latency));
  if (memory) parts.push(memoryTable(memory, storeGrowth?.tuned?.nodeOptions));
  parts.push(
    `### Targets\n\n${table(
      ['target', 'measured', 'met'],
      targets.map((check) => [
        check.target,
        check.measured,
        check.met === 'not judged' ? 'not judged' : check.met ? 'yes' : 'NO',
      ]),
    )}`,
  );
  return parts.join('\n\n');
}

function latencyTable(latency: LatencyResult): string {
  return `### Turn latency (${latency.walks} walks, one at a time; ms)\n\n${table(
    ['step', 'p50', 'p95', 'p99', 'p50 ÷ echo p50', 'p99 ÷ echo p99', 'p99 ÷ echo p50'],
    [
      ['echo turn', ms(latency.echo.p50), ms(latency.echo.p95), ms(latency.echo.p99), '1.00×', '1.00×', ''],
      ...STEPS.map((step) => {
        const s = latency.steps[step];
        return [
          step === 'credentials' ? 'credentials (after the approval turn)' : step,
          ms(s.p50),
          ms(s.p95),
          ms(s.p99),
          ratio(s.p50Ratio),
          ratio(s.p99RatioToEchoP99),
          ratio(s.p99Ratio),
        ];
      }),
    ],
  )}\n\nCPU time: bot ${ms(latency.cpu.botMsPerWalk)} ms per walk (five turns and the credentials), echo ${ms(latency.cpu.echoMsPerTurn)} ms per turn.`;
}

function latencyWithStoreTable(stored: LatencyWithStoreResult): string {
  return `### Turn latency with ${count(stored.customers)} customers already stored (p50 ms, and ratio to the echo p50 of the same run)\n\n${table(
    [
      'step',
      `segmented (${stored.segmented.walks} walks)`,
      `single file, as before (${stored.singleFile.walks} walks)`,
    ],
    [
      ['echo turn', ms(stored.segmented.echo.p50), ms(stored.singleFile.echo.p50)],
      ...STEPS.map((step) => [
        step,
        `${ms(stored.segmented.steps[step].p50)} (${ratio(stored.segmented.steps[step].p50Ratio)})`,
        `${ms(stored.singleFile.steps[step].p50)} (${ratio(stored.singleFile.steps[step].p50Ratio)})`,
      ]),
    ],
  )}`;
}

function concurrencyTables(concurrency: ConcurrencyResult, where = ''): string {
  return `### Concurrency${where} (${concurrency.users} users in ${concurrency.threads} channel threads at once, ${connectionsText(concurrency.connections)})\n\n${table(
    [
      'completed dialogs',
      'seconds',
      'dialogs/s',
      'failed walks',
      'bot error logs',
      'customers stored (incl. 2 warm-up walks)',
      'each exactly once',
    ],
    [
      [
        concurrency.completed,
        concurrency.seconds.toFixed(2),
        concurrency.dialogsPerSecond.toFixed(1),
        concurrency.failedWalks,
        concurrency.botErrorLines,
        concurrency.customersStored,
        concurrency.customersExactlyOnce ? 'yes' : 'NO',
      ],
    ],
  )}\n\n${table(
    ['step', ...STEPS],
    [
      ['p50 ms', ...STEPS.map((step) => ms(concurrency.steps[step].p50))],
      ['p99 ms', ...STEPS.map((step) => ms(concurrency.steps[step].p99))],
    ],
  )}${concurrencyCpu(concurrency)}`;
}

/** How the run's users reached the bot, for a table's title. */
function connectionsText(connections: ConcurrencyResult['connections']): string {
  return connections === 'newPerUser'
    ? 'each user on a new connection of their own'
    : `over ${connections} kept-alive connections`;
}

/** The CPU the run took, the bot's and the simulated users', and the echo bot under the same load. */
function concurrencyCpu({ cpu, seconds, completed, echo }: ConcurrencyResult): string {
  if (!cpu) return '';
  const bot = `\n\nCPU during the run: bot ${cpu.botSeconds.toFixed(2)} s (${((cpu.botSeconds * 1000) / completed).toFixed(1)} ms per dialog), the bench's users and fake Bot Connector ${cpu.benchSeconds.toFixed(2)} s, in ${seconds.toFixed(2)} s of wall time.`;
  if (!echo) return bot;
  return `${bot}\n\nThe echo bot under the same load (the same users and threads, each posting five messages one after another, each answered with one message): ${echo.walksPerSecond.toFixed(1)} walks/s, p99 to the first answer ${ms(echo.firstAnswer.p99)} ms (p50 ${ms(echo.firstAnswer.p50)} ms), ${echo.failedWalks} failed walks; CPU: echo ${echo.cpu.echoSeconds.toFixed(2)} s (${((echo.cpu.echoSeconds * 1000) / (echo.walksPerSecond * echo.seconds)).toFixed(1)} ms per walk), the bench ${echo.cpu.benchSeconds.toFixed(2)} s, in ${echo.seconds.toFixed(2)} s.`;
}

/** The bot on Azurite beside the JSON store's latency section of the same run (when it ran). */
function azureTables(azure: AzureStoreResult, json: LatencyResult | undefined): string {
  const cell = (run: LatencyResult | undefined, quantile: 'p50' | 'p99', step?: (typeof STEPS)[number]) => {
    if (!run) return 'not run';
    if (!step) return ms(run.echo[quantile]);
    const s = run.steps[step];
    return `${ms(s[quantile])} (${ratio(quantile === 'p50' ? s.p50Ratio : s.p99RatioToEchoP99)})`;
  };
  const cpu = (run: LatencyResult | undefined) => (run ? ms(run.cpu.botMsPerWalk) : 'not run');
  return `### The bot on Azurite (STORE=azure) beside the JSON store (ms; ratio to the echo turn of the same run)\n\n${table(
    [
      'step',
      `JSON p50 (${json?.walks ?? 0} walks)`,
      `Azure p50 (${azure.latency.walks} walks)`,
      'JSON p99',
      'Azure p99',
    ],
    [
      [
        'echo turn',
        cell(json, 'p50'),
        cell(azure.latency, 'p50'),
        cell(json, 'p99'),
        cell(azure.latency, 'p99'),
      ],
      ...STEPS.map((step) => [
        step,
        cell(json, 'p50', step),
        cell(azure.latency, 'p50', step),
        cell(json, 'p99', step),
        cell(azure.latency, 'p99', step),
      ]),
    ],
  )}\n\nCPU time of the bot per walk: JSON ${cpu(json)} ms, Azure ${cpu(azure.latency)} ms (Azurite's own CPU not counted). Azurite started in ${azure.azuriteStartMs.toFixed(0)} ms.\n\n${concurrencyTables(azure.concurrency, ' on Azurite')}`;
}

function partnerCenterTable(pc: PartnerCenterResult): string {
  return `### Partner Center (${pc.walks} walks; every call answered after ${pc.latencyMs} ms; ms)\n\n${table(
    ['from pressing Submit to', 'p50', 'p95', 'p99', 'max'],
    [
      ['the bot’s answer (the card shows Creating…)', ...summaryCells(pc.submitAnswer)],
      ['the credentials in the 1:1 chat', ...summaryCells(pc.submitToCredentials)],
    ],
  )}\n\nPartner Center calls per customer: ${pc.callsPerCustomer.toFixed(1)} (domain and address checks on Next, create, order).`;
}

function storeGrowthTable(storeGrowth: StoreGrowthResult): string {
  return `### Store growth (segment size ${count(storeGrowth.segmentSize)} records; times in ms, look-ups in µs)\n\n${table(
    [
      'layout',
      'customers',
      'files',
      'size MB',
      'largest MB',
      'open',
      'save p50',
      'save p95',
      'save mean',
      'store work / walk p50',
      'isDomainTaken µs',
      'findMatching µs',
      'bot cold start',
      'bot RSS MB',
    ],
    storeGrowth.points.map((p) => [
      p.layout,
      count(p.customers),
      count(p.files),
      mb(p.bytes),
      mb(p.largestFileBytes),
      p.openMs.toFixed(0),
      ms(p.save.p50),
      ms(p.save.p95),
      ms(p.save.mean),
      ms(p.walkStoreWork.p50),
      p.domainLookupUs.toFixed(2),
      p.matchLookupUs.toFixed(2),
      p.coldStart ? p.coldStart.ms.toFixed(0) : 'n/a',
      p.coldStart ? mb(p.coldStart.memory.rss) : 'n/a',
    ]),
  )}${storeGrowth.skipped.length ? `\n\nNot run: ${storeGrowth.skipped.join(', ')} (the single file would exceed what V8 can hold as one string).` : ''}\n\nCold start on an empty data folder: bot ${storeGrowth.baseline.bot.ms.toFixed(0)} ms (imports ${storeGrowth.baseline.bot.importMs.toFixed(0)} ms, createApp ${storeGrowth.baseline.bot.createAppMs.toFixed(0)} ms), echo ${storeGrowth.baseline.echo.ms.toFixed(0)} ms.`;
}

function segmentSizeTable(storeGrowth: StoreGrowthResult): string {
  return `### Segment size (${count(storeGrowth.sweep[0]?.customers ?? 0)} customers; ms)\n\n${table(
    [
      'records per file',
      'files',
      'open',
      'save p50',
      'save mean',
      'store work / walk p50',
      'store work / walk p95',
    ],
    storeGrowth.sweep.map((p) => [
      count(p.segmentSize),
      count(p.files),
      p.openMs.toFixed(0),
      ms(p.save.p50),
      ms(p.save.mean),
      ms(p.walkStoreWork.p50),
      ms(p.walkStoreWork.p95),
    ]),
  )}`;
}

function memoryTable(memory: NonNullable<BenchResults['memory']>, leanFlags: string[] | undefined): string {
  const optional = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : mb(bytes));
  return `### Memory (RSS after a full GC, MB)\n\n${table(
    [
      'echo after start',
      'bot after start',
      `bot with ${count(memory.botWithStore.customers)} customers`,
      'same, single-file store',
      `same, ${leanFlags?.join(' ') ?? 'lean flags'}`,
      'bot after the concurrency run',
    ],
    [
      [
        mb(memory.echoAfterStart),
        mb(memory.botAfterStart),
        mb(memory.botWithStore.rss),
        optional(memory.botWithStore.singleFileRss),
        optional(memory.botWithStore.leanRss),
        optional(memory.botAfterConcurrency),
      ],
    ],
  )}`;
}

function summaryCells(summary: { p50: number; p95: number; p99: number; max: number }): string[] {
  return [ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)];
}
