/**
 * True when a `Storage` write was refused because the item changed since it was read: `FileStorage`'s
 * `ETagConflictError`, or the SDK storages' (`BlobsStorage`, `MemoryStorage`) plain error, which only
 * its message tells apart.
 */
export function isETagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error as { code?: unknown }).code === 'ETAG_CONFLICT' || /due to eTag conflict/i.test(error.message)
  );
}
