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
 * Where Chromium is, for scripts and browser tests: `CHROMIUM_PATH` or a system install. Undefined when
 * there is none; with `REQUIRE_CHROMIUM=1` (as CI sets) a missing Chromium is an error rather than a
 * reason to skip.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const path = [env.CHROMIUM_PATH, ...CANDIDATES].find((candidate) => candidate && existsSync(candidate));
  if (!path && env.REQUIRE_CHROMIUM === '1') {
    throw new Error('REQUIRE_CHROMIUM=1 but no Chromium was found: install it (apt-get install -y chromium)');
  }
  return path;
}
