/**
 * A phone number for a card everyone in a channel sees: the first three and last four digits stay,
 * the others become `*` (13800138000 → 138****8000; +86 is kept as a prefix). A number too short to
 * keep seven digits of shows only its last two.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s()-]/g, '');
  const international = compact.match(/^\+86(\d+)/);
  const digits = (international?.[1] ?? compact).replace(/\D/g, '');
  const prefix = international ? '+86 ' : '';
  if (digits.length < 9) return `${prefix}${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
  return `${prefix}${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
