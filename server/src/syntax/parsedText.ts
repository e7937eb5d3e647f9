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

export class ParsedText {
  text: string;
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

  /** Replaces the whole text (a full-document change). */
  replace(text: string): void {
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
    try {
      return this.parser.parse(text, old);
    } catch {
      // Parsing never throws to callers: without a tree, features answer nothing for this text.
      return null;
    }
  }
}
