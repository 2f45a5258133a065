/**
 * Operation `n` of the record log's crash test (`test/store/record-log.spec.ts`): a put of one of the
 * keys `k0`…`k22` with a value of 1–13 KB that names `n` (so lines cross pages), or, every fifth, a
 * delete.
 */
export function recordLogOperation(n: number): { key: string; value: string | undefined } {
  const key = `k${(n * 7) % 23}`;
  if (n % 5 === 4) return { key, value: undefined };
  return { key, value: JSON.stringify({ n, pad: '记'.repeat(300 + ((n * 977) % 4000)) }) };
}

/** The compaction policy of the crash test: small enough that the child compacts every few dozen operations. */
export const CRASH_TEST_COMPACTION = { deadBytesOver: 40_000, deadShareOver: 0.5 };
