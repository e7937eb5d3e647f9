// The pieces of a segmented re-parse (ParsedText): where the items around an edit begin and end, what they were
// before it, and whether a region re-parsed alone can stand for a parse of the whole file.
import type { Edit, Point, Tree } from 'web-tree-sitter';
import { rootChildrenFrom } from './nodes';

/** Moves a point at or after an edit's old end to where the edit leaves it. */
export function shiftPoint(p: Point, oldEnd: Point, newEnd: Point): Point {
  if (p.row > oldEnd.row) return { row: p.row + newEnd.row - oldEnd.row, column: p.column };
  return { row: newEnd.row, column: newEnd.column + p.column - oldEnd.column };
}

export interface Mark { index: number; point: Point }

/** What ParsedText.plan reads of the trees before an edit (offsets after it). */
export interface Plan { hit: number; before: Item[]; from?: Mark; to?: Mark }

/**
 * The top-level items of `tree` around an edit that left [start, end) (new offsets), with one neighbour on each side,
 * kept within the segment [lo, hi): where a separately parsed region begins and ends.
 */
export function itemsAround(tree: Tree, start: number, end: number, lo: Mark, hi: Mark): { from: Mark; to: Mark } {
  // (TreeCursor.gotoFirstChildForIndex finds nothing in web-tree-sitter 0.27.1; the Node methods do.)
  const root = tree.rootNode;
  let from = lo;
  let to = hi;
  const first = root.firstChildForIndex(start) ?? root.lastChild;
  if (first) {
    const before = first.startIndex <= start ? first.previousSibling ?? first : first.previousSibling;
    const pick = before && before.startIndex >= lo.index ? before : first.startIndex <= start && first.startIndex >= lo.index ? first : null;
    if (pick) from = { index: pick.startIndex, point: pick.startPosition };
  }
  const last = root.firstChildForIndex(end);
  const after = last && last.startIndex < end ? last.nextSibling : last;
  if (after && after.endIndex <= hi.index && after.startIndex >= end) to = { index: after.endIndex, point: after.endPosition };
  return { from, to };
}

export interface Item { type: string; start: number; end: number; error: boolean }

/**
 * Whether text[from, to) closes everything it opens: comments, strings, brackets and `#if`s. A region is trusted
 * to read alone as it reads in the whole file only when it is balanced: an unclosed `/*` or `{` would take in text
 * after it in a whole-file parse (and `a /* b` even parses without an error alone).
 */
export function balanced(text: string, from: number, to: number): boolean {
  let depth = 0;
  let pp = 0;
  let lineStart = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > to) return false;
      i = close + 1;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl >= to ? to : nl - 1;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      let j = i + 1;
      for (; j < to; j++) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \\ */) { j++; continue; }
        if (d === c) break;
        if (d === 10) return false;
      }
      if (j >= to) return false;
      i = j;
      continue;
    }
    if (c === 10) { lineStart = true; continue; }
    if (c === 32 || c === 9 || c === 13) continue;
    if (c === 35 /* # */ && lineStart) {
      const m = /^#\s*(if|ifdef|ifndef|endif)\b/.exec(text.slice(i, Math.min(to, i + 16)));
      if (m) pp += m[1] === 'endif' ? -1 : 1;
      if (pp < 0) return false;
    }
    lineStart = false;
    if (c === 123 || c === 40 || c === 91) depth++;
    else if (c === 125 || c === 41 || c === 93) { if (--depth < 0) return false; }
  }
  return depth === 0 && pp === 0;
}

/** The top-level items of `tree` in [from, to). */
export function itemsIn(tree: Tree, from: number, to: number): Item[] {
  const out: Item[] = [];
  for (const n of rootChildrenFrom(tree.rootNode, from)) {
    if (n.startIndex >= to) break;
    if (n.endIndex > from) out.push({ type: n.type, start: n.startIndex, end: n.endIndex, error: n.hasError });
  }
  return out;
}

/**
 * Whether a region re-parsed alone reads as it did before the edit, apart from the item the edit fell in: the same
 * items in the same places, and errors (if any) only in the edited item. Error recovery elsewhere, or items merged or
 * split, could read differently in a parse of the whole file, so the caller re-parses it whole instead.
 */
export function readsAsBefore(before: Item[], after: Item[], e: Edit): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = after[i];
    const b = before[i];
    if (a.type !== b.type || a.type === 'ERROR') return false;
    const edited = a.start <= e.newEndIndex && e.startIndex <= a.end;
    if (edited) continue;
    if (a.start !== b.start || a.end !== b.end || a.error) return false;
  }
  return true;
}
