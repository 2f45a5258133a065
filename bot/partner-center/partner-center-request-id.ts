import { createHash } from 'node:crypto';

/**
 * The `MS-RequestId` of one logical Partner Center call made for a bot request: a GUID derived from the
 * bot's request id and what the call does (`'customer'`, `'order'`), so that every retry of it, after a
 * time-out or a restart alike, carries the same id and Partner Center carries it out once.
 */
export function partnerCenterRequestId(requestId: string, purpose: string): string {
  const hex = createHash('sha256').update(`${requestId}\n${purpose}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
