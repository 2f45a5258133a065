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

  /** Makes room for `count` entries at once, so that adding them does not grow the table step by step. */
  reserve(count: number): void {
    let size = this.slots.length;
    while (size < (this.filled + count + 1) * 2) size *= 2;
    if (size > this.slots.length) this.rehash(size);
  }

  /** The first ordinal found under `key`. */
  get(key: string): number | undefined {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const ordinal = slots[at] as number;
      if (ordinal === EMPTY) return undefined;
      if (ordinal >= 0 && this.keyOf(ordinal) === key) return ordinal;
    }
  }

  /** Every ordinal under `key`, lowest first. */
  getAll(key: string): number[] {
    const found: number[] = [];
    const { slots } = this;
    const mask = slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const ordinal = slots[at] as number;
      if (ordinal === EMPTY) return found.sort((a, b) => a - b);
      if (ordinal >= 0 && this.keyOf(ordinal) === key) found.push(ordinal);
    }
  }

  /** Puts `ordinal` under `key` in place of any other. */
  set(key: string, ordinal: number): void {
    this.put(key, ordinal, true);
  }

  /** Puts `ordinal` under `key`, beside any others. */
  add(key: string, ordinal: number): void {
    this.put(key, ordinal, false);
  }

  /** Takes `ordinal` from under `key`, if it is there. */
  remove(key: string, ordinal: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const found = slots[at] as number;
      if (found === EMPTY) return;
      if (found === ordinal) {
        slots[at] = REMOVED;
        return;
      }
    }
  }

  /**
   * One pass along `key`'s probe sequence: with `replace`, removes the ordinals under `key` on the way;
   * puts `ordinal` in the first free slot (removed or empty).
   */
  private put(key: string, ordinal: number, replace: boolean): void {
    if ((this.filled + 1) * 2 > this.slots.length) this.rehash();
    const { slots } = this;
    const mask = slots.length - 1;
    let free = -1;
    let at = hashOf(key) & mask;
    for (; slots[at] !== EMPTY; at = (at + 1) & mask) {
      const found = slots[at] as number;
      if (found === REMOVED || (replace && this.keyOf(found) === key)) {
        slots[at] = REMOVED;
        if (free < 0) free = at;
        if (!replace) break;
      }
    }
    if (free < 0) {
      free = at;
      this.filled += 1;
    }
    slots[free] = ordinal;
  }

  /**
   * Rebuilds the table without its removed slots: `size` slots, or twice as many as now when a quarter
   * of them hold entries. Reads the key of every entry, so it costs as much as adding them all again.
   */
  private rehash(size?: number): void {
    const old = this.slots;
    let entries = 0;
    for (const ordinal of old) if (ordinal >= 0) entries += 1;
    const grown = entries * 4 > old.length ? old.length * 2 : old.length;
    const slots = new Int32Array(size ?? grown).fill(EMPTY);
    const mask = slots.length - 1;
    for (const ordinal of old) {
      if (ordinal < 0) continue;
      let at = hashOf(this.keyOf(ordinal) as string) & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = ordinal;
    }
    this.slots = slots;
    this.filled = entries;
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
