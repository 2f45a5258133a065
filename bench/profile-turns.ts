import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchContext } from './bench-context.js';
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
    const summary = await summariseCpuProfile(path.join(dir, `${name}.cpuprofile`), fromUs, 25);
    lines.push(
      '',
      `## ${name}: ${summary.totalMs.toFixed(0)} ms of samples after the warm-up`,
      '',
      'self time by package:',
    );
    for (const row of summary.byPackage)
      lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
    lines.push('', 'self time by function:');
    for (const row of summary.byFunction)
      lines.push(`  ${row.ms.toFixed(0).padStart(6)} ms ${pct(row.share)} ${row.name}`);
  }
  return lines.join('\n');
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1).padStart(5)}%`;
}
