// Collects generated C lines and, beside them, the positions the harness will probe (hover, signature help,
// completion, edits), so probes always point at what the generator meant, whatever the line count.
import type { Probes } from './generate';

export interface Position { line: number; character: number }
export type ProbeKind = keyof Probes;
export interface Mark { kind: ProbeKind; col: number }

export class Emitter {
  private readonly lines: string[] = [];
  readonly probes: Probes = { hover: [], signature: [], completion: [], edit: [] };

  get lineCount(): number {
    return this.lines.length;
  }

  /** Appends one line; each mark records a probe at (this line, col). */
  line(text: string, marks: Mark[] = []): void {
    for (const m of marks) this.probes[m.kind].push({ line: this.lines.length, character: Math.min(m.col, text.length) });
    this.lines.push(text);
  }

  /**
   * A statement calling `fn`: `<indent><lhs>fn(args);`. Probes: hover on the name, signature help after the first
   * argument's first character, completion in the middle of the name, an edit at column 0.
   */
  call(indent: string, fn: string, args: string[], lhs = '', tail = ';'): void {
    const at = indent.length + lhs.length;
    const open = at + fn.length + 1;
    const marks: Mark[] = [
      { kind: 'hover', col: at + 2 },
      { kind: 'signature', col: open + Math.min(1, args[0]?.length ?? 0) },
      { kind: 'edit', col: 0 },
    ];
    if (fn.startsWith('Ndis')) marks.push({ kind: 'completion', col: at + Math.min(fn.length, 6) });
    this.line(`${indent}${lhs}${fn}(${args.join(', ')})${tail}`, marks);
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}
