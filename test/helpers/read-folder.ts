import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under a folder and its content, by path relative to the folder: compare two readings to
 * see that a turn wrote nothing (neither the store nor the dialog state).
 */
export async function readFolder(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const contents = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return Object.fromEntries(files.map((file, i) => [path.relative(folder, file), contents[i] ?? '']));
}
