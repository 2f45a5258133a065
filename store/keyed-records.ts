/**
 * Small records kept by key until they are done with (the credentials outbox, notices for later):
 * a record log in the data folder (`JsonRecordLog`) or rows of a table (`AzureTableRecords`).
 */
export interface KeyedRecords<T> {
  /** Writes (or replaces) the record of `key`. */
  put(key: string, record: T): Promise<void>;
  /** The record of `key`, or undefined when there is none. */
  get(key: string): Promise<T | undefined>;
  /** The keys of every record present. */
  keys(): Promise<string[]>;
  /** Deletes the record of `key`; nothing to do when it is already gone. */
  delete(key: string): Promise<void>;
}
