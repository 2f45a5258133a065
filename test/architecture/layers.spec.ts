import assert from 'node:assert/strict';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * The layers of the project, bottom up: `store/` (the shared vocabulary: schemas, offers, provinces,
 * translations, and the stores) ← `cards/` ← `bot/`. A file may import its own layer and those below.
 */
const LAYER_RULES = [
  { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
  {
    name: 'cards-import-only-cards-and-store',
    severity: 'error',
    from: { path: '^cards/' },
    to: { path: '^bot/' },
  },
  {
    name: 'store-imports-only-store',
    severity: 'error',
    from: { path: '^store/' },
    to: { path: '^(bot|cards)/' },
  },
] as const;

function describeViolation(violation: IViolation): string {
  const cycle = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : '';
  return `${violation.rule.name}: ${violation.from} imports ${violation.to}${cycle}`;
}

describe('the layers of bot/, cards/ and store/', () => {
  it('should import only downward (bot → cards → store) and make no import cycle', async () => {
    const tsConfig = extractTSConfig('tsconfig.json');
    const result = await cruise(
      ['bot', 'cards', 'store'],
      {
        tsConfig: { fileName: 'tsconfig.json' },
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        validate: true,
        ruleSet: { forbidden: LAYER_RULES.map((rule) => ({ ...rule })) },
      },
      undefined,
      { tsConfig },
    );
    assert.ok(typeof result.output !== 'string');
    const { summary, modules } = result.output;
    assert.ok(modules.length > 100, `only ${modules.length} modules were read: is the path list right?`);
    assert.deepEqual(summary.violations.map(describeViolation), []);
  });
});
