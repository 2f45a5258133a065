/** A sealed store file whose content can leave memory (see `StoreSegment.release`). */
export type Releasable = { release(): void };

/**
 * How many sealed store files keep their content in memory after use: the least recently used one beyond
 * `capacity` is released (its records are read back from the file the next time a call needs them). The
 * content of a file of 200 records costs about 210 KB of heap and a read-back about a millisecond, so a
 * few recently used files answer the calls of a turn that come back to the same customer or request.
 */
export class SegmentCache {
  /** In order of use, least recent first. */
  private readonly kept = new Set<Releasable>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 0))
      throw new RangeError(`The segment cache capacity must be 0 or more, not ${capacity}`);
  }

  /** Notes that `segment`, idle with its content in memory, was just used; may release the least recent. */
  keep(segment: Releasable): void {
    this.kept.delete(segment);
    this.kept.add(segment);
    for (const oldest of this.kept) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
      oldest.release();
    }
  }
}
