import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import { z } from 'zod';
import { StoreFileError } from './store-file-error.js';

/** The file in the data folder that lists the customer store's segments. */
export const STORE_MANIFEST_FILE = 'store-manifest.json';

const StoreManifestSchema = z.object({
  version: z.literal(1),
  segments: z.array(z.number().int().nonnegative()),
});

/**
 * The list of the customer store's files (`store-manifest.json`), so that a file that goes missing is
 * noticed at start-up instead of its customers silently disappearing. A segment is listed once its file
 * has been written for the first time; the list is replaced atomically (temporary file, then rename).
 */
export class StoreManifest {
  private readonly writer: Writer;

  private constructor(
    readonly file: string,
    private readonly listed: Set<number>,
    private saved: boolean,
  ) {
    this.writer = new Writer(file);
  }

  /** Whether the manifest is on disk; a store written before manifests has none until it is opened. */
  get exists(): boolean {
    return this.saved;
  }

  /** Reads the manifest of `dataDir`; an absent one lists nothing, an unreadable one is a `StoreFileError`. */
  static async read(dataDir: string): Promise<StoreManifest> {
    const file = path.join(dataDir, STORE_MANIFEST_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return new StoreManifest(file, new Set(), false);
      throw new StoreFileError(
        `Cannot read the customer store manifest ${file}: ${(error as Error).message}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StoreFileError(
        `The customer store manifest ${file} is not valid JSON: ${(error as Error).message}`,
      );
    }
    const parsed = StoreManifestSchema.safeParse(json);
    if (!parsed.success) {
      throw new StoreFileError(`The customer store manifest ${file} does not have the expected shape`);
    }
    return new StoreManifest(file, new Set(parsed.data.segments), true);
  }

  /** Whether segment `index` is listed. */
  has(index: number): boolean {
    return this.listed.has(index);
  }

  /** The listed segments that are not among `present`, lowest first. */
  missingFrom(present: readonly number[]): number[] {
    const found = new Set(present);
    return [...this.listed].filter((index) => !found.has(index)).sort((a, b) => a - b);
  }

  /** Lists `indexes` and saves the manifest, or does nothing when they are all listed already (and it exists). */
  async add(...indexes: number[]): Promise<void> {
    const added = indexes.filter((index) => !this.listed.has(index));
    if (added.length === 0 && this.saved) return;
    for (const index of added) this.listed.add(index);
    const segments = [...this.listed].sort((a, b) => a - b);
    try {
      await this.writer.write(`${JSON.stringify({ version: 1, segments }, null, 2)}\n`);
    } catch (error) {
      for (const index of added) this.listed.delete(index);
      throw error;
    }
    this.saved = true;
  }
}
