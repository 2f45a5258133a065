import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Writer } from 'steno';
import type { z } from 'zod';
import type { KeyedRecords } from './keyed-records.js';

const RECORD_FILE = /^([0-9a-f]{2})+\.json$/;

/**
 * A folder of small JSON records, one file per key, each written atomically (a temporary file, then a
 * rename), so that a record is whole or absent; parsed with `schema` when read. File names are the key
 * in hex, so that no key can reach outside the folder. For records that live until they are done with
 * (the credentials outbox, notices for later), not for the customer store.
 */
export class JsonRecordFolder<S extends z.ZodType> implements KeyedRecords<z.infer<S>> {
  private ready: Promise<unknown> | undefined;

  constructor(
    readonly folder: string,
    private readonly schema: S,
  ) {}

  /** Writes (or replaces) the record of `key`. */
  async put(key: string, record: z.infer<S>): Promise<void> {
    this.ready ??= mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    await new Writer(this.fileFor(key)).write(JSON.stringify(this.schema.parse(record)));
  }

  /** The record of `key`, or undefined when there is none. */
  async get(key: string): Promise<z.infer<S> | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return this.schema.parse(JSON.parse(text));
  }

  /** The keys of every record present. */
  async keys(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => RECORD_FILE.test(name))
      .map((name) => Buffer.from(name.slice(0, -'.json'.length), 'hex').toString('utf8'));
  }

  /** Deletes the record of `key`; nothing to do when it is already gone. */
  async delete(key: string): Promise<void> {
    try {
      await unlink(this.fileFor(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private fileFor(key: string): string {
    return path.join(this.folder, `${Buffer.from(key, 'utf8').toString('hex')}.json`);
  }
}
