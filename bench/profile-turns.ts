import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchContext } from './bench-context.js';
import { measureConcurrency } from './sections/concurrency.js';
import { measureTurnLatency } from './sections/turn-latency.js';
import { summariseCpuProfile } from './summarise-cpu-profile.js';

/**
 * `npm run bench -- --profile`: the turn-latency walks with the bot and the echo baseline under
 * `node --cpu-prof`; writes `bot.cpuprofile` and `echo.cpuprofile` to `dir` (open them in Chrome
 * DevTools) and returns a summary of where each spent its CPU time.
 */
export async function profileTurns(context: BenchContext, dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const latency = await measureTurnLatency(context, { profileDir: dir });
  const lines: string[] = [
    `${latency.walks} walks; echo p50 ${latency.echo.p50.toFixed(2)} ms; step p50: ${Object.entries(
      latency.steps,
    )
      .map(([step, s]) => `${step} ${s.p50.toFixed(2)} ms`)
      .join(', ')}`,
  ];
  for (const name of ['bot', 'echo'] as const) {
    const fromUs = latency.profileFromUs?.[name] ?? 0;
    lines.push(...(await profileLines(path.join(dir, `${name}.cpuprofile`), fromUs, `${name}`)));
  }
  return lines.join('\n');
}

/**
 * `npm run bench -- --profile --only concurrency`: the concurrency run (every user at once, over the
 * plan's pool of connections; no echo bot) with the bot under `node --cpu-prof`; writes
 * `concurrency.cpuprofile` to `dir` and returns a summary of the bot's CPU from the moment every user
 * started (the warm-up walks left out).
 */
export async function profileConcurrency(context: BenchContext, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const run = await measureConcurrency(context, { profileDir: dir, echoBaseline: false });
  return [
    `${run.completed} dialogs in ${run.seconds.toFixed(2)} s (${run.dialogsPerSecond.toFixed(1)} dialogs/s under the profiler); bot CPU ${run.cpu.botSeconds.toFixed(2)} s`,
    ...(await profileLines(path.join(dir, 'concurrency.cpuprofile'), run.profileFromUs ?? 0, 'bot')),
  ].join('\n');
}

async function profileLines(file: string, fromUs: number, name: string): Promise<string[]> {
  const summary = await summariseCpuProfile(file, fromUs, 25);
  const lines = [
    '',
    `## ${name}: ${summary.totalMs.toFixed(0)} ms of samples after the warm-up`,
    '',
    'self time by package:',
  ];
  for (const row of summary.byPackage)
    lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
  lines.push('', 'self time by function:');
  for (const row of summary.byFunction)
    lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
  return lines;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1).padStart(5)}%`;
}
