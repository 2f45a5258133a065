import { readdirSync } from 'node:fs';

/** The names in `folder`, synchronously; none when it does not exist (or a file stands in its place). */
export function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
