import { existsSync } from 'node:fs';

/** The flags Chromium needs on these machines: headless as root, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Where Chromium is, for browser tests: `CHROMIUM_PATH` or a system install. Undefined when there is none;
 * with `REQUIRE_CHROMIUM=1` (as CI sets) a missing Chromium is an error rather than a reason to skip.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const path = [env.CHROMIUM_PATH, ...CANDIDATES].find((candidate) => candidate && existsSync(candidate));
  if (!path && env.REQUIRE_CHROMIUM === '1') {
    throw new Error('REQUIRE_CHROMIUM=1 but no Chromium was found: install it (apt-get install -y chromium)');
  }
  return path;
}

/**
 * Declares a suite of browser tests: it runs when Chromium is found and otherwise says plainly, once,
 * that the browser tests were not run (and fails under REQUIRE_CHROMIUM=1).
 */
export function describeWithChromium(title: string, suite: (chromiumPath: string) => void): void {
  const chromiumPath = findChromium();
  if (chromiumPath) {
    describe(title, () => suite(chromiumPath));
    return;
  }
  describe(title, () => {
    it('cannot run: Chromium was not found (install it with apt-get install -y chromium, or set CHROMIUM_PATH)', function () {
      this.skip();
    });
  });
}
