import type { TableEntity } from '@azure/data-tables';
import type { z } from 'zod';

/**
 * A string property holds at most 64 KiB (32 K UTF-16 characters); a record's JSON is split into
 * `json0`, `json1`, … of this many characters, so that a request with many posted cards still fits
 * (an entity holds 1 MiB).
 */
const CHUNK = 30_000;

/** A row of the bot's tables: its keys, the record as JSON, and properties to filter on. */
export type JsonEntity = TableEntity<Record<string, string | number | boolean>>;

/**
 * A key as a PartitionKey or RowKey may hold it: `/`, `\`, `#`, `?` and control characters are not
 * allowed there, and percent-encoding leaves none of them (nor changes an id of letters, digits and `-`).
 */
export function tableKey(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The row of `record` under `partitionKey`/`rowKey`, with `extra` properties beside its JSON. */
export function jsonEntity(
  partitionKey: string,
  rowKey: string,
  record: unknown,
  extra: Record<string, string | number | boolean> = {},
): JsonEntity {
  const json = JSON.stringify(record);
  const entity: JsonEntity = {
    partitionKey,
    rowKey,
    ...extra,
    jsonChunks: Math.max(1, Math.ceil(json.length / CHUNK)),
  };
  for (let at = 0, n = 0; at < json.length || n === 0; at += CHUNK, n += 1)
    entity[`json${n}`] = json.slice(at, at + CHUNK);
  return entity;
}

/** The record a row holds, checked against `schema` (a row another version wrote must still be whole). */
export function recordOf<S extends z.ZodType>(entity: Record<string, unknown>, schema: S): z.infer<S> {
  const chunks = Number(entity.jsonChunks ?? 1);
  let json = '';
  for (let n = 0; n < chunks; n += 1) json += String(entity[`json${n}`] ?? '');
  return schema.parse(JSON.parse(json));
}

/** The HTTP status of an Azure Storage error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** True when a conditional write lost: the row exists (409) or changed since it was read (412). */
export function lostRace(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412;
}
