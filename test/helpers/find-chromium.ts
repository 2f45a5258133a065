import { findChromium } from '../../scripts/chromium.js';

export { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.js';

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
