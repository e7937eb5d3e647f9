// Properties over generated text (fast-check, fixed seed): on any string, every feature answers a valid result
// or nothing, within its budget, and throws nothing. Counterexamples shrink to the smallest failing text.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHarness, exercise, type Harness } from './exercise';
import { Rng } from './rng';
import { anyText, corpusSplice, cSoup } from './arbitraries';

const SEED = 0xc0d15;

describe('every feature on generated text (fast-check, seed 0xc0d15)', () => {
  let h: Harness;
  before(async () => { h = await createHarness(); });

  const holds = (text: string, seed: number) => {
    const { problems } = exercise(h, text, new Rng(seed));
    assert.deepEqual(problems, [], JSON.stringify(text.slice(0, 300)));
  };

  test('answers validly on any UTF-16 string (lone surrogates, NUL, CR and BOM included)', () => {
    fc.assert(fc.property(anyText, fc.integer(), holds), { seed: SEED, numRuns: 150 });
  });

  test('answers validly on C token soup with catalog names and fragments', () => {
    fc.assert(fc.property(cSoup, fc.integer(), holds), { seed: SEED, numRuns: 150 });
  });

  test('answers validly on fixtures and examples with a stretch replaced by soup', () => {
    fc.assert(fc.property(corpusSplice, fc.integer(), holds), { seed: SEED, numRuns: 60 });
  });
});
