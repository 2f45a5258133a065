import { runFuzz } from '../test/security/fuzz/run-fuzz.js';

/**
 * `npm run fuzz [cases] [seed]`: sends 10 000 (or `cases`) generated hostile card submits and invokes to
 * the real bot and prints what became of them; exits 1 with the shrunk counterexample if one was
 * mishandled. CI runs a few hundred of the same cases in test/security/hostile-input.spec.ts.
 */
const numRuns = Number(process.argv[2] ?? 10_000);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const report = await runFuzz({ numRuns, seed });
const lines = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `  ${String(count).padStart(6)}  ${name}`)
    .join('\n');
console.log(`fuzz: ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s`);
console.log(`by kind:\n${lines(report.kinds)}`);
console.log(`by outcome:\n${lines(report.outcomes)}`);
if (report.failure) {
  console.log(`FAILED:\n${report.failure}`);
  process.exitCode = 1;
} else {
  console.log('no 5xx, no error logged, no foreign-language or invalid card, no broken state');
}
