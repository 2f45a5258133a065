import { readFile } from 'node:fs/promises';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Where CPU time went: milliseconds of self time per package and per function, largest first. */
export type ProfileSummary = {
  totalMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  byFunction: { name: string; ms: number; share: number }[];
};

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and sums self time per package (`node_modules/<name>`,
 * the bot's own folders, Node internals, GC, idle) and per function, from the moment `fromUs` of the
 * process's monotonic clock on, so that a profile answers "what does a turn spend its time on" in a few lines.
 */
export async function summariseCpuProfile(file: string, fromUs = 0, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs) selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000);
  });
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalMs += ms;
    const owner = ownerOf(frame.url, frame.functionName);
    packages.set(owner, (packages.get(owner) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
  return { totalMs, byPackage: rank(packages), byFunction: rank(functions) };
}

function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1] as string;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(bot|cards|store|bench)\//.exec(url);
  return own ? `${own[1]}/ (ours)` : url;
}

function shortUrl(url: string): string {
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) return url.slice(inModules + 'node_modules/'.length);
  const own = /\/((?:bot|cards|store|bench)\/.*)$/.exec(url);
  return own ? (own[1] as string) : url;
}
