#!/usr/bin/env node
// Reads the output of `npm test` and prints the plain closing line CI looks for: "N passed, N failed".
// Mocha prints "N passing" / "N failing" per run; a run that never reached mocha (typecheck or lint
// failed) counts as one failure, so a red build can never read as green. A second argument adds
// failures found outside mocha (the quick benchmark).
import { readFileSync } from 'node:fs';

// Colour codes (mocha colours its output when CI is set) are removed before reading the counts.
const ESCAPE = String.fromCharCode(27);
const output = readFileSync(process.argv[2] ?? 0, 'utf8').replaceAll(
  new RegExp(`${ESCAPE}\\[[0-9;]*m`, 'g'),
  '',
);
const sum = (pattern) => [...output.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
const passed = sum(/^\s*(\d+) passing\b/gm);
let failed = sum(/^\s*(\d+) failing\b/gm);
const ranMocha = /^\s*\d+ passing\b/m.test(output) || failed > 0;
if (!ranMocha || /npm error/.test(output)) failed = Math.max(failed, 1);
failed += Number(process.argv[3] ?? 0);
const pending = sum(/^\s*(\d+) pending\b/gm);
console.log(`${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`);
