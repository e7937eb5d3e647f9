// A file as a list of top-level items (function definitions, declarations, ...), each with the facts the summary and the
// rules need from it. Facts depend on the item's text alone, so they are kept across versions keyed by that text: an
// edit recomputes the items it touched and reuses the rest. Offsets in facts are relative to the item's start.
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { Syntax } from '../syntax/parsedText';
import { FACT_NODES, factsOf, foundIn, leafFacts, type Found, type LeafFacts } from './itemFacts';
import { rootChildrenFrom } from '../syntax/nodes';
import { mapRange, type EditRange } from '../syntax/parsedText';
import { deadPart } from './preproc';

/** Nodes whose named children are top-level items in their own right (conditional compilation, `extern "C"`, recovery). */
const CONTAINERS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef', 'linkage_specification', 'declaration_list', 'ERROR']);
const MAX_CONTAINER_DEPTH = 16;

export { ROLE_EVIDENCE, type CachedFindings, type ChunkFacts, type Chunk, type ChunkServices, type CarriedChunks } from './chunkTypes';
import type { Chunk, ChunkFacts, ChunkServices, CarriedChunks } from './chunkTypes';

export function chunkFile(syntax: Syntax, text: string, s: ChunkServices, previous?: CarriedChunks): Chunk[] {
  const dirty = previous ? dirtyRanges(previous.edits) : 'all';
  if (dirty !== 'all') return chunkChanges(syntax, text, s, previous!, dirty);
  const reusable = new Map<number, { end: number; facts: ChunkFacts }>();
  for (const c of previous?.chunks ?? []) {
    const m = mapRange(c.start, c.end, previous!.edits);
    if (m) reusable.set(m.start, { end: m.end, facts: c.facts });
  }
  const chunks: Chunk[] = [];
  const leaves: LeafFacts = new Map();
  let found: Found | undefined;
  let tree: Tree;
  let cursor: TreeCursor;
  const nodeAt = (index: number) => nodeByIndex(tree, index);
  const visit = (c: TreeCursor) => {
    const type = c.nodeType;
    if (type === 'comment') return;
    const start = c.startIndex;
    const end = c.endIndex;
    const old = reusable.get(start);
    if (old && old.end === end && old.facts.type === type) {
      chunks.push({ start, end, facts: old.facts, node: nodeAt(c.currentDescendantIndex) });
      return;
    }
    if (!FACT_NODES.includes(type) && !hasChildren(c)) {
      // A token on its own (junk, or an ERROR's pieces: there can be hundreds of thousands): no node is made for it.
      chunks.push({ start, end, facts: leafFacts(type, text.slice(start, end), leaves), node: nodeAt(c.currentDescendantIndex) });
      return;
    }
    const n = c.currentNode;
    found ??= foundIn(syntax, text);
    chunks.push({ start, end, facts: factsOf(n, start, text, s, found), node: nodeOf(n) });
  };
  const walk = (depth: number) => {
    const conditional = cursor.nodeType === 'preproc_if' || cursor.nodeType === 'preproc_elif';
    if (!cursor.gotoFirstChild()) return;
    // A literal `#if 0` arm (or the arms after a literal `#if 1`) is never compiled: nothing in it is an item.
    let dead: 'body' | 'alternative' | undefined;
    do {
      if (!cursor.nodeIsNamed) continue;
      if (conditional) {
        const field = cursor.currentFieldName;
        if (field === 'condition') dead = deadPart(cursor.currentNode);
        else if (dead && (field === 'alternative') === (dead === 'alternative')) continue;
      }
      if (CONTAINERS.has(cursor.nodeType) && depth < MAX_CONTAINER_DEPTH) walk(depth + 1);
      else visit(cursor);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  };
  // Segments of one tree come in order, so one cursor per tree walks its top level once, whatever the segments.
  // (TreeCursor.gotoFirstChildForIndex finds nothing in web-tree-sitter 0.27.1, so it is not used to jump.)
  const cursors = new Map<Tree, { c: TreeCursor; more: boolean }>();
  try {
    for (const seg of syntax.segments) {
      tree = seg.tree;
      let at = cursors.get(tree);
      if (!at) {
        const c = tree.walk();
        at = { c, more: c.gotoFirstChild() };
        cursors.set(tree, at);
      }
      cursor = at.c;
      // A segment may own only part of its tree (the file's base tree, split around edits): its items, and no others.
      while (at.more && cursor.endIndex <= seg.start) at.more = cursor.gotoNextSibling();
      while (at.more && cursor.startIndex < seg.end) {
        if (cursor.nodeIsNamed) {
          if (CONTAINERS.has(cursor.nodeType)) walk(1);
          else visit(cursor);
        }
        at.more = cursor.gotoNextSibling();
      }
    }
  } finally {
    for (const { c } of cursors.values()) c.delete();
  }
  return chunks;
}

/**
 * Where the items may differ from the previous version's, in current offsets: each edit's text and what it made the
 * parser read again, carried through the edits after it (widened where a later edit overlaps). 'all' after a whole
 * re-parse.
 */
function dirtyRanges(edits: readonly EditRange[]): { start: number; end: number }[] | 'all' {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    if (e.reparsed === 'all') return 'all';
    for (const r of e.reparsed ? [{ start: e.start, end: e.newEnd }, e.reparsed] : [{ start: e.start, end: e.newEnd }]) {
      let a = r.start;
      let b = r.end;
      for (let j = i + 1; j < edits.length; j++) {
        const f = edits[j];
        const d = f.newEnd - f.oldEnd;
        if (f.oldEnd <= a && !(f.start === f.oldEnd && f.start === a)) { a += d; b += d; } else if (f.start < b || (f.start === a && a === b)) {
          a = Math.min(a, f.start);
          b = Math.max(b + d, f.newEnd);
        }
      }
      out.push({ start: a, end: b });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** An item [start, end) meets a dirty range (an empty range counts where it touches). */
const meets = (start: number, end: number, r: { start: number; end: number }) => start <= r.end && r.start <= end;

/**
 * The items after edits that re-parsed only some regions: the previous items outside them (shifted), and the items of
 * the current trees that meet them. Costs the previous item list, not a walk of the whole tree.
 */
function chunkChanges(syntax: Syntax, text: string, s: ChunkServices, previous: CarriedChunks, dirty: { start: number; end: number }[]): Chunk[] {
  // First the previous items, shifted: kept where no dirty range meets them; else their facts may serve an item re-read
  // in the same place.
  const kept: Chunk[] = [];
  const reusable = new Map<number, { end: number; facts: ChunkFacts }>();
  const { edits } = previous;
  // Items of another parsed text (the CLI's second pass) keep their facts, not their nodes.
  const sameTrees = previous.syntax === syntax;
  let di = 0;
  for (const c of previous.chunks) {
    // mapRange, inline: this loop runs over every item of the file.
    let start = c.start;
    let end = c.end;
    let gone = false;
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      if (e.oldEnd <= start && !(e.start === e.oldEnd && e.start === start && start === end)) {
        const d = e.newEnd - e.oldEnd;
        start += d;
        end += d;
      } else if (e.start < end || (e.start === start && start === end)) {
        gone = true;
        break;
      }
    }
    if (gone) continue;
    while (di < dirty.length && dirty[di].end < start) di++;
    let hit = false;
    for (let j = di; j < dirty.length && dirty[j].start <= end; j++) if (meets(start, end, dirty[j])) { hit = true; break; }
    if (hit) { reusable.set(start, { end, facts: c.facts }); continue; }
    // Unmoved: the same item object (its node, if fetched, is still right: nothing before it changed).
    kept.push(start === c.start && sameTrees && isChunk(c) ? c : { start, end, facts: c.facts, node: lazyNode(syntax, start, end, c.facts.type) });
  }
  const fresh: Chunk[] = [];
  const deadRanges: { startIndex: number; endIndex: number }[] = [];
  const seen = new Set<number>();
  const leaves: LeafFacts = new Map();
  const add = (n: Node, depth: number) => {
    if (!n.isNamed || n.type === 'comment' || seen.has(n.startIndex)) return;
    if (CONTAINERS.has(n.type) && depth < MAX_CONTAINER_DEPTH) {
      const conditional = n.type === 'preproc_if' || n.type === 'preproc_elif';
      const cond = conditional ? n.childForFieldName('condition') : null;
      const dead = deadPart(cond);
      const alt = dead ? n.childForFieldName('alternative') : null;
      for (const c of n.namedChildren) {
        if (!c) continue;
        // A dead arm (see chunkFile): its items are not listed, and the previous version's items in it are dropped.
        if (dead && (alt?.id === c.id) === (dead === 'alternative') && c.id !== cond?.id) { deadRanges.push(c); continue; }
        add(c, depth + 1);
      }
      return;
    }
    const start = n.startIndex;
    const end = n.endIndex;
    seen.add(start);
    const old = reusable.get(start);
    const facts = old && old.end === end && old.facts.type === n.type ? old.facts
      : !FACT_NODES.includes(n.type) && n.childCount === 0 ? leafFacts(n.type, text.slice(start, end), leaves) : factsOf(n, start, text, s);
    fresh.push({ start, end, facts, node: nodeOf(n) });
  };
  for (const r of dirty) {
    for (const seg of syntax.segments) {
      if (seg.end < r.start || seg.start > r.end) continue;
      // (Node.firstChildForIndex jumps there; the cursor's equivalent finds nothing in web-tree-sitter 0.27.1.)
      for (const n of rootChildrenFrom(seg.tree.rootNode, Math.max(0, Math.max(r.start, seg.start) - 1))) {
        if (n.startIndex >= seg.end || n.startIndex > r.end) break;
        if (n.endIndex <= seg.start || n.startIndex < seg.start || !meets(n.startIndex, n.endIndex, r)) continue;
        add(n, 1);
      }
    }
  }
  fresh.sort((a, b) => a.start - b.start);
  if (deadRanges.length) {
    const inDead = (c: Chunk) => deadRanges.some((r) => r.startIndex <= c.start && c.end <= r.endIndex);
    for (let i = kept.length - 1; i >= 0; i--) if (inDead(kept[i])) kept.splice(i, 1);
  }
  if (!fresh.length) return kept;
  const out: Chunk[] = [];
  let k = 0;
  for (const c of kept) {
    while (k < fresh.length && fresh[k].start < c.start) out.push(fresh[k++]);
    if (k < fresh.length && fresh[k].start < c.end) continue; // a re-read item took its place
    if (out.length && out[out.length - 1].end > c.start) continue;
    out.push(c);
  }
  while (k < fresh.length) out.push(fresh[k++]);
  return out;
}

// Items' node functions are made here, outside chunkFile and chunkChanges: a closure made inside them would keep that
// call's whole scope alive with the item (the version's text and the previous version's items, and so on back).
/** A node found again by its descendant index in `tree`, on demand. */
function nodeByIndex(tree: Tree, index: number): () => Node {
  let n: Node | undefined;
  return () => {
    if (!n) { const c = tree.walk(); c.gotoDescendant(index); n = c.currentNode; c.delete(); }
    return n;
  };
}

/** Whether the cursor's node has children; the cursor stays where it was. */
function hasChildren(c: TreeCursor): boolean {
  if (!c.gotoFirstChild()) return false;
  c.gotoParent();
  return true;
}

function nodeOf(n: Node): () => Node {
  return () => n;
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a slice of a long string as a view of
 * it, so a name kept in an item's facts would keep that version's whole text alive for as long as the item is carried.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const isChunk = (c: { start: number; end: number; facts: ChunkFacts }): c is Chunk => typeof (c as Chunk).node === 'function';

/** The node of an item found again by its place: the tree holding it, then up from the smallest node spanning it. */
function lazyNode(syntax: Syntax, start: number, end: number, type: string): () => Node {
  let n: Node | undefined;
  return () => {
    if (n) return n;
    const root = syntax.treeAt(start)!.rootNode;
    const smallest = root.descendantForIndex(start, end) ?? root;
    let at: Node | null = smallest;
    for (let up = 0; at && up < 8 && !(at.startIndex === start && at.endIndex === end && at.type === type); up++) at = at.parent;
    n = at && at.startIndex === start && at.endIndex === end ? at : smallest;
    return n;
  };
}

export { functionParts, arityOf, factsOf, leafFacts, hash, type LeafFacts, type Found } from './itemFacts';
