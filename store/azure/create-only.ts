/**
 * Marks an item handed to a dialog-state `Storage` as new: its key did not exist when its turn read it,
 * so the write must create it, and fail as an eTag conflict if another turn created it meanwhile.
 * `BlobStateStorage` writes such an item with `If-None-Match: *`; a storage that does not know the mark
 * (the JSON `FileStorage`, one process per data folder) writes it as before. A symbol, so that it never
 * reaches the stored JSON.
 */
export const CREATE_ONLY: unique symbol = Symbol('createOnly');
