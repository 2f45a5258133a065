import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaygroundPage } from './playground-page.js';

const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/**
 * Keeps what a failed browser test saw: a full-page screenshot and a text file with the page's errors,
 * the bot's log lines and the Playground's output, in `test-artifacts/` (gitignored), named after the
 * test. Returns the files written, for the failure message.
 */
export async function saveFailureArtifacts(
  testTitle: string,
  playground: PlaygroundPage | undefined,
  logs: Record<string, string>,
): Promise<string[]> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const base = path.join(
    ARTIFACTS_DIR,
    `playground-${testTitle
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80)}`,
  );
  const files: string[] = [];
  const sections = { ...logs };
  if (playground) {
    try {
      await playground.screenshot(`${base}.png`);
      files.push(`${base}.png`);
    } catch (error) {
      sections.screenshot = `no screenshot: ${(error as Error).message}`;
    }
    sections['page errors'] = playground.pageErrors.join('\n') || '(none)';
  }
  const text = Object.entries(sections)
    .map(([name, content]) => `===== ${name}\n${content}\n`)
    .join('\n');
  await writeFile(`${base}.log`, text);
  files.push(`${base}.log`);
  return files;
}
