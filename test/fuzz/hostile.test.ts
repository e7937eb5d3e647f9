// Named hostile inputs: 10,000-deep nesting of every kind, a multi-megabyte file, NUL bytes, lone surrogates, CRLF,
// lone CR and BOM, a megabyte on one line, unterminated comments and strings, `#if` without `#endif`. Every feature
// answers a valid result or nothing, within its budget (exercise.ts), and throws nothing. The 20 MB file runs in the
// long fuzz (`npm run fuzz`, every 25,000th case); here a 1 MB one stands in for it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, exercise, type Harness } from './exercise';
import { loadCorpus } from './corpus';
import { hugeText, NESTING_KINDS, nesting } from './mutate';
import { Rng } from './rng';

const corpus = loadCorpus();
const fixture = corpus.files.find((f) => f.path.endsWith('ndis6-call-manager.c'))!.text;
const CALL = 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, Vc->NdisVcHandle, NULL);';
const inFunction = (body: string) => `VOID\nExCloseWorker(PVOID Vc)\n{\n${body}\n}\n`;

describe('hostile inputs: every feature answers validly, in time, without throwing', () => {
  let h: Harness;
  before(async () => { h = await createHarness(); });

  const survives = (text: string, seed = 1) => {
    // One random edit after the fixed ones: these texts are large, and the edits' full-parse comparisons dominate.
    const { problems } = exercise(h, text, new Rng(seed), { edits: 1 });
    assert.deepEqual(problems, []);
  };

  // Nested comments end in thousands of ` */`, on which tree-sitter's error recovery is super-linear: regressions.test.ts.
  for (const kind of NESTING_KINDS.filter((k) => k !== 'comment')) {
    test(`10,000-deep ${kind} nesting around a CoNDIS call, closed and left open`, () => {
      survives(inFunction(nesting(kind, 10_000, CALL, true)));
      survives(inFunction(nesting(kind, 10_000, CALL, false)), 2);
    });
  }

  test('a 1 MB driver file (the NDIS 6 fixture over and over)', () => {
    survives(hugeText(`${fixture}\n`, 1024 * 1024));
  });

  test('a file of NUL bytes, and NUL bytes inside identifiers, strings and comments', () => {
    survives('\u0000'.repeat(100_000));
    survives(fixture.replace(/NdisCm/g, 'Ndis\u0000Cm').replace(/"/g, '"\u0000').replace(/\/\*/g, '/*\u0000'));
  });

  test('lone surrogates everywhere, and emoji inside identifiers, strings and char literals', () => {
    survives('\ud800'.repeat(30_000) + '\udc00'.repeat(30_000));
    survives(fixture.replace(/Vc->/g, 'Vc\ud800->').replace(/NDIS_STATUS_/g, 'NDIS_\udfffSTATUS_'));
    survives(fixture.replace(/Status/g, 'St\u{1F600}atus').replace(/"/g, '"\u{1F600}') + "\nchar c = '\u{1F600}';");
  });

  test('CRLF with a BOM, lone CR line breaks, and mixed line breaks', () => {
    survives('\ufeff' + fixture.replace(/\n/g, '\r\n'));
    survives(fixture.replace(/\n/g, '\r'));
    survives(fixture.split('\n').map((l, i) => l + ['\n', '\r\n', '\r', '\n\r'][i % 4]).join(''));
  });

  test('a quarter megabyte on one line: the fixture joined, a huge identifier, string, comment and expression', () => {
    survives(hugeText(fixture.replace(/\r?\n/g, ' '), 256 * 1024));
    survives(inFunction(`x = ${'a'.repeat(256 * 1024)};`));
    survives(inFunction(`p = "${'s'.repeat(256 * 1024)}";`));
    survives(`/* ${'c'.repeat(256 * 1024)} */\n${fixture}`);
    survives(inFunction(`x = ${'a + '.repeat(25_000)}a;`));
  });

  test('unterminated comments, strings and char literals at the start, middle and end', () => {
    for (const opener of ['/*', '"', "'", 'R"(', '//\\']) {
      survives(opener + fixture);
      survives(fixture.slice(0, fixture.length / 2) + opener + fixture.slice(fixture.length / 2));
      survives(fixture + opener);
    }
  });

  test('#if without #endif, #endif without #if, #else alone, 5,000 times each', () => {
    survives('#if X\n'.repeat(5000) + fixture);
    survives('#endif\n'.repeat(5000) + fixture);
    survives(fixture + '\n#else\n'.repeat(5000));
    survives(fixture.replace(/\n\{/g, '\n#ifdef NDIS60\n{'));
  });
});
