/**
 * Reads a `Retry-After` value in milliseconds: delay-seconds (`"2"`, and `"0.5"` as some services send)
 * or an HTTP date (`... GMT`), counted from `now`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!text.endsWith('GMT')) return undefined;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
