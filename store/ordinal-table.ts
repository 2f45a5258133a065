const EMPTY = -1;
const REMOVED = -2;

/**
 * A hash table from string keys to ordinals (places in arrays that hold the keys), storing nothing but
 * the ordinals: an `Int32Array` with open addressing, about 12 bytes per entry where a `Map` entry costs
 * about 37 and needs its own reference to the key. `keyOf` gives the key of an ordinal, so the arrays of
 * keys must change only after the ordinal is removed and before it is added again.
 *
 * `set` keeps one ordinal per key (the last one set, as `Map.set` does); `add` lets several share a key.
 */
export class OrdinalTable {
  private slots = new Int32Array(16).fill(EMPTY);
  /** Slots that are not empty: entries and removed ones, which probes step over. */
  private filled = 0;

  constructor(private readonly keyOf: (ordinal: number) => string | undefined) {}

  /** The first ordinal found under `key`. */
  get(key: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const ordinal = this.slots[at] as number;
      if (ordinal === EMPTY) return undefined;
      if (ordinal >= 0 && this.keyOf(ordinal) === key) return ordinal;
    }
  }

  /** Every ordinal under `key`, lowest first. */
  getAll(key: string): number[] {
    const found: number[] = [];
    const mask = this.slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const ordinal = this.slots[at] as number;
      if (ordinal === EMPTY) return found.sort((a, b) => a - b);
      if (ordinal >= 0 && this.keyOf(ordinal) === key) found.push(ordinal);
    }
  }

  /** Puts `ordinal` under `key` in place of any other. */
  set(key: string, ordinal: number): void {
    for (let other = this.get(key); other !== undefined; other = this.get(key)) this.remove(key, other);
    this.add(key, ordinal);
  }

  /** Puts `ordinal` under `key`, beside any others. */
  add(key: string, ordinal: number): void {
    if ((this.filled + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let at = hashOf(key) & mask;
    while ((this.slots[at] as number) >= 0) at = (at + 1) & mask;
    if (this.slots[at] === EMPTY) this.filled += 1;
    this.slots[at] = ordinal;
  }

  /** Takes `ordinal` from under `key`, if it is there. */
  remove(key: string, ordinal: number): void {
    const mask = this.slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const found = this.slots[at] as number;
      if (found === EMPTY) return;
      if (found === ordinal) {
        this.slots[at] = REMOVED;
        return;
      }
    }
  }

  /** Rebuilds the table without its removed slots, twice as large when half of it holds entries. */
  private rehash(): void {
    const entries = this.slots.filter((ordinal) => ordinal >= 0);
    const size = entries.length * 4 > this.slots.length ? this.slots.length * 2 : this.slots.length;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.filled = 0;
    for (const ordinal of entries) this.add(this.keyOf(ordinal) as string, ordinal);
  }
}

/** FNV-1a over the string's UTF-16 code units, then mixed (murmur3's finaliser) so that low bits spread. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at += 1) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
