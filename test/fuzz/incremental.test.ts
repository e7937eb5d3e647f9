// Incremental parsing against full parsing (fast-check, fixed seed): after any sequence of LSP content changes
// (reversed, out-of-range, full-text and mid-surrogate ones included) the document's text is the LSP text model's,
// the blanked twin is the blanking of that text, and the tree is the tree a full parse gives. tree-sitter does not
// promise the same error recovery when reusing a tree, so on text with syntax errors only text and blanking must agree.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { createServices, type Services } from '../../server/src/services';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { blankAnnotations } from '../../server/src/syntax/blank';
import type { OpenDocument } from '../../server/src/documents';
import { loadCorpus, ROOT } from './corpus';
import { treeDifference } from './trees';
import { anyText, cPiece, cText } from './arbitraries';
import { join } from 'node:path';

const SEED = 0x1ec;
const corpus = loadCorpus();

const changeArb = fc.record({
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.01, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  text: fc.oneof(cPiece, anyText, fc.constant('')),
  kind: fc.constantFrom('plain', 'plain', 'plain', 'reversed', 'beyond', 'negative', 'full', 'midline'),
});

type ChangeSpec = { a: number; span: number; text: string; kind: string };

function toChange(doc: OpenDocument, c: ChangeSpec): TextDocumentContentChangeEvent {
  const text = doc.text.getText();
  const a = Math.floor(c.a * text.length);
  const b = Math.min(text.length, a + Math.floor(c.span * text.length));
  const pos = (o: number) => doc.text.positionAt(o);
  switch (c.kind) {
    case 'reversed': return { range: { start: pos(b), end: pos(a) }, text: c.text };
    case 'beyond': return { range: { start: pos(a), end: { line: doc.text.lineCount + 3, character: 9 } }, text: c.text };
    case 'negative': return { range: { start: { line: -2, character: -1 }, end: pos(b) }, text: c.text };
    case 'full': return { text: text.slice(0, a) + c.text + text.slice(b) };
    case 'midline': { const p = pos(a); return { range: { start: { line: p.line, character: p.character + 1000 }, end: pos(b) }, text: c.text }; }
    default: return { range: { start: pos(a), end: pos(b) }, text: c.text };
  }
}

describe('incremental parsing equals full parsing (fast-check, seed 0x1ec)', () => {
  let s: Services;
  let n = 0;
  before(async () => { s = await createServices(join(ROOT, 'dist')); });

  /** Problems with `doc` against a full parse; `strict` demands the same tree even on text with syntax errors. */
  function compare(doc: OpenDocument, strict: boolean): string[] {
    const out: string[] = [];
    const text = doc.text.getText();
    if (doc.parsed.text !== text) return ['text differs from the LSP text model'];
    if (doc.parsed.blanked !== blankAnnotations(text)) out.push('blanked text differs from blanking the text');
    const fresh = new ParsedText(s.scanParser, text);
    try {
      const diff = treeDifference(doc.parsed.tree, fresh.tree);
      if (diff && (strict || !fresh.tree?.rootNode.hasError)) out.push(`tree differs from a full parse: ${diff}`);
    } finally {
      fresh.dispose();
    }
    return out;
  }

  test('text, blanking and (on clean text) the tree match a full parse after any changes', () => {
    fc.assert(fc.property(cText, fc.array(changeArb, { minLength: 1, maxLength: 12 }), (base, changes) => {
      const uri = `file:///incremental/${++n}.c`;
      const doc = s.documents.open(uri, 'c', 1, base);
      try {
        changes.forEach((c, i) => s.documents.change(uri, i + 2, [toChange(doc, c)]));
        assert.deepEqual(compare(doc, false), []);
      } finally {
        s.documents.close(uri);
      }
    }), { seed: SEED, numRuns: 250 });
  });

  test('several changes in one notification are applied in order, like the LSP text model applies them', () => {
    fc.assert(fc.property(cText, fc.array(changeArb, { minLength: 2, maxLength: 6 }), (base, changes) => {
      const uri = `file:///incremental/${++n}.c`;
      const doc = s.documents.open(uri, 'c', 1, base);
      try {
        // Each change's positions refer to the text after the previous one: build them against a scratch copy.
        const scratch = s.documents.open(`${uri}.scratch`, 'c', 1, base);
        const events = changes.map((c, i) => { const e = toChange(scratch, c); s.documents.change(scratch.uri, i + 2, [e]); return e; });
        s.documents.close(scratch.uri);
        s.documents.change(uri, 2, events);
        assert.deepEqual(compare(doc, false), []);
      } finally {
        s.documents.close(uri);
      }
    }), { seed: SEED, numRuns: 120 });
  });

  test('typing a statement into a clean example character by character and deleting it again gives exactly the full-parse trees', () => {
    const clean = corpus.files.filter((f) => f.path.startsWith('examples/') && f.path.endsWith('.c'));
    const statement = fc.constantFrom(
      'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);',
      'if (Status != NDIS_STATUS_PENDING) { Status = NDIS_STATUS_FAILURE; }',
      'x = (PVOID)&y; /* note */',
      'Status = NdisCoDeleteVc(Vc->NdisVcHandle); // done',
    );
    fc.assert(fc.property(fc.nat({ max: clean.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), statement, (fi, where, stmt) => {
      const base = clean[fi].text;
      // At the start of a line inside a function body (after a line ending in `;`).
      const lines = [...base.matchAll(/;[ \t]*\r?\n/g)].map((m) => m.index! + m[0].length);
      const at = lines[Math.floor(where * lines.length)] ?? 0;
      const uri = `file:///incremental/${++n}.c`;
      const doc = s.documents.open(uri, 'c', 1, base);
      try {
        let v = 1;
        for (let i = 0; i < stmt.length; i++) {
          const p = doc.text.positionAt(at + i);
          s.documents.change(uri, ++v, [{ range: { start: p, end: p }, text: stmt[i] }]);
        }
        for (let i = stmt.length; i > 0; i--) {
          s.documents.change(uri, ++v, [{ range: { start: doc.text.positionAt(at + i - 1), end: doc.text.positionAt(at + i) }, text: '' }]);
        }
        assert.equal(doc.text.getText(), base);
        assert.deepEqual(compare(doc, true), []);
      } finally {
        s.documents.close(uri);
      }
    }), { seed: SEED, numRuns: 12 });
  });
});
