import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/** The bot compiled to JavaScript in a temporary folder, and how to remove it. */
export type CompiledBot = { dir: string; remove(): Promise<void> };

const SOURCE_FOLDERS = ['bot', 'cards', 'store', 'bench/children'];
const SOURCE_FILES = ['test/fixtures/customers.ts'];

/**
 * Compiles the bot and the bench's child processes to plain JavaScript (one file per source file, as
 * `npm run build` does), so that measured processes run the way `npm start` does, without a TypeScript
 * loader in their start-up time or memory. Takes well under a second.
 */
export async function compileForBench(root: string): Promise<CompiledBot> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bench-build-'));
  const sources: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const name of await readdir(path.join(root, folder), { recursive: true })) {
      const file = path.join(folder, name);
      if (name.endsWith('.ts')) sources.push(path.join(root, file));
      else if (name.endsWith('.json')) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await cp(path.join(root, file), path.join(dir, file));
      }
    }
  }
  sources.push(...SOURCE_FILES.map((file) => path.join(root, file)));
  await build({
    entryPoints: sources,
    outbase: root,
    outdir: dir,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    sourcemap: false,
    logLevel: 'error',
  });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await cp(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
