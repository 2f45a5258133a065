import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One installed copy of a package: its name, version and folder relative to the project. */
export type InstalledCopy = { name: string; version: string; folder: string };

/**
 * Every copy of the packages whose name `matches` under `node_modules`, nested `node_modules` folders
 * included, read from each copy's own package.json: what Node.js can actually load, whatever the lock says.
 */
export async function findInstalledCopies(
  root: string,
  matches: (name: string) => boolean,
): Promise<InstalledCopy[]> {
  const copies: InstalledCopy[] = [];
  const visit = async (modulesFolder: string): Promise<void> => {
    const entries = await readdir(modulesFolder, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const names = entry.name.startsWith('@')
        ? (await readdir(path.join(modulesFolder, entry.name))).map((name) => `${entry.name}/${name}`)
        : [entry.name];
      for (const name of names) {
        const folder = path.join(modulesFolder, name);
        if (matches(name)) {
          const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as {
            version: string;
          };
          copies.push({ name, version: manifest.version, folder: path.relative(root, folder) });
        }
        await visit(path.join(folder, 'node_modules'));
      }
    }
  };
  await visit(path.join(root, 'node_modules'));
  return copies;
}
