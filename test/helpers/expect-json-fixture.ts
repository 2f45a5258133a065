import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Compares a value with the JSON stored in a fixture file. With `UPDATE_CARD_FIXTURES=1` it writes the
 * fixture instead, so an intended change is recorded by running the tests once and reviewing the diff.
 */
export async function expectJsonFixture(actual: unknown, fixtureFile: URL, env = process.env): Promise<void> {
  const file = fileURLToPath(fixtureFile);
  if (env.UPDATE_CARD_FIXTURES === '1') {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`, 'utf8');
    return;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Missing fixture ${file} (${(error as Error).message}). Run the tests with UPDATE_CARD_FIXTURES=1 to write it.`,
    );
  }
  assert.deepEqual(
    actual,
    JSON.parse(text),
    `${path.basename(file)} differs; if the change is intended, run with UPDATE_CARD_FIXTURES=1 and review the diff`,
  );
}
