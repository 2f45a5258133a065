/** Thrown when a store file exists but cannot be used; the message names the file. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE_INVALID';
}
