import { parseArgs } from 'node:util';
import { summariseCpuProfile } from './summarise-cpu-profile.js';

/**
 * `npx tsx bench/print-cpu-profile.ts <file.cpuprofile> [--top 25]`: prints where a profile written by
 * `node --cpu-prof` (for example by `npm run bench -- --profile`, or a bot started with it) spent its CPU,
 * self time per package and per function, so that a before/after comparison can be rerun by anyone.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const [file] = positionals;
if (!file) throw new Error('usage: npx tsx bench/print-cpu-profile.ts <file.cpuprofile> [--top 25]');
const summary = await summariseCpuProfile(file, 0, Number(values.top));
const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
const lines = [`${summary.totalMs.toFixed(0)} ms of samples`, '', 'self time by package:'];
for (const row of summary.byPackage)
  lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
lines.push('', 'self time by function:');
for (const row of summary.byFunction)
  lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
process.stdout.write(`${lines.join('\n')}\n`);
