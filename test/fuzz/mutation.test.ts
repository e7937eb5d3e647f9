// The mutation fuzzer, bounded and seeded for `npm test`: the same generator and checks as `npm run fuzz` (long
// runs), over a fixed slice of cases. A failure names its case; `npm run fuzz -- --seed 20261123 --case I` replays it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from './exercise';
import { runCase } from './engine';

const SEED = 20261123;
const CASES = Number(process.env.CONDIS_FUZZ_CASES ?? 150);

describe(`the mutation fuzzer (seed ${SEED}, ${CASES} cases)`, () => {
  let h: Harness;
  before(async () => { h = await createHarness(); });

  test('every feature answers each mutated fixture or example validly, in time, without throwing', () => {
    const failures: string[] = [];
    let diagnostics = 0;
    let fixes = 0;
    // Case 0 of a seed is the 20 MB file, left to long runs.
    for (let i = 1; i <= CASES; i++) {
      const r = runCase(h, SEED, i);
      diagnostics += r.diagnostics;
      fixes += r.fixes;
      for (const p of r.problems) failures.push(`case ${i} [${r.recipe.join(', ')}] ${p.feature} ${p.kind}: ${p.detail}`);
    }
    assert.deepEqual(failures, []);
    // The run means little unless rules fired and offered fixes on the mutated code.
    assert.ok(diagnostics > CASES && fixes > CASES / 4, `${diagnostics} diagnostics and ${fixes} fixes in ${CASES} cases`);
  });
});
