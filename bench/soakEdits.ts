// The soak benchmark's typist: a seeded stream of editor-like changes to a C text (characters typed and deleted, a
// declaration typed key by key, lines deleted, blocks pasted, undo), applied to its own copy of the lines so that every
// change is a valid LSP incremental change. Mostly valid C: typing lands on statement lines, undo takes edits back.
import { prng } from './generate';

export interface LspChange { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }

/** One applied change, enough to undo it: `oldText` at `start` became `newText`. */
interface Done { line: number; character: number; oldText: string; newText: string }

/** A statement line inside a function body: indented, ends with ';', no braces. */
const STATEMENT = /^ {4,}[^{}/#]*;\s*$/;

export type EditKind = 'char' | 'delete' | 'type' | 'line' | 'paste' | 'undo';

export class SoakTypist {
  private readonly lines: string[];
  private readonly rnd: () => number;
  private readonly done: Done[] = [];
  /** Changes of a burst still to send (the keys of a declaration being typed). */
  private readonly queue: (() => LspChange)[] = [];
  private typed = 0;
  readonly kinds: Record<EditKind, number> = { char: 0, delete: 0, type: 0, line: 0, paste: 0, undo: 0 };

  constructor(text: string, seed: number) {
    this.lines = text.split('\n');
    this.rnd = prng(seed);
  }

  get text(): string {
    return this.lines.join('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The next change, already applied to this typist's copy. */
  next(): LspChange {
    const queued = this.queue.shift();
    if (queued) return queued();
    const r = this.rnd();
    // The further the text has drifted, the likelier an undo: the file stays about its size and mostly valid.
    const undo = 0.2 + Math.min(0.3, this.done.length / 2000);
    if (r < undo && this.done.length) return this.undo();
    const k = this.rnd();
    if (k < 0.35) return this.char();
    if (k < 0.55) return this.deleteChar();
    if (k < 0.8) return this.type();
    if (k < 0.96) return this.deleteLine();
    return this.paste();
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  /** A statement line near a random place (scanning forward from it), or the first line when none is found. */
  private statementLine(): number {
    const from = this.int(this.lines.length);
    for (let i = 0; i < 2000; i++) {
      const l = (from + i) % this.lines.length;
      if (STATEMENT.test(this.lines[l])) return l;
    }
    return 0;
  }

  /** Replaces `[line:character, +oldLength on that line or across lines given by oldText)` and records it. */
  private apply(line: number, character: number, oldText: string, newText: string, record = true): LspChange {
    const oldLines = oldText.split('\n');
    const endLine = line + oldLines.length - 1;
    const endChar = oldLines.length === 1 ? character + oldText.length : oldLines[oldLines.length - 1].length;
    const head = this.lines[line].slice(0, character);
    const tail = this.lines[endLine].slice(endChar);
    this.lines.splice(line, oldLines.length, ...(head + newText + tail).split('\n'));
    if (record) this.done.push({ line, character, oldText, newText });
    return { range: { start: { line, character }, end: { line: endLine, character: endChar } }, text: newText };
  }

  /** A column inside an identifier of line `l` (a letter before it), or -1: edits there keep the C valid. */
  private inIdentifier(l: number): number {
    const line = this.lines[l];
    const from = 4 + this.int(Math.max(1, line.length - 4));
    for (let i = 0; i < line.length; i++) {
      const c = (from + i) % line.length;
      if (c > 0 && /[A-Za-z]/.test(line[c - 1]) && /[A-Za-z]/.test(line[c] ?? '')) return c;
    }
    return -1;
  }

  /** A letter typed inside an identifier (it becomes another name: valid C, maybe an unknown name). */
  private char(): LspChange {
    this.kinds.char++;
    const l = this.statementLine();
    const c = this.inIdentifier(l);
    return this.apply(l, Math.max(0, c), '', c < 0 ? ' ' : 'abcdefghijklmnopqrstuvwxyz'[this.int(26)]);
  }

  /** A letter deleted from inside an identifier. */
  private deleteChar(): LspChange {
    this.kinds.delete++;
    const l = this.statementLine();
    const c = this.inIdentifier(l);
    return c < 0 ? this.apply(l, 0, '', ' ') : this.apply(l, c, this.lines[l][c], '');
  }

  /**
   * A new line after a statement holding `;` (as an editor closing the statement would), then a declaration typed before
   * it one key at a time (one change per key): `U;`, `UL;`, ... `ULONG Soak1 = 4;`, valid C at most keys.
   */
  private type(): LspChange {
    this.kinds.type++;
    const l = this.statementLine();
    const decl = `ULONG Soak${++this.typed} = ${this.int(100)}`;
    const first = this.apply(l, this.lines[l].length, '', '\n    ;');
    for (let i = 0; i < decl.length; i++) this.queue.push(() => this.apply(l + 1, 4 + i, '', decl[i]));
    return first;
  }

  private deleteLine(): LspChange {
    this.kinds.line++;
    const l = this.statementLine();
    return this.apply(l, 0, `${this.lines[l]}\n`, '');
  }

  /** 5 to 40 consecutive statement lines copied from elsewhere, pasted after a statement line. */
  private paste(): LspChange {
    this.kinds.paste++;
    const src = this.statementLine();
    let end = src;
    const want = 5 + this.int(36);
    while (end + 1 < this.lines.length && end - src + 1 < want && STATEMENT.test(this.lines[end + 1])) end++;
    const block = this.lines.slice(src, end + 1).join('\n');
    const at = this.statementLine();
    return this.apply(at, this.lines[at].length, '', `\n${block}`);
  }

  /** Takes the last change back (never in the middle of a burst: the queue is sent first). */
  private undo(): LspChange {
    this.kinds.undo++;
    const d = this.done.pop()!;
    return this.apply(d.line, d.character, d.newText, d.oldText, false);
  }
}
