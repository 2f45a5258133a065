import type { InstalledCopy } from './find-installed-copies.js';

/**
 * What is wrong with the Bot Framework packages: a pin in package.json that is not one exact version
 * (all pins the same), a package installed more than once or at another version than its pin, or one
 * not from the pinned release (`4.23.3` and its tagged builds such as `4.23.3-internal`). Each problem
 * names the package, and a duplicate names every copy with its folder. Empty when all is well.
 */
export function botFrameworkPackageProblems(
  pins: Record<string, string>,
  installed: InstalledCopy[],
): string[] {
  const problems: string[] = [];
  const releases = new Set(Object.values(pins));
  for (const [name, pin] of Object.entries(pins)) {
    if (!/^\d+\.\d+\.\d+$/.test(pin)) problems.push(`${name} is pinned as "${pin}", not one exact version`);
  }
  if (releases.size > 1) problems.push(`the pins name several releases: ${[...releases].join(', ')}`);
  const [release] = releases;
  const byName = new Map<string, InstalledCopy[]>();
  for (const copy of installed) byName.set(copy.name, [...(byName.get(copy.name) ?? []), copy]);
  for (const name of Object.keys(pins)) {
    if (!byName.has(name)) problems.push(`${name} is pinned but not installed`);
  }
  for (const [name, copies] of byName) {
    const where = copies.map((copy) => `${copy.version} in ${copy.folder}`).join(', ');
    if (copies.length > 1) problems.push(`${name} is installed ${copies.length} times: ${where}`);
    const pin = pins[name];
    for (const { version, folder } of copies) {
      if (pin !== undefined && version !== pin) {
        problems.push(`${name} ${version} in ${folder} is not its pinned version ${pin}`);
      } else if (pin === undefined && version !== release && !version.startsWith(`${release}-`)) {
        problems.push(`${name} ${version} in ${folder} is not from the pinned release ${release}`);
      }
    }
  }
  return problems;
}
