/**
 * The tenant domains of the indexed customers, for searching in them, without a string per customer: a
 * domain is almost always its (lower-case) domain prefix followed by one of a few endings
 * (`.partner.onmschina.cn`), so each customer keeps only a reference to its ending, shared by all; a
 * domain that does not start with its prefix is kept whole, aside.
 */
export class DomainSearch {
  private readonly endings: string[] = [];
  private readonly shared = new Map<string, string>();
  private readonly whole = new Map<number, string>();

  /** Records the domain of customer `at`, whose lower-case domain prefix is `prefix`. */
  set(at: number, prefix: string, domain: string): void {
    if (domain.startsWith(prefix)) {
      const ending = domain.slice(prefix.length);
      let kept = this.shared.get(ending);
      if (kept === undefined) {
        kept = ending;
        this.shared.set(ending, kept);
      }
      this.endings[at] = kept;
      this.whole.delete(at);
    } else {
      this.endings[at] = '';
      this.whole.set(at, domain);
    }
  }

  /**
   * A test of whether the domain of customer `at` (with prefix `prefix`) contains `query`: in the prefix,
   * in the ending, or across the two (a head of the query that ends the prefix, the rest starting the
   * ending); what crosses is worked out once per ending for the query.
   */
  finder(query: string): (at: number, prefix: string) => boolean {
    const crossings = new Map<string, string[]>();
    const headsFor = (ending: string): string[] => {
      let heads = crossings.get(ending);
      if (heads === undefined) {
        heads = [];
        for (let split = 1; split < query.length; split += 1) {
          if (ending.startsWith(query.slice(split))) heads.push(query.slice(0, split));
        }
        crossings.set(ending, heads);
      }
      return heads;
    };
    return (at, prefix) => {
      const domain = this.whole.get(at);
      if (domain !== undefined) return domain.includes(query);
      const ending = this.endings[at] as string;
      if (prefix.includes(query) || ending.includes(query)) return true;
      return headsFor(ending).some((head) => prefix.endsWith(head));
    };
  }
}
