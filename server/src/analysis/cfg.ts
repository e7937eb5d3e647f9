// A control-flow graph of one C function body, built from the syntax tree: blocks of events (calls, assignments,
// branch assumptions, returns) and the expression walk that finds them; the statements' edges are in cfgStatements.ts.
import type { Node } from 'web-tree-sitter';
import { walkStatements } from './cfgStatements';

/** The macro a call was made through: the one used at the call's node, and where it is defined. */
export interface MacroVia { macro: string; uri: string; line: number; start: number }

export type Event =
  /** `via`: made inside the expansion of a macro used at `node` (macroExpansion.ts). */
  | { k: 'call'; node: Node; name: string; args: Node[]; via?: MacroVia }
  /**
   * `value` null: the target changed in a way we do not model (`x++`, `&x` passed to a call). `picked`: the value is
   * one arm of a conditional expression (`h = p ? p->h : NULL;`), assigned on the branch that picks it.
   */
  | { k: 'assign'; node: Node; target: string; value: Node | null; picked?: true }
  | { k: 'assume'; cond: Node; truth: boolean }
  /** The path runs through an `#if` arm (or past one) under which `key` has `truth`; `at`: the chain's directive. */
  | { k: 'pp'; key: string; truth: boolean; at: number }
  | { k: 'return'; node: Node; value: Node | null };

export interface Block {
  id: number;
  events: Event[];
  succ: number[];
}

export interface Cfg {
  blocks: Block[];
  entry: number;
  /** Reached by falling off the end of the body (an implicit return). */
  fallOff: number;
  /**
   * The body's syntax is cut across by conditional compilation (`if (a) {` in one arm, its `}` after `#endif`): the
   * tree is one guess among the readings, so no path found in it can be trusted.
   */
  unreliable: boolean;
}

/** Whitespace-free text of an lvalue or handle expression: the key under which flow facts are kept. */
export function exprKey(n: Node): string {
  // Kept per node object: the flow and the rules ask for the key of the same argument once per path state.
  let k = keys.get(n);
  if (k === undefined) {
    k = n.text.replace(/\s+/g, '');
    while (k.startsWith('(') && k.endsWith(')') && balanced(k.slice(1, -1))) k = k.slice(1, -1);
    // `(Vc)->NdisVcHandle`, as a macro's parenthesised parameter leaves it, is `Vc->NdisVcHandle`.
    if (k.includes('(')) k = k.replace(PAREN_NAME, '$1$2');
    keys.set(n, k);
  }
  return k;
}

const keys = new WeakMap<Node, string>();
/** A parenthesised name that is not a call's argument list or a cast: followed by a member access, index, `)` or `,`. */
const PAREN_NAME = /(^|[^\w)\]])\(([A-Za-z_]\w*)\)(?=->|\.|\[|\)|,|$)/g;

/** Node types that never have named children: nothing to find under them (saves asking the tree). */
const LEAVES = new Set(['identifier', 'field_identifier', 'number_literal', 'type_identifier', 'primitive_type', 'true', 'false', 'null']);

function balanced(s: string): boolean {
  let d = 0;
  for (const c of s) { if (c === '(') d++; else if (c === ')' && --d < 0) return false; }
  return d === 0;
}

/** An assignment operator (`=`, `+=`, `<<=`, ...) but not `==`, `!=`, `<=`, `>=`. */
const ASSIGN = /(^|[^=!<>])=(?!=)|<<=|>>=/;

/** Whether the text of an expression can contain a call (`(`), an update (`++`, `--`) or an assignment. */
function mayHoldEvents(text: string): boolean {
  return text.includes('(') || text.includes('++') || text.includes('--') || ASSIGN.test(text);
}

/** Bounds for pathological input: the walk stops adding detail past these. */
const MAX_BLOCKS = 20_000;
const MAX_DEPTH = 400;

/** The workspace's macros, seen through at their uses (implemented by macroExpansion.ts). */
export interface MacroHooks {
  /** The body to read in place of a macro use (call or identifier); undefined when it is not one to expand. */
  expand(use: Node): Node | undefined;
  /** Whether a node belongs to an expansion rather than to the file. */
  foreign(n: Node): boolean;
  /** The use site's argument a node of an expansion was substituted from. */
  real(n: Node): Node | undefined;
  /** An event made from an expansion's nodes, moved to the use site. */
  adopt(ev: Event): Event;
  /** Whether `name` may be a use worth expanding (a cheap screen by name, before any look at the node). */
  mayExpand(name: string): boolean;
}

/** What the statement walk (cfgStatements.ts) uses of the graph under construction. */
export interface CfgBuilder {
  readonly blocks: Block[];
  newBlock(): number;
  edge(from: number, to: number): void;
  /** The block a label starts (made on first mention, by a goto or the label itself). */
  label(name: string): number;
  /** Adds the events of expression `n` to block `cur`. */
  expr(n: Node | null, cur: number, depth: number, known?: string): void;
  /**
   * Reads expression statement `e` as the statements a workspace macro expands to (`do { ... } while (0)` with its
   * branches); undefined when `e` is no such use. `stmt` is the statement walk to read them with.
   */
  expandStatement(e: Node, cur: number, depth: number, stmt: (n: Node | null, cur: number, depth: number) => number): number | undefined;
  /** Whether the text of `n` may contain `s`: false only when the body has no syntax error and its text says so. */
  mayContain(n: Node, s: string): boolean;
  unreliable: boolean;
}

export const CFG_LIMITS = { MAX_BLOCKS, MAX_DEPTH };

/** `pruneByText: false` walks every expression to the leaves: the reference the tests hold the pruned walk to. */
export function buildCfg(body: Node, opts: { pruneByText?: boolean; macros?: MacroHooks } = {}): Cfg {
  const blocks: Block[] = [];
  const labels = new Map<string, number>();
  const newBlock = (): number => {
    blocks.push({ id: blocks.length, events: [], succ: [] });
    return blocks.length - 1;
  };
  const edge = (from: number, to: number) => { if (from >= 0 && to >= 0 && !blocks[from].succ.includes(to)) blocks[from].succ.push(to); };
  const label = (name: string) => {
    let b = labels.get(name);
    if (b === undefined) { b = newBlock(); labels.set(name, b); }
    return b;
  };
  // Without errors (no ERROR or MISSING node) the text says when an expression cannot hold a call, an assignment or an
  // update: then there is nothing to find under it, and its children are never fetched from the tree.
  const exact = opts.pruneByText !== false && !body.hasError;
  const src = exact ? body.text : '';
  const base = body.startIndex;

  const macros = opts.macros;
  /** Uses being expanded (macroExpansion.ts), outermost first; arguments of the outermost are read as its own. */
  const inside: Node[] = [];
  let walkStmt: ((n: Node | null, cur: number, depth: number) => number) | undefined;
  /** Reads the expansion of macro use `n`, as a statement or as an expression; undefined when `n` is no such use. */
  function expandAt(n: Node, cur: number, depth: number, asStmt: boolean): number | undefined {
    const x = macros!.expand(n);
    if (!x) return undefined;
    inside.push(n);
    if (asStmt && walkStmt) cur = walkStmt(x, cur, depth + 1); else expr(x, cur, depth + 1, x.type);
    inside.pop();
    return cur;
  }
  /**
   * Whether `n` (an identifier or a call) may be a macro use: its name, read from the body's text where the node is
   * the file's (no call into wasm), screened by name. Most identifiers and calls are not macros.
   */
  function mayBeMacro(n: Node, t: string): boolean {
    const name = t === 'identifier' ? n : n.childForFieldName('function');
    if (!name) return false;
    const own = exact && !inside.length && name.startIndex >= base && name.endIndex <= base + src.length;
    return macros!.mayExpand(own ? src.slice(name.startIndex - base, name.endIndex - base) : name.text);
  }
  function expandStatement(e: Node, cur: number, depth: number, stmt: (n: Node | null, cur: number, depth: number) => number): number | undefined {
    if (!macros) return undefined;
    const et = e.type;
    if ((et !== 'call_expression' && et !== 'identifier') || !mayBeMacro(e, et) || macros.real(e)) return undefined;
    walkStmt = stmt;
    return expandAt(e, cur, depth, true);
  }

  /** `known`: the node's type when the caller has it already (each `.type` is a call into wasm). */
  function expr(n: Node | null, cur: number, depth: number, known?: string): void {
    if (!n || cur < 0 || depth > MAX_DEPTH) return;
    if (macros && inside.length) {
      // A use site's argument substituted into an expansion: read the argument itself, as a use of its own.
      const r = macros.real(n);
      if (r) { const saved = inside.splice(0); expr(r, cur, depth + 1); inside.push(...saved); return; }
    }
    const t = known ?? n.type;
    if (macros && (t === 'identifier' || t === 'call_expression') && mayBeMacro(n, t) && expandAt(n, cur, depth, false) !== undefined) return;
    if (t === 'call_expression') {
      const fn = n.childForFieldName('function');
      const argList = n.childForFieldName('arguments');
      const args: Node[] = [];
      const argTypes: string[] = [];
      for (const c of argList?.namedChildren ?? []) {
        if (!c) continue;
        const ct = c.type;
        if (ct !== 'comment') { args.push(c); argTypes.push(ct); }
      }
      const fnType = fn?.type;
      if (fn && fnType !== 'identifier') expr(fn, cur, depth + 1, fnType);
      args.forEach((a, i) => expr(a, cur, depth + 1, argTypes[i]));
      blocks[cur].events.push({ k: 'call', node: n, name: fn && fnType === 'identifier' ? fn.text : '', args });
      // Passing `&x` lets the callee change x.
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (argTypes[i] === 'pointer_expression' && a.text.startsWith('&')) {
          const target = a.childForFieldName('argument');
          if (target) blocks[cur].events.push({ k: 'assign', node: a, target: exprKey(target), value: null });
        }
      }
      return;
    }
    if (t === 'assignment_expression') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      expr(right, cur, depth + 1);
      const op = n.childForFieldName('operator')?.text ?? '=';
      if (left) blocks[cur].events.push({ k: 'assign', node: n, target: exprKey(left), value: op === '=' ? right : null });
      return;
    }
    if (t === 'update_expression') {
      const arg = n.childForFieldName('argument');
      if (arg) blocks[cur].events.push({ k: 'assign', node: n, target: exprKey(arg), value: null });
      return;
    }
    if (t === 'sizeof_expression' || t === 'string_literal' || t === 'comment' || LEAVES.has(t)) return;
    if (exact && !(macros && inside.length && macros.foreign(n)) && !mayHoldEvents(src.slice(n.startIndex - base, n.endIndex - base))) return;
    for (const c of n.namedChildren) if (c) expr(c, cur, depth + 1);
  }

  const mayContain = (n: Node, s: string) => !exact || n.startIndex < base || src.slice(n.startIndex - base, n.endIndex - base).includes(s);
  const b: CfgBuilder = { blocks, newBlock, edge, label, expr, expandStatement, mayContain, unreliable: false };
  const entry = newBlock();
  const end = walkStatements(b, body, entry);
  const fallOff = newBlock();
  edge(end, fallOff);
  if (macros) for (const blk of blocks) blk.events = blk.events.map((ev) => macros.adopt(ev));
  return { blocks, entry, fallOff, unreliable: b.unreliable };
}
