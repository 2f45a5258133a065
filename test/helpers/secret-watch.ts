/** What kind of secret a value is, for the report. */
export type SecretKind = 'generated password' | 'app secret';

/** A secret found where it must not be. The secret itself is never part of the report. */
export type Leak = { kind: SecretKind; masked: string; where: string };

type Source = { name: string; read: () => string | Promise<string> };

/**
 * Collects, across a whole test run, every secret the bots under test made or were given (generated
 * passwords, app secrets) and every place none may appear (log lines, messages to shared
 * conversations, store files, console output), and finds any secret in any of those places. A source
 * is scanned when it is closed (a bot or connector stopping) and the rest at the end of the run.
 */
export class SecretWatch {
  private readonly secrets = new Map<string, SecretKind>();
  private readonly open = new Set<Source>();
  private readonly leaks: Leak[] = [];
  private readonly counts = { sources: 0, characters: 0 };

  /** Registers a secret; `remember` returns it so that a generator can be wrapped in one line. */
  remember(kind: SecretKind, secret: string): string {
    if (secret.length >= 6) this.secrets.set(secret, kind);
    return secret;
  }

  /** Whether a secret has been registered; for tests of the watch itself. */
  has(secret: string): boolean {
    return this.secrets.has(secret);
  }

  /** Adds a place to search; call the returned function when the place is final (it scans then). */
  watch(name: string, read: () => string | Promise<string>): () => Promise<void> {
    const source: Source = { name, read };
    this.open.add(source);
    return async () => {
      if (!this.open.delete(source)) return;
      this.scan(name, await read());
    };
  }

  /** Searches a text now. */
  scan(where: string, text: string): void {
    this.counts.sources += 1;
    this.counts.characters += text.length;
    for (const [secret, kind] of this.secrets) {
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (text.includes(secret) || text.includes(escaped)) {
        this.leaks.push({ kind, masked: `${secret.slice(0, 2)}…(${secret.length} characters)`, where });
      }
    }
  }

  /** Scans every place still open and returns every leak found during the run. */
  async finish(): Promise<{ leaks: Leak[]; secrets: number; sources: number; characters: number }> {
    for (const source of [...this.open]) {
      this.open.delete(source);
      this.scan(source.name, await source.read());
    }
    return { leaks: [...this.leaks], secrets: this.secrets.size, ...this.counts };
  }
}

/** The one watch of this test process, fed by the test helpers and checked by the root hooks. */
export const secretWatch = new SecretWatch();
