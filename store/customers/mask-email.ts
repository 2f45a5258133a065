/**
 * An email address for a card everyone in a channel sees: the first character of the mailbox, then
 * `***`, then the domain (li.na@xingchen.cn → l***@xingchen.cn), so the company stays recognisable
 * and the person's address is not given away.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}
