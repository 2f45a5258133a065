import type { CustomerKeys } from './customer-keys.js';

/**
 * What the store needs of a file at start-up: the look-up keys of its customers, the ids of its requests
 * (with those whose creation was under way) and the requests its orders belong to. The records themselves
 * stay in the file until a call needs them.
 */
export type SegmentContents = {
  customers: CustomerKeys[];
  requestIds: string[];
  creatingRequestIds: string[];
  orderRequestIds: string[];
};

/**
 * The version of the index files' format. 1 held whole customers (validated with zod at start-up); 2 holds
 * only their look-up keys, one array per customer (see `keyTupleOf`). An index of another version is not
 * used: the store reads the file itself and writes a new index.
 */
export const SEGMENT_INDEX_VERSION = 2;

/**
 * The contents an index file's JSON holds, or undefined unless it is of this version, of the store file's
 * version on disk (`fingerprint`), made with the same normalisations (`signature`, see `keysSignature`)
 * and of the expected shape. The shape is checked field by field rather than with zod: an index holds
 * nothing but strings, and checking 100 000 customers' keys this way costs a few milliseconds.
 */
export function contentsOfIndex(
  json: unknown,
  fingerprint: string,
  signature: string,
): SegmentContents | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const index = json as Record<string, unknown>;
  if (index.version !== SEGMENT_INDEX_VERSION || index.fingerprint !== fingerprint) return undefined;
  if (index.keys !== signature) return undefined;
  const { customers, requestIds, creatingRequestIds, orderRequestIds } = index;
  if (!isStrings(requestIds) || !isStrings(creatingRequestIds) || !isStrings(orderRequestIds)) {
    return undefined;
  }
  if (!Array.isArray(customers)) return undefined;
  const keys: CustomerKeys[] = [];
  for (const tuple of customers) {
    const customer = keysOfTuple(tuple);
    if (!customer) return undefined;
    keys.push(customer);
  }
  return { customers: keys, requestIds, creatingRequestIds, orderRequestIds };
}

/** A customer's keys from the array `keyTupleOf` wrote, or undefined when it is not of that shape. */
function keysOfTuple(tuple: unknown): CustomerKeys | undefined {
  if (!Array.isArray(tuple) || tuple.length !== 7) return undefined;
  const [id, requestId, domainPrefix, normalisedName, contactEmail, searchName, domain] = tuple;
  if (
    typeof id !== 'string' ||
    (requestId !== null && typeof requestId !== 'string') ||
    typeof domainPrefix !== 'string' ||
    typeof normalisedName !== 'string' ||
    (contactEmail !== null && typeof contactEmail !== 'string') ||
    typeof searchName !== 'string' ||
    typeof domain !== 'string'
  ) {
    return undefined;
  }
  return {
    id,
    requestId: requestId ?? undefined,
    domainPrefix,
    normalisedName,
    contactEmail: contactEmail ?? undefined,
    searchName,
    domain,
  };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
