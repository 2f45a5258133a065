import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@$%&+=?';

/** The character classes a temporary password draws from; ambiguous characters (0 O o 1 l I) are left out. */
export const PASSWORD_CLASSES = { UPPER, LOWER, DIGITS, SYMBOLS } as const;

/** The length of every temporary password. */
export const TEMPORARY_PASSWORD_LENGTH = 16;

/** A source of uniform random integers in [0, max); `crypto.randomInt` unless a test passes its own. */
export type RandomInt = (max: number) => number;

/**
 * Generates a temporary admin password for a new customer tenant: 16 ASCII characters with at least one
 * upper-case letter, lower-case letter, digit and symbol, drawn with a cryptographic random source.
 * Symbols that Markdown would interpret are left out so that the password shows literally on a card.
 */
export function generateTemporaryPassword(random: RandomInt = (max) => randomInt(max)): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (alphabet: string) => alphabet.charAt(random(alphabet.length));
  const characters = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (characters.length < TEMPORARY_PASSWORD_LENGTH) characters.push(pick(all));
  for (let i = characters.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}
