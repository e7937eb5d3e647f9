// One C text with its annotation-blanked twin and its syntax tree, kept current by incremental re-parsing.
import { LineStarts } from './lineStarts';
import { Edit, type Parser, type Point, type Range, type Tree } from 'web-tree-sitter';
import { balanced, itemsAround, itemsIn, readsAsBefore, shiftPoint, type Item, type Plan } from './segments';
import { blankAnnotations } from './blank';

/**
 * The point of `offset` in `text`, counted from an anchor whose row is known: cheap for offsets near the anchor,
 * which is all an edit needs. Columns are UTF-16 code units, as tree-sitter's are for JavaScript strings.
 */
/** Index of the last '\n' at or before `from`, or -1 (unlike lastIndexOf, a negative `from` finds nothing). */
function lastNewline(text: string, from: number): number {
  return from < 0 ? -1 : text.lastIndexOf('\n', from);
}

function pointNear(text: string, offset: number, anchor: number, anchorRow: number): Point {
  let row = anchorRow;
  if (offset >= anchor) {
    for (let i = text.indexOf('\n', anchor); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) row++;
  } else {
    for (let i = lastNewline(text, anchor - 1); i >= offset; i = lastNewline(text, i - 1)) row--;
  }
  const lineStart = lastNewline(text, offset - 1) + 1;
  return { row, column: offset - lineStart };
}

/** Lines re-blanked around an edit, on each side. Blanking is line-local (see blank.ts), so the touched lines suffice. */
const BLANK_CONTEXT_LINES = 0;

function lineStartBefore(text: string, offset: number, lines: number): number {
  let i = Math.min(offset, text.length);
  for (let n = 0; n <= lines; n++) {
    const j = lastNewline(text, i - 1);
    if (j < 0) return 0;
    i = j;
    if (n === lines) return j + 1;
  }
  return i + 1;
}

function lineEndAfter(text: string, offset: number, lines: number): number {
  let i = offset;
  for (let n = 0; n <= lines; n++) {
    const j = text.indexOf('\n', i);
    if (j < 0) return text.length;
    i = j + 1;
  }
  return i;
}

/**
 * Parsing gives up after this long: tree-sitter's error recovery is super-linear on some broken inputs (30 KB of
 * nested comment closers took 36 s), and a parse blocks every request. A normal file parses in well under this
 * (20 MB of C in about 4 s); without a tree, features answer nothing for the text until an edit makes it parse.
 */
const PARSE_BUDGET_MS = 2_000;
const PARSE_BUDGET_MS_PER_MB = 1_000;

/**
 * The text as web-tree-sitter reads it: in chunks that never end between the two halves of a surrogate pair. Given a
 * string, it copies 5,119 UTF-16 units at a time wherever they end, so a pair split across two chunks became two
 * lone surrogates, and tokens around an emoji came out differently in a full parse and an incremental one.
 */
function inChunks(source: () => string): (index: number) => string {
  return (index) => {
    const text = source();
    let end = index + 4096;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    return text.slice(index, end);
  };
}

/**
 * A file this large is parsed in segments once edited: tree-sitter's incremental re-parse costs time in proportion to
 * the top-level items after the edit (62 ms for one character in a 100,000-line driver), so the items around an edit
 * get a tree of their own and the rest keep the tree they had.
 */
const SEGMENT_MIN_LENGTH = 64 * 1024;
/** More separately parsed regions than this, and the file is re-parsed whole (incrementally) into one tree again. */
const MAX_OWN_SEGMENTS = 32;

/** What the analysis reads of a parsed text: its segments and the tree at an offset. */
export interface Syntax {
  readonly segments: readonly Segment[];
  treeAt(offset: number): Tree | null;
  /** The 1-based line ('\n'-separated) of an offset of the current text, when the syntax keeps a line index. */
  lineOf?(offset: number): number;
  readonly text?: string;
}

/** A range of the text and the tree that holds its syntax (the file's base tree, or one parsed for that range alone). */
export interface Segment { start: number; end: number; startPoint: Point; endPoint: Point; tree: Tree }

/**
 * One edit of the text: `[start, oldEnd)` became `[start, newEnd)`. `reparsed`: what it made the parser read again
 * (offsets just after this edit), when that is more than the edited text: a segment's items, or the whole file.
 */
export interface EditRange { start: number; oldEnd: number; newEnd: number; reparsed?: { start: number; end: number } | 'all' }

/** Edits remembered for analyses that lag behind (a burst of changes checked once). */
const EDIT_LOG_LIMIT = 4096;

/** Maps `[start, end)` of an older version through `edits`; null when an edit touched its inside. */
export function mapRange(start: number, end: number, edits: readonly EditRange[]): { start: number; end: number } | null {
  for (const e of edits) {
    if (e.oldEnd <= start && !(e.start === e.oldEnd && e.start === start && start === end)) {
      const d = e.newEnd - e.oldEnd;
      start += d;
      end += d;
    } else if (e.start < end || (e.start === start && start === end)) {
      return null;
    }
  }
  return { start, end };
}

/** Maps an offset of an older version through `edits`: shifted past an edit, kept before it, clamped inside it. */
export function mapOffset(offset: number, edits: readonly EditRange[]): number {
  for (const e of edits) {
    if (offset >= e.oldEnd) offset += e.newEnd - e.oldEnd;
    else if (offset > e.start) offset = Math.min(offset, e.newEnd);
  }
  return offset;
}

const LONE_CR = /\r(?!\n)/;

/** tree-sitter's row of `offset`: the '\n's before it. */
function countNewlines(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Trees made by ParsedText and not yet deleted, in the process: what condis/memory and the leak test count. */
let liveTrees = 0;
export const liveTreeCount = (): number => liveTrees;

/** Deletes a tree this module made (the only way they are deleted, so the count stays true). */
function free(tree: Tree | null | undefined): void {
  if (!tree) return;
  tree.delete();
  liveTrees--;
}

export class ParsedText implements Syntax {
  text: string;
  /** Edits made so far (see editsSince). */
  private log: EditRange[] = [];
  /** How many edits came before log[0]; a whole-text replacement starts a new log. */
  private logBase = 0;
  private logReset = 0;
  /** `text` with annotations blanked: what the tree was parsed from. Same length, same line breaks. */
  blanked: string;
  /** The whole file's tree: every edit is applied to it, and it is re-parsed whole when segments are given up. */
  private base: Tree | null;
  /** The text in order, each range with the tree holding its syntax; empty when there is no tree. */
  private segs: Segment[] = [];
  private readonly source = inChunks(() => this.blanked);

  /** Whether the text has (or had) a '\r' not followed by '\n': the LSP's line numbers and tree-sitter's rows differ. */
  private loneCR: boolean;
  private readonly lines = new LineStarts(() => this.text);

  constructor(private readonly parser: Parser, text: string) {
    this.text = text;
    this.loneCR = LONE_CR.test(text);
    this.blanked = blankAnnotations(text);
    this.base = this.safeParse(null);
    this.resetSegments();
  }

  /** The segments, in order (one, the whole text, unless an edit split a large file). */
  get segments(): readonly Segment[] {
    return this.segs;
  }

  /** One tree for the whole text: re-parses the segments into one first when the file was split. */
  get tree(): Tree | null {
    // A segment with its own tree leaves the base tree edited but not re-parsed over it: never hand that out.
    if (this.segs.length > 1 || (this.segs.length === 1 && this.segs[0].tree !== this.base)) this.consolidate();
    return this.base;
  }

  get hasTree(): boolean {
    return this.segs.length > 0;
  }

  /** The tree holding the syntax at `offset` (the last segment's past the end of the text). */
  treeAt(offset: number): Tree | null {
    const segs = this.segs;
    if (!segs.length) return null;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    return segs[lo].tree;
  }

  /** The 1-based line ('\n'-separated) of an offset of the current text. */
  lineOf(offset: number): number {
    return this.lines.lineOf(offset);
  }

  /**
   * Replaces `text[start, oldEnd)` with `insert`, re-blanks the touched lines and re-parses incrementally.
   * `startRow` is the line number of `start` (the same before and after the edit).
   */
  edit(start: number, oldEnd: number, insert: string, startRow: number): void {
    const oldText = this.text;
    // The caller's row is the LSP's, which also breaks lines at a lone '\r'; tree-sitter's rows count '\n' only.
    if (this.loneCR) startRow = countNewlines(oldText, start);
    const newText = oldText.slice(0, start) + insert + oldText.slice(oldEnd);
    // A lone '\r' can only appear in or next to the inserted text. (Once seen, rows are counted from then on.)
    if (!this.loneCR) this.loneCR = LONE_CR.test(newText.slice(Math.max(0, start - 1), start + insert.length + 1));
    const delta = insert.length - (oldEnd - start);
    // Re-blank whole lines around the edit: typing can complete or break an annotation next to it.
    const winStart = lineStartBefore(oldText, start, BLANK_CONTEXT_LINES);
    const winEndOld = lineEndAfter(oldText, oldEnd, BLANK_CONTEXT_LINES);
    const winEndNew = winEndOld + delta;
    const oldWindow = this.blanked.slice(winStart, winEndOld);
    const newWindow = blankAnnotations(newText.slice(winStart, winEndNew));
    this.text = newText;
    this.lines.edit(start, oldEnd, insert);
    this.blanked = this.blanked.slice(0, winStart) + newWindow + this.blanked.slice(winEndOld);

    // The tree edit covers exactly what changed in the blanked text.
    let prefix = 0;
    const maxPrefix = Math.min(oldWindow.length, newWindow.length);
    while (prefix < maxPrefix && oldWindow.charCodeAt(prefix) === newWindow.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    const maxSuffix = maxPrefix - prefix;
    while (suffix < maxSuffix &&
      oldWindow.charCodeAt(oldWindow.length - 1 - suffix) === newWindow.charCodeAt(newWindow.length - 1 - suffix)) suffix++;
    const editStart = winStart + prefix;
    const editOldEnd = winEndOld - suffix;
    const editNewEnd = winEndNew - suffix;
    // The text edit itself, for analyses keyed by position: an annotation change blanks to the same text.
    // Both ranges count: re-blanking a line can change the blanked text next to the edit.
    const touchedStart = Math.min(start, editStart);
    const touchedOldEnd = Math.max(oldEnd, editOldEnd);
    const entry: EditRange = { start: touchedStart, oldEnd: touchedOldEnd, newEnd: touchedOldEnd + delta };
    this.record(entry);
    this.reparsed = undefined;
    try {
      this.reparse(oldText, newText, start, startRow, editStart, editOldEnd, editNewEnd);
    } finally {
      if (this.reparsed) entry.reparsed = this.reparsed;
    }
  }

  /** What the last edit made the parser read again (see EditRange.reparsed). */
  private reparsed: EditRange['reparsed'];

  private reparse(oldText: string, newText: string, start: number, startRow: number, editStart: number, editOldEnd: number, editNewEnd: number): void {
    if (editStart === editOldEnd && editStart === editNewEnd) return;

    if (!this.base) {
      // The last parse gave up (or failed): try again, but not on every keystroke of a text that costs that much.
      if (performance.now() < this.retryAt) return;
      this.base = this.safeParse(null);
      this.resetSegments();
      this.reparsed = 'all';
      return;
    }
    const e = new Edit({
      startIndex: editStart,
      oldEndIndex: editOldEnd,
      newEndIndex: editNewEnd,
      startPosition: pointNear(oldText, editStart, start, startRow),
      oldEndPosition: pointNear(oldText, editOldEnd, start, startRow),
      newEndPosition: pointNear(newText, editNewEnd, start, startRow),
    });
    // What the segments need of the trees is read before they are edited: web-tree-sitter's node navigation on an
    // edited, not yet re-parsed tree corrupted its memory on a 10,000-deep nesting (fuzz case 7705 of seed 20261125).
    const plan = this.plan(e);
    this.base.edit(e);
    for (const g of this.segs) if (g.tree !== this.base) g.tree.edit(e);
    this.timedOut = false;
    if (plan && this.editSegments(e, plan)) return;
    if (this.timedOut) {
      // A region would not parse in time: the whole file will not either (that would cost the budget twice over).
      // Without a tree until the back-off allows another attempt.
      this.dropTrees();
      this.reparsed = 'all';
      return;
    }
    this.consolidate();
  }

  /**
   * Re-parses only the segment the edit falls in: a segment with its own tree incrementally, or, in the base tree of a
   * large file, the top-level items around the edit as a new segment. False when that cannot stand for a whole parse
   * (the edit spans segments, the file is small, or the re-parsed items end unfinished so the items after them could
   * read differently), and the caller re-parses the whole file.
   */
  /**
   * Before the trees are edited: the segment an edit falls in, and for it the items to compare with after the re-parse
   * and (in the base tree) the region to re-parse, in the offsets after the edit. Null when the edit cannot be
   * re-parsed alone (the file is small, it spans segments, or it touches a segment's first token).
   */
  private plan(e: Edit): Plan | null {
    if (this.blanked.length < SEGMENT_MIN_LENGTH) return null;
    const segs = this.segs;
    const hit = segs.findIndex((g, i) => g.start <= e.startIndex && (e.startIndex < g.end || i === segs.length - 1));
    if (hit < 0) return null;
    const g = segs[hit];
    if (e.oldEndIndex > g.end) return null; // spans segments
    // An edit of a segment's first token changes what the previous segment's last item was parsed against.
    if (hit > 0 && !/\S/.test(this.blanked.slice(g.start, e.startIndex))) return null;
    const delta = e.newEndIndex - e.oldEndIndex;
    const moved = (it: Item): Item => (it.end <= e.startIndex ? it : it.start >= e.oldEndIndex
      ? { ...it, start: it.start + delta, end: it.end + delta } : { ...it, end: it.end + delta });
    if (g.tree !== this.base) return { hit, before: itemsIn(g.tree, g.start, g.end).map(moved) };
    const around = itemsAround(this.base, e.startIndex, e.oldEndIndex, { index: g.start, point: g.startPoint }, { index: g.end, point: g.endPoint });
    // Items around the edit that make up the whole file (one big function): an incremental parse of the file costs
    // less than parsing them alone from nothing.
    if (segs.length === 1 && around.from.index <= g.start && around.to.index >= g.end) return null;
    const to = around.to.index >= e.oldEndIndex
      ? { index: around.to.index + delta, point: shiftPoint(around.to.point, e.oldEndPosition, e.newEndPosition) } : around.to;
    return { hit, from: around.from, to, before: itemsIn(this.base, around.from.index, around.to.index).map(moved) };
  }

  /**
   * Re-parses only the segment the edit falls in (see plan): a segment with its own tree incrementally, or, in the base
   * tree of a large file, the top-level items around the edit as a new segment. False when that cannot stand for a whole
   * parse (the re-parsed items do not read as before apart from the edited one, have errors, or leave something open),
   * and the caller re-parses the whole file.
   */
  private editSegments(e: Edit, plan: Plan): boolean {
    const delta = e.newEndIndex - e.oldEndIndex;
    const segs = this.segs;
    const { hit } = plan;
    const g = segs[hit];
    // Shift what follows the edit.
    const newEnd = g.end + delta;
    const newEndPoint = shiftPoint(g.endPoint, e.oldEndPosition, e.newEndPosition);
    for (let i = hit + 1; i < segs.length; i++) {
      const n = segs[i];
      segs[i] = { ...n, start: n.start + delta, end: n.end + delta,
        startPoint: shiftPoint(n.startPoint, e.oldEndPosition, e.newEndPosition), endPoint: shiftPoint(n.endPoint, e.oldEndPosition, e.newEndPosition) };
    }
    if (g.tree !== this.base) {
      const tree = this.safeParse(g.tree, [{ startIndex: g.start, endIndex: newEnd, startPosition: g.startPoint, endPosition: newEndPoint }]);
      if (!tree) return false;
      free(g.tree);
      segs[hit] = { ...g, end: newEnd, endPoint: newEndPoint, tree };
      this.reparsed = { start: g.start, end: newEnd };
      return !tree.rootNode.hasError && readsAsBefore(plan.before, itemsIn(tree, g.start, newEnd), e) && balanced(this.blanked, g.start, newEnd);
    }
    // Split the base tree's segment: the top-level items around the edit get a tree of their own.
    const { from, to } = plan as Required<Plan>;
    // The re-parsed region must not start with the edited token: the item before it was parsed against that token.
    if (from.index > 0 && !/\S/.test(this.blanked.slice(from.index, e.startIndex))) return false;
    const mid = this.safeParse(null, [{ startIndex: from.index, endIndex: to.index, startPosition: from.point, endPosition: to.point }]);
    if (!mid) return false;
    const parts: Segment[] = [];
    if (from.index > g.start) parts.push({ start: g.start, end: from.index, startPoint: g.startPoint, endPoint: from.point, tree: this.base });
    parts.push({ start: from.index, end: to.index, startPoint: from.point, endPoint: to.point, tree: mid });
    if (to.index < newEnd) parts.push({ start: to.index, end: newEnd, startPoint: to.point, endPoint: newEndPoint, tree: this.base });
    segs.splice(hit, 1, ...parts);
    this.reparsed = { start: from.index, end: to.index };
    return !mid.rootNode.hasError && readsAsBefore(plan.before, itemsIn(mid, from.index, to.index), e) &&
      balanced(this.blanked, from.index, to.index) &&
      segs.filter((x) => x.tree !== this.base).length <= MAX_OWN_SEGMENTS;
  }

  /** Re-parses the base tree over the whole text (incrementally) and drops the segments' own trees. */
  private consolidate(): void {
    this.reparsed = 'all';
    for (const g of this.segs) if (g.tree !== this.base) free(g.tree);
    const old = this.base;
    this.base = this.safeParse(old);
    free(old);
    this.resetSegments();
  }

  private resetSegments(): void {
    const root = this.base?.rootNode;
    this.segs = this.base && root
      ? [{ start: 0, end: this.blanked.length, startPoint: { row: 0, column: 0 }, endPoint: root.endPosition, tree: this.base }]
      : [];
  }

  /** The number of edits so far: pass it to editsSince later. */
  get editCount(): number {
    return this.logBase + this.log.length;
  }

  /** The edits made since `count` edits, in order; null when they are not known (a replacement, or too long ago). */
  editsSince(count: number): readonly EditRange[] | null {
    if (count < this.logReset || count < this.logBase || count > this.editCount) return null;
    return this.log.slice(count - this.logBase);
  }

  private record(e: EditRange): void {
    this.log.push(e);
    if (this.log.length > EDIT_LOG_LIMIT) {
      const drop = this.log.length - EDIT_LOG_LIMIT / 2;
      this.log.splice(0, drop);
      this.logBase += drop;
    }
  }

  /** Replaces the whole text (a full-document change). */
  replace(text: string): void {
    this.logBase += this.log.length;
    this.log = [];
    this.logReset = this.logBase;
    this.text = text;
    this.lines.reset();
    this.loneCR = LONE_CR.test(text);
    this.blanked = blankAnnotations(text);
    for (const g of this.segs) if (g.tree !== this.base) free(g.tree);
    const old = this.base;
    this.base = this.safeParse(null);
    free(old);
    this.resetSegments();
  }

  dispose(): void {
    this.dropTrees();
  }

  /** No whole-text parse before this time (performance.now()), after one gave up: see safeParse. */
  private retryAt = 0;
  /** Whether a parse since the last edit gave up at its time budget. */
  private timedOut = false;

  private dropTrees(): void {
    for (const g of this.segs) if (g.tree !== this.base) free(g.tree);
    free(this.base);
    this.base = null;
    this.segs = [];
  }

  private safeParse(old: Tree | null, includedRanges?: Range[]): Tree | null {
    const length = includedRanges ? includedRanges[0].endIndex - includedRanges[0].startIndex : this.blanked.length;
    const began = performance.now();
    const deadline = began + PARSE_BUDGET_MS + (PARSE_BUDGET_MS_PER_MB * length) / 1_048_576;
    let tree: Tree | null = null;
    try {
      tree = this.parser.parse(this.source, old, { progressCallback: () => performance.now() > deadline, ...(includedRanges ? { includedRanges } : {}) });
      if (!tree) this.parser.reset(); // cancelled: the next parse must not resume this one
      else liveTrees++;
    } catch {
      // Parsing never throws to callers: without a tree, features answer nothing for this text.
      this.parser.reset();
    }
    // A text that would not parse in time is tried again only after four times as long as this attempt took, so
    // typing into it spends at most a fifth of the time parsing.
    if (!tree) {
      this.timedOut = performance.now() > deadline;
      this.retryAt = performance.now() + 4 * (performance.now() - began);
    }
    return tree;
  }
}
