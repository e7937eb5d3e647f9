// The file-size limit: documents over it keep their text current without a tree, cross it either way on edits and
// setting changes, get one information diagnostic, and still answer hover and signature help for CoNDIS names.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore, type OpenDocument } from '../../server/src/documents';
import { FILE_TOO_LARGE, overLimit, oversizeDiagnostic, sizeText, UnparsedText } from '../../server/src/limits';
import { provideHover } from '../../server/src/features/hover';
import { provideSignatureHelp } from '../../server/src/features/signatureHelp';
import { provideCompletion } from '../../server/src/features/completion';
import { provideInlayHints } from '../../server/src/features/inlayHints';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { readSettings } from '../../server/src/settings';
import { ParsedText } from '../../server/src/syntax/parsedText';
import type { Services } from '../../server/src/services';
import { context, services } from './helpers';

const SOURCE = `VOID Finish(NDIS_HANDLE Vc)
{
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);
}
`;
/** Over a 1 KB limit: the source followed by filler comments. */
const BIG = SOURCE + '// filler filler filler filler filler filler filler filler filler filler\n'.repeat(30);

describe('file-size limit', () => {
  let s: Services;
  let skipped: string[];
  let store: DocumentStore;
  before(async () => {
    s = await services();
    skipped = [];
    store = new DocumentStore(s.parser, 1024, (doc) => skipped.push(doc.uri));
  });
  const at = (doc: OpenDocument, needle: string, delta = 0) => doc.text.positionAt(doc.parsed.text.indexOf(needle) + delta);

  test('overLimit counts UTF-8 bytes, not UTF-16 units', () => {
    assert.equal(overLimit('a'.repeat(10), 10), false);
    assert.equal(overLimit('a'.repeat(11), 10), true);
    assert.equal(overLimit('é'.repeat(6), 10), true); // 12 bytes
    assert.equal(overLimit('é'.repeat(5), 10), false);
  });

  test('sizes read in KB or MB, never as equal to the limit they exceed', () => {
    assert.equal(sizeText(20.3 * 1_048_576), '20.3 MB');
    assert.equal(sizeText(2048), '2.0 KB');
    assert.equal(sizeText(8 * 1_048_576 + 1000, 8), '8.001 MB');
  });

  test('a document over the limit is opened without a tree and reported once', () => {
    const doc = store.open('file:///big.c', 'c', 1, BIG);
    assert.ok(doc.parsed instanceof UnparsedText);
    assert.equal(doc.parsed.tree, null);
    assert.deepEqual(skipped, ['file:///big.c']);
  });

  test('edits keep its text in step with the editor', () => {
    const doc = store.change('file:///big.c', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'void' }])!;
    assert.equal(doc.parsed.text, doc.text.getText());
    assert.ok(doc.parsed.text.startsWith('void Finish'));
    assert.equal(doc.parsed.tree, null);
  });

  test('hover on a CoNDIS function works from the text alone', async () => {
    const doc = store.get('file:///big.c')!;
    const h = provideHover(doc, at(doc, 'CloseCallComplete'), await context());
    assert.ok(h, 'a hover');
    assert.match(JSON.stringify(h.contents), /NdisCmCloseCallComplete/);
    assert.deepEqual(h.range, { start: at(doc, 'NdisCmCloseCallComplete'), end: at(doc, 'NdisCmCloseCallComplete', 'NdisCmCloseCallComplete'.length) });
  });

  test('signature help works from the text alone, with the active parameter', async () => {
    const doc = store.get('file:///big.c')!;
    const sh = provideSignatureHelp(doc, at(doc, 'Vc, NULL'), await context());
    assert.ok(sh, 'signature help');
    assert.match(sh.signatures[0].label, /NdisCmCloseCallComplete/);
    assert.equal(sh.activeParameter, 1);
  });

  test('completion, inlay hints and code actions answer without throwing', async () => {
    const doc = store.get('file:///big.c')!;
    const c = await context();
    assert.ok(provideCompletion(doc, at(doc, 'CloseCallComplete'), c, s.completionItems));
    assert.deepEqual(provideInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, c), []);
    const d = oversizeDiagnostic(doc, readSettings({ maxFileSize: 0.01 }))!;
    assert.deepEqual(provideCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, false), []);
  });

  test('the diagnostic says what was skipped, why, and what still works', () => {
    const doc = store.get('file:///big.c')!;
    const d = oversizeDiagnostic(doc, readSettings({ maxFileSize: 0.001 }))!;
    assert.equal(d.severity, 3);
    assert.equal(d.source, 'condis');
    assert.equal(d.code, FILE_TOO_LARGE);
    assert.equal(d.range.start.line, 0);
    assert.match(d.message as string, /^Not checked: this file is \d+\.\d KB, above the 0\.01 MB set by condis\.maxFileSize\. Hover and signature help for CoNDIS names still work; raise the setting to check it\.$/);
  });

  test('no diagnostic for a parsed document, nor when diagnostics are off', async () => {
    const small = store.open('file:///small.c', 'c', 1, SOURCE);
    assert.ok(small.parsed instanceof ParsedText);
    assert.equal(oversizeDiagnostic(small, readSettings({})), null);
    assert.equal(oversizeDiagnostic(store.get('file:///big.c')!, readSettings({ diagnostics: { enable: false } })), null);
  });

  test('an edit that grows a document past the limit drops its tree; one that shrinks it back parses it', () => {
    skipped.length = 0;
    const grown = store.change('file:///small.c', 2, [{ text: BIG }])!;
    assert.equal(grown.parsed.tree, null);
    assert.deepEqual(skipped, ['file:///small.c']);
    const shrunk = store.change('file:///small.c', 3, [{ text: SOURCE }])!;
    assert.ok(shrunk.parsed instanceof ParsedText);
    assert.ok(shrunk.parsed.tree);
    assert.equal(shrunk.parsed.tree.rootNode.text.length, SOURCE.length);
  });

  test('raising the limit parses the documents that now fit; lowering it drops the trees of those that do not', () => {
    const big = store.get('file:///big.c')!;
    big.derived.set('diagnostics', []);
    assert.deepEqual(store.setMaxBytes(1_000_000).map((d) => d.uri), ['file:///big.c']);
    assert.ok(big.parsed.tree);
    assert.equal(big.derived.size, 0, 'results of the unparsed text are dropped');
    skipped.length = 0;
    assert.deepEqual(store.setMaxBytes(1024).map((d) => d.uri), ['file:///big.c']);
    assert.equal(big.parsed.tree, null);
    assert.deepEqual(skipped, ['file:///big.c']);
    assert.deepEqual(store.setMaxBytes(1024), [], 'nothing crosses when the limit stays');
  });
});
