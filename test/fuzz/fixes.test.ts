// Quick fixes on mutated code (fast-check, fixed seed): renames to catalog names and status swaps make rules fire
// on broken code, then every fix must be a minimal edit inside the text, never overlapping another, carried on the
// diagnostic as the same LSP edits, leaving everything outside its changes untouched; in CRLF files it writes CRLF.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runRules, toDiagnostics } from '../../server/src/features/diagnostics';
import { analyzeFile } from '../../server/src/analysis/fileAnalysis';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { createHarness, type Harness } from './exercise';
import { loadCorpus } from './corpus';
import { MUTATIONS } from './mutate';
import { Rng } from './rng';
import { applyChanges, checkFixes, notMinimal } from './fixes';

const SEED = 0xf1c5;
const corpus = loadCorpus();
const MUTATORS = ['rename', 'rename', 'status', 'status', 'fragment', 'dropToken', 'flip', 'surrogate', 'crlf', 'bom', 'duplicate', 'delete'];

describe('quick fixes on mutated code (fast-check, seed 0xf1c5)', () => {
  let h: Harness;
  let fixesSeen = 0;
  before(async () => { h = await createHarness(); });

  /** `dir`: the folder of the corpus file the case was mutated from, so that the case belongs to that file's driver. */
  function findings(text: string, dir: string) {
    const { s } = h;
    const parsed = new ParsedText(s.parser, text);
    try {
      const file = analyzeFile(`file:///corpus/${dir}case.c`, text, parsed, s);
      const raw = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, DEFAULT_SETTINGS);
      const doc = TextDocument.create('file:///fixes/case.c', 'c', 7, text);
      return { raw, diags: toDiagnostics(raw, doc, 'file:///docs') };
    } finally {
      parsed.dispose();
    }
  }

  test('every fix is minimal, inside the text, non-overlapping, the same as its LSP edits, and touches nothing else', () => {
    fc.assert(fc.property(
      fc.nat({ max: corpus.files.length - 1 }), fc.array(fc.constantFrom(...MUTATORS), { minLength: 1, maxLength: 6 }), fc.integer(), fc.boolean(),
      (fi, names, seed, crlf) => {
        const r = new Rng(seed);
        let text = corpus.files[fi].text;
        for (const name of names) text = MUTATIONS[name](r, text, corpus);
        if (crlf) text = text.replace(/\r?\n/g, '\r\n');
        // Each kind of call manager in turn (the setting), so that the kind-specific fixes are exercised on every file.
        h.s.workspace.override = seed % 2 ? 'miniport-call-manager' : 'call-manager';
        let out;
        try {
          out = findings(text, corpus.files[fi].path.slice(0, corpus.files[fi].path.lastIndexOf('/') + 1));
        } finally {
          h.s.workspace.override = 'auto';
        }
        const { raw, diags } = out;
        fixesSeen += raw.reduce((n, f) => n + (f.fixes?.length ?? 0), 0);
        assert.deepEqual(checkFixes(text, raw, diags, 7), []);
      },
    ), { seed: SEED, numRuns: 120 });
    // The property means little if the mutations never made a rule offer a fix.
    assert.ok(fixesSeen >= 30, `only ${fixesSeen} fixes were exercised`);
  });

  test('the minimality check accepts token-level renames and rejects edits that rewrite unchanged tokens or white space', () => {
    const text = 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, Vc, NULL);';
    assert.equal(notMinimal(text, { start: 0, end: 23, newText: 'NdisMCmCloseCallComplete' }), null);
    assert.equal(notMinimal(text, { start: 24, end: 43, newText: 'NDIS_STATUS_SUCCESS' }), null);
    assert.equal(notMinimal(text, { start: 55, end: 55, newText: '\n    x = 1;' }), null);
    assert.match(notMinimal(text, { start: 0, end: 43, newText: 'NdisMCmCloseCallComplete(NDIS_STATUS_PENDING' }) ?? '', /keeps "CmCloseCallComplete\(NDIS_STATUS_PENDING" at its end/);
    assert.match(notMinimal(text, { start: 23, end: 55, newText: '(NDIS_STATUS_SUCCESS, Vc, NULL);' }) ?? '', /keeps "\(NDIS_STATUS_" at its start/);
    assert.equal(notMinimal(text, { start: 3, end: 6, newText: text.slice(3, 6) }), 'changes nothing');
    assert.equal(applyChanges('abcdef', [{ start: 4, end: 5, newText: 'X' }, { start: 0, end: 1, newText: '' }]), 'bcdXf');
  });
});
