import { parseArgs } from 'node:util';
import { runFuzz } from '../test/security/fuzz/run-fuzz.js';

/**
 * `npm run fuzz -- [--runs N] [--seed N] [--path P]`: sends 10 000 (or `--runs`) generated hostile card
 * submits and invokes to the real bot and prints what became of them; exits 1 with the seed, fast-check's
 * path and the shrunk counterexample if one was mishandled. The same `--seed` and `--runs` press the same
 * cases again; `--path` (from a failure) replays only the shrunk case. Without `--seed` a random seed is
 * used and printed. `npm test` runs a few hundred cases from a fixed seed in
 * test/security/hostile-input.spec.ts.
 */
const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed N] [--path P]';

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    console.error(`--${name} must be an integer, not ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parseOptions();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const numRuns = integer('runs', args.runs, 10_000);
const seed = integer('seed', args.seed, Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: ${numRuns} cases from seed ${seed}${args.path ? `, path ${args.path}` : ''}`);
const report = await runFuzz({ numRuns, seed, path: args.path });
const lines = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `  ${String(count).padStart(6)}  ${name}`)
    .join('\n');
console.log(
  `fuzz: ${report.cases} cases from seed ${report.seed} in ${(report.elapsedMs / 1000).toFixed(1)} s`,
);
console.log(`by kind:\n${lines(report.kinds)}`);
console.log(`by outcome:\n${lines(report.outcomes)}`);
if (report.failure) {
  console.log(`FAILED:\n${report.failure}`);
  process.exitCode = 1;
} else {
  console.log('no 5xx, no error logged, no foreign-language or invalid card, no broken state');
}
