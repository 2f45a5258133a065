/**
 * Sortable keys for "newest first": microseconds since the epoch, 17 digits, strictly increasing within
 * this process. Across instances they follow the instances' clocks, which is as close as "newest" needs
 * to be for a customer list.
 */
export class CustomerSequence {
  private last = 0;

  /** The next key, greater than every key this process gave before. */
  next(): string {
    this.last = Math.max(Date.now() * 1000, this.last + 1);
    return String(this.last).padStart(17, '0');
  }
}
