import fc from 'fast-check';

/** Strings that have broken bots before: templates, Markdown, HTML, direction marks, odd Unicode. */
const NASTY_STRINGS = [
  '${$root}',
  '${companyName}',
  '${if(true, "yes", "no")}',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '$data',
  '**bold** _it_ ~~gone~~',
  '[click me](https://evil.example/phish)',
  '![pixel](https://evil.example/p.png)',
  '# Heading\n- item\n1. item',
  '`code` ```block```',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt;&amp;',
  '\u202Egnp.exe',
  'abc\u200F\u200E\u061Cdef',
  'مرحبا بالعالم',
  '\u0000\u0001\u0007\u001b[31m',
  '\r\n\t\v\f',
  '\uD800',
  '\uDC00x',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦🏳️‍🌈🇨🇳',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  ' ',
  '',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '北京市朝阳区建国门外大街1号',
];

/** Big strings: at the 1 000-character limits, and 100 KB. */
const bigString = fc.oneof(
  fc.nat({ max: 0x2fff }).map((code) => String.fromCharCode(code + 32).repeat(1001)),
  fc.constantFrom('x', '中', '😀', '\u0000', '<').map((unit) => unit.repeat(100_000 / unit.length)),
);

/** Any string a hostile or broken client might send, weighted towards the nasty ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...NASTY_STRINGS), { maxLength: 4 }).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: bigString },
);

/** Any JSON value, strings from `hostileString`; `extraStrings` adds plausible ones (ids, valid inputs). */
export function hostileValue(extraStrings: readonly string[] = []): fc.Arbitrary<unknown> {
  const strings =
    extraStrings.length > 0 ? fc.oneof(hostileString, fc.constantFrom(...extraStrings)) : hostileString;
  const leaf = fc.oneof(
    { weight: 6, arbitrary: strings },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) },
    { weight: 1, arbitrary: hostileRecord([], leaf) },
  );
}

/**
 * An object with some of `keys` (and `__proto__`, `constructor`, random keys) as *own* properties, the
 * way `JSON.parse` makes them, so that `JSON.stringify` sends them and the bot receives them.
 */
export function hostileRecord(
  keys: readonly string[],
  value: fc.Arbitrary<unknown> = hostileValue(),
): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    {
      weight: keys.length > 0 ? 6 : 0,
      arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant(''),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'verb'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return fc.array(fc.tuple(key, value), { maxLength: keys.length + 3 }).map((entries) => {
    const record: Record<string, unknown> = {};
    for (const [name, item] of entries) {
      Object.defineProperty(record, name, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  });
}
