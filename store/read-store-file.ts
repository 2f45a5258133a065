import { readFile } from 'node:fs/promises';
import { type StoreFile, StoreFileSchema } from './customer-schema.js';
import { applyJournal, readJournal } from './segment-journal.js';
import { StoreFileError } from './store-file-error.js';

/** An empty store file. */
export function emptyStoreFile(): StoreFile {
  return { customers: [], requests: [], orders: [], audit: [] };
}
/** Reads and validates one store file, with the changes of its journal; a missing file is an empty store. */
export async function readStoreFile(file: string): Promise<StoreFile> {
  const journal = await readJournal(file);
  const data = parseStoreFile(file, await readText(file));
  applyJournal(file, journal, data);
  return data;
}

/** The text of a store file, undefined when it does not exist, or the error to throw when it is parsed. */
export async function readText(file: string): Promise<string | undefined | StoreFileError> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return new StoreFileError(`Cannot read the customer store ${file}: ${(error as Error).message}`);
  }
}

/** Parses and validates a store file's text; errors name the file and, for a wrong shape, the field. */
export function parseStoreFile(file: string, text: string | undefined | StoreFileError): StoreFile {
  if (text instanceof StoreFileError) throw text;
  if (text === undefined) return emptyStoreFile();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(`The customer store ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = StoreFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreFileError(
      `The customer store ${file} does not have the expected shape (${first?.path.join('.')}: ${first?.message})`,
    );
  }
  return parsed.data;
}
