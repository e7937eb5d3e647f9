// Memory by counting (issue 16): after many editor-like edits the live parse trees and memoised entries stay bounded,
// and a trim (Validator.trim, after a pause) lets every node object of the checked version go. Counts, never bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { services } from './helpers';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { liveTreeCount } from '../../server/src/syntax/parsedText';
import { memoryReport } from '../../server/src/memoryReport';
import { generateDriver } from '../../bench/generate';
import { SoakTypist } from '../../bench/soakEdits';
import type { Services } from '../../server/src/services';
import type { OpenDocument } from '../../server/src/documents';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection once the current job is over (WeakRef targets live until then). */
async function collect(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 3; i++) gc();
}

const validator = (s: Services) => new Validator(s, () => ({ ...DEFAULT_SETTINGS, timeBudget: 600_000 }), 'file:///docs', undefined, () => undefined);

/** Opens a generated driver over 64 KB (so that edits parse in segments) and returns it with its validator. */
async function opened(uri: string, lines: number): Promise<{ s: Services; v: Validator; doc: OpenDocument; text: string }> {
  const s = await services();
  const text = generateDriver(lines, 5).text;
  const v = validator(s);
  const doc = s.documents.open(uri, 'c', 1, text);
  v.diagnostics(doc);
  return { s, v, doc, text };
}

test('200 editor-like edits checked in bursts keep the parse trees and memoised entries bounded, and closing frees every tree', async () => {
  const treesBefore = liveTreeCount();
  const { s, v, doc, text } = await opened('file:///memory/counts.c', 4_000);
  const typist = new SoakTypist(text, 11);
  let maxTrees = 0;
  let maxDerived = 0;
  try {
    for (let n = 1; n <= 200; n++) {
      s.documents.change(doc.uri, doc.version + 1, [typist.next()]);
      if (n % 10 === 0) {
        v.diagnostics(doc);
        if (n % 50 === 0) v.trim();
      }
      maxTrees = Math.max(maxTrees, liveTreeCount() - treesBefore);
      maxDerived = Math.max(maxDerived, memoryReport(s).derivedEntries);
    }
    assert.equal(doc.parsed.text, typist.text, 'the typist and the document agree');
    // The file's tree plus at most 32 segments of their own (parsedText.ts MAX_OWN_SEGMENTS), whatever the edits.
    assert.ok(maxTrees >= 1 && maxTrees <= 33, `${maxTrees} live trees`);
    // One analysis and one set of diagnostics (and a handler map) per open document: never one per version.
    assert.ok(maxDerived <= 3, `${maxDerived} memoised entries`);
  } finally {
    s.documents.close(doc.uri);
    s.workspace.delete(doc.uri);
  }
  assert.equal(liveTreeCount(), treesBefore, 'every tree the document made is deleted on close');
});

test('a trim lets every node object of the checked version go, and the diagnostics stay the same', async () => {
  const { s, v, doc } = await opened('file:///memory/trim.c', 3_000);
  try {
    const before = v.diagnostics(doc);
    let refs: WeakRef<object>[] = v.analysis(doc)!.chunks().map((c) => new WeakRef(c.node()));
    const analysis = new WeakRef(v.analysis(doc)!);
    assert.ok(refs.length > 100);
    await collect();
    // Without a trim the checked version's analysis keeps its items' nodes (this is what a trim must undo).
    assert.equal(refs.filter((r) => r.deref()).length, refs.length);
    assert.ok(v.trim() > 0);
    await collect();
    assert.equal(refs.filter((r) => r.deref()).length, 0, 'no node of the trimmed version is alive');
    assert.equal(analysis.deref(), undefined, 'the trimmed analysis is gone');
    refs = [];
    assert.equal(v.trim(), doc.parsed.text.length, 'a trim leaves an analysis (features read it) which the next trim drops');
    // Neutral: the analysis made again from the carried facts finds the same.
    doc.derived.delete('diagnostics');
    assert.deepEqual(v.diagnostics(doc), before);
  } finally {
    s.documents.close(doc.uri);
    s.workspace.delete(doc.uri);
  }
});

test('a trim with no open document, or none analysed, drops nothing', async () => {
  const s = await services();
  const v = validator(s);
  const doc = s.documents.open('file:///memory/untouched.c', 'c', 1, 'int x;\n');
  try {
    assert.equal(v.trim(), 0);
  } finally {
    s.documents.close(doc.uri);
  }
});
