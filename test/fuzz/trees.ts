// Compares syntax trees node by node (type, range, missing/error flags) with a cursor, so deep trees cost no
// recursion; and makes random LSP content changes, hostile ones included, for the incremental-parsing properties.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Tree } from 'web-tree-sitter';
import type { Corpus } from './corpus';
import type { Rng } from './rng';
import { randomJunk } from './mutate';

/** The first difference between two trees, in words, or null when they are the same. */
export function treeDifference(a: Tree | null, b: Tree | null): string | null {
  if (!a || !b) return a === b ? null : `one tree is missing (${a ? 'second' : 'first'})`;
  const ca = a.walk();
  const cb = b.walk();
  try {
    for (;;) {
      const na = ca.currentNode;
      const nb = cb.currentNode;
      const da = `${na.type}${na.isMissing ? '!' : ''}@${na.startIndex}-${na.endIndex}`;
      const db = `${nb.type}${nb.isMissing ? '!' : ''}@${nb.startIndex}-${nb.endIndex}`;
      if (da !== db) return `${da} vs ${db} (first at ${na.startPosition.row}:${na.startPosition.column})`;
      if (na.startPosition.row !== nb.startPosition.row || na.startPosition.column !== nb.startPosition.column ||
          na.endPosition.row !== nb.endPosition.row || na.endPosition.column !== nb.endPosition.column) {
        return `${da}: points ${JSON.stringify([na.startPosition, na.endPosition])} vs ${JSON.stringify([nb.startPosition, nb.endPosition])}`;
      }
      const down = ca.gotoFirstChild();
      if (down !== cb.gotoFirstChild()) return `${da}: children differ`;
      if (down) continue;
      for (;;) {
        const next = ca.gotoNextSibling();
        if (next !== cb.gotoNextSibling()) return `${da}: siblings differ`;
        if (next) break;
        const up = ca.gotoParent();
        if (up !== cb.gotoParent()) return `${da}: parents differ`;
        if (!up) return null;
      }
    }
  } finally {
    ca.delete();
    cb.delete();
  }
}

/** A random content change against `doc`: typing, deleting, pasting, replacing, now and then hostile. */
export function randomChange(r: Rng, doc: TextDocument, c: Corpus): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const a = r.int(text.length + 1);
  const b = Math.min(text.length, a + (r.chance(0.5) ? 0 : r.int(r.chance(0.9) ? 20 : 2000)));
  const insert = r.weighted<() => string>([
    [5, () => r.pick(['', ' ', '\n', ';', '(', ')', '{', '}', ',', 'x', '*', '/', '"', '/*', '*/', '\r\n', '_In_ ', 'IN '])],
    [3, () => r.pick(c.fragments)],
    [2, () => r.pick(c.names)],
    [1, () => randomJunk(r, r.range(1, 40))],
    [1, () => r.pick(c.files).text.slice(0, r.int(3000))],
  ])();
  const pos = (o: number) => doc.positionAt(o);
  switch (r.weighted<string>([[20, 'plain'], [1, 'reversed'], [1, 'beyond'], [1, 'negative'], [1, 'full'], [1, 'midline']])) {
    case 'reversed': return { range: { start: pos(b), end: pos(a) }, text: insert };
    case 'beyond': return { range: { start: pos(a), end: { line: doc.lineCount + r.int(5), character: r.int(100) } }, text: insert };
    case 'negative': return { range: { start: { line: -1, character: -4 }, end: pos(b) }, text: insert };
    case 'full': return { text: text.slice(0, a) + insert + text.slice(b) };
    case 'midline': {
      // A character past the end of its line: LSP clamps it to the line's end.
      const p = pos(a);
      return { range: { start: { line: p.line, character: p.character + r.int(500) }, end: pos(Math.max(a, b)) }, text: insert };
    }
    default: return { range: { start: pos(a), end: pos(b) }, text: insert };
  }
}
