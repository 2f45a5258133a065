import { runCrashTest } from './crash-test/run-crash-test.js';

/**
 * `npm run crash-test [runs]`: kills a process writing customers 200 times (or `runs`) at random moments
 * and checks after each kill that the store opens and holds every acknowledged customer exactly once.
 */
const runs = Number(process.argv[2] ?? 200);
const report = await runCrashTest({ runs, lanes: 2 });
console.log(
  `crash test: ${report.runs} kills, ${report.acknowledged} customers acknowledged, ${report.stored} stored, ` +
    `${report.lost.length} lost, ${report.duplicated.length} duplicated, ${report.unreadable.length} times unreadable ` +
    `(${(report.elapsedMs / 1000).toFixed(1)} s)`,
);
for (const problem of [
  ...report.unreadable,
  ...report.lost.map((id) => `lost ${id}`),
  ...report.duplicated.map((id) => `duplicated ${id}`),
]) {
  console.log(`  ${problem}`);
}
process.exitCode = report.lost.length + report.duplicated.length + report.unreadable.length > 0 ? 1 : 0;
