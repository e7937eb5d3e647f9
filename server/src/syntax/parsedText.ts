// One C text with its annotation-blanked twin and its syntax tree, kept current by incremental re-parsing.
import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';
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
function inChunks(text: string): (index: number) => string {
  return (index) => {
    let end = index + 4096;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    return text.slice(index, end);
  };
}

/** One edit of the text: `[start, oldEnd)` became `[start, newEnd)`. */
export interface EditRange { start: number; oldEnd: number; newEnd: number }

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

export class ParsedText {
  text: string;
  /** Edits made so far (see editsSince). */
  private log: EditRange[] = [];
  /** How many edits came before log[0]; a whole-text replacement starts a new log. */
  private logBase = 0;
  private logReset = 0;
  /** `text` with annotations blanked: what the tree was parsed from. Same length, same line breaks. */
  blanked: string;
  tree: Tree | null;

  constructor(private readonly parser: Parser, text: string) {
    this.text = text;
    this.blanked = blankAnnotations(text);
    this.tree = this.safeParse(this.blanked, null);
  }

  /**
   * Replaces `text[start, oldEnd)` with `insert`, re-blanks the touched lines and re-parses incrementally.
   * `startRow` is the line number of `start` (the same before and after the edit).
   */
  edit(start: number, oldEnd: number, insert: string, startRow: number): void {
    const oldText = this.text;
    const newText = oldText.slice(0, start) + insert + oldText.slice(oldEnd);
    const delta = insert.length - (oldEnd - start);
    // Re-blank whole lines around the edit: typing can complete or break an annotation next to it.
    const winStart = lineStartBefore(oldText, start, BLANK_CONTEXT_LINES);
    const winEndOld = lineEndAfter(oldText, oldEnd, BLANK_CONTEXT_LINES);
    const winEndNew = winEndOld + delta;
    const oldWindow = this.blanked.slice(winStart, winEndOld);
    const newWindow = blankAnnotations(newText.slice(winStart, winEndNew));
    this.text = newText;
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
    this.record({ start: touchedStart, oldEnd: touchedOldEnd, newEnd: touchedOldEnd + delta });
    if (editStart === editOldEnd && editStart === editNewEnd) return;

    const old = this.tree;
    if (!old) {
      this.tree = this.safeParse(this.blanked, null);
      return;
    }
    old.edit(new Edit({
      startIndex: editStart,
      oldEndIndex: editOldEnd,
      newEndIndex: editNewEnd,
      startPosition: pointNear(oldText, editStart, start, startRow),
      oldEndPosition: pointNear(oldText, editOldEnd, start, startRow),
      newEndPosition: pointNear(newText, editNewEnd, start, startRow),
    }));
    this.tree = this.safeParse(this.blanked, old);
    old.delete();
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
    this.blanked = blankAnnotations(text);
    const old = this.tree;
    this.tree = this.safeParse(this.blanked, null);
    old?.delete();
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }

  private safeParse(text: string, old: Tree | null): Tree | null {
    const deadline = performance.now() + PARSE_BUDGET_MS + (PARSE_BUDGET_MS_PER_MB * text.length) / 1_048_576;
    try {
      const tree = this.parser.parse(inChunks(text), old, { progressCallback: () => performance.now() > deadline });
      if (!tree) this.parser.reset(); // cancelled: the next parse must not resume this one
      return tree;
    } catch {
      // Parsing never throws to callers: without a tree, features answer nothing for this text.
      this.parser.reset();
      return null;
    }
  }
}
