// A control-flow graph of one C function body, built from the syntax tree: blocks of events (calls, assignments,
// branch assumptions, returns) joined by edges for if/else, switch and fall-through, loops, break/continue and goto.
import type { Node } from 'web-tree-sitter';

/** The macro a call was made through: the one used at the call's node, and where it is defined. */
export interface MacroVia { macro: string; uri: string; line: number; start: number }

export type Event =
  /** `via`: made inside the expansion of a macro used at `node` (macroExpansion.ts). */
  | { k: 'call'; node: Node; name: string; args: Node[]; via?: MacroVia }
  /** `value` null: the target changed in a way we do not model (`x++`, `&x` passed to a call). */
  | { k: 'assign'; node: Node; target: string; value: Node | null }
  | { k: 'assume'; cond: Node; truth: boolean }
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
}

/** Whitespace-free text of an lvalue or handle expression: the key under which flow facts are kept. */
export function exprKey(n: Node): string {
  // Kept per node object: the flow and the rules ask for the key of the same argument once per path state.
  let k = keys.get(n);
  if (k === undefined) {
    k = n.text.replace(/\s+/g, '');
    while (k.startsWith('(') && k.endsWith(')') && balanced(k.slice(1, -1))) k = k.slice(1, -1);
    keys.set(n, k);
  }
  return k;
}

const keys = new WeakMap<Node, string>();

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
}

/** `pruneByText: false` walks every expression to the leaves: the reference the tests hold the pruned walk to. */
export function buildCfg(body: Node, opts: { pruneByText?: boolean; macros?: MacroHooks } = {}): Cfg {
  const blocks: Block[] = [];
  const labels = new Map<string, number>();
  const newBlock = (): number => {
    blocks.push({ id: blocks.length, events: [], succ: [] });
    return blocks.length - 1;
  };
  const edge = (from: number, to: number) => { if (from >= 0 && !blocks[from].succ.includes(to)) blocks[from].succ.push(to); };
  const label = (name: string) => {
    let b = labels.get(name);
    if (b === undefined) { b = newBlock(); labels.set(name, b); }
    return b;
  };
  const breaks: number[] = [];
  const continues: number[] = [];
  // Without errors (no ERROR or MISSING node) the text says when an expression cannot hold a call, an assignment or an
  // update: then there is nothing to find under it, and its children are never fetched from the tree.
  const exact = opts.pruneByText !== false && !body.hasError;
  const src = exact ? body.text : '';
  const base = body.startIndex;
  const macros = opts.macros;
  /** Uses being expanded (macroExpansion.ts), outermost first; arguments of the outermost are read as its own. */
  const inside: Node[] = [];
  /** Reads the expansion of macro use `n`, as a statement or as an expression; undefined when `n` is no such use. */
  function expandAt(n: Node, cur: number, depth: number, asStmt: boolean): number | undefined {
    const x = macros!.expand(n);
    if (!x) return undefined;
    inside.push(n);
    if (asStmt) cur = stmt(x, cur, depth + 1); else expr(x, cur, depth + 1, x.type);
    inside.pop();
    return cur;
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
    if (macros && (t === 'identifier' || t === 'call_expression') && expandAt(n, cur, depth, false) !== undefined) return;
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

  /** Appends statement `n` to block `cur`; returns the block control continues in, or -1 if it cannot continue. */
  function stmt(n: Node | null, cur: number, depth: number): number {
    if (!n || blocks.length > MAX_BLOCKS || depth > MAX_DEPTH) return cur;
    const type = n.type;
    switch (type) {
      case 'compound_statement':
      case 'translation_unit':
      case 'ERROR': {
        for (const c of n.namedChildren) cur = stmt(c, cur, depth + 1);
        return cur;
      }
      case 'declaration': {
        if (cur < 0) return cur;
        for (const d of n.childrenForFieldName('declarator')) {
          if (d?.type !== 'init_declarator') continue;
          const value = d.childForFieldName('value');
          const name = d.childForFieldName('declarator');
          expr(value, cur, depth + 1);
          if (name && value && value.type !== 'initializer_list') {
            blocks[cur].events.push({ k: 'assign', node: d, target: exprKey(name), value });
          }
        }
        return cur;
      }
      case 'expression_statement': {
        const e = n.namedChild(0);
        // A statement-like macro (`do { ... } while (0)`) is read as statements, with its branches.
        const et = macros && e ? e.type : '';
        const r = (et === 'call_expression' || et === 'identifier') && !macros!.real(e!) ? expandAt(e!, cur, depth, true) : undefined;
        if (r !== undefined) return r;
        expr(e, cur, depth + 1);
        return cur;
      }
      case 'return_statement': {
        const value = n.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
        expr(value, cur, depth + 1);
        if (cur >= 0) blocks[cur].events.push({ k: 'return', node: n, value });
        return -1;
      }
      case 'if_statement': {
        const cond = n.childForFieldName('condition');
        expr(cond, cur, depth + 1);
        const join = newBlock();
        const thenB = newBlock();
        edge(cur, thenB);
        if (cond) blocks[thenB].events.push({ k: 'assume', cond, truth: true });
        edge(stmt(n.childForFieldName('consequence'), thenB, depth + 1), join);
        const elseB = newBlock();
        edge(cur, elseB);
        if (cond) blocks[elseB].events.push({ k: 'assume', cond, truth: false });
        const alt = n.childForFieldName('alternative');
        edge(stmt(alt?.type === 'else_clause' ? alt.namedChild(0) : alt, elseB, depth + 1), join);
        return join;
      }
      case 'switch_statement': {
        expr(n.childForFieldName('condition'), cur, depth + 1);
        const after = newBlock();
        breaks.push(after);
        let hasDefault = false;
        let prev = -1;
        const body = n.childForFieldName('body');
        for (const c of body?.namedChildren ?? []) {
          if (!c) continue;
          if (c.type === 'case_statement') {
            const b = newBlock();
            edge(cur, b);
            edge(prev, b); // fall-through from the previous case
            if (!c.childForFieldName('value')) hasDefault = true;
            let inner = b;
            // Every named child, the case value too (a plain expression: no block, no event).
            for (const s of c.namedChildren) if (s) inner = stmt(s, inner, depth + 1);
            prev = inner;
          } else {
            prev = stmt(c, prev, depth + 1);
          }
        }
        edge(prev, after);
        if (!hasDefault) edge(cur, after);
        breaks.pop();
        return after;
      }
      case 'while_statement':
      case 'for_statement': {
        if (type === 'for_statement') {
          const init = n.childForFieldName('initializer');
          if (init?.type === 'declaration') cur = stmt(init, cur, depth + 1); else expr(init, cur, depth + 1);
        }
        const head = newBlock();
        edge(cur, head);
        const cond = n.childForFieldName('condition');
        expr(cond, head, depth + 1);
        const body = newBlock();
        const after = newBlock();
        edge(head, body);
        edge(head, after);
        if (cond) {
          blocks[body].events.push({ k: 'assume', cond, truth: true });
          blocks[after].events.push({ k: 'assume', cond, truth: false });
        }
        const cont = newBlock();
        breaks.push(after); continues.push(cont);
        edge(stmt(n.childForFieldName('body'), body, depth + 1), cont);
        breaks.pop(); continues.pop();
        expr(n.childForFieldName('update'), cont, depth + 1);
        edge(cont, head);
        return after;
      }
      case 'do_statement': {
        const body = newBlock();
        edge(cur, body);
        const cond = newBlock();
        const after = newBlock();
        breaks.push(after); continues.push(cond);
        edge(stmt(n.childForFieldName('body'), body, depth + 1), cond);
        breaks.pop(); continues.pop();
        expr(n.childForFieldName('condition'), cond, depth + 1);
        edge(cond, body);
        edge(cond, after);
        return after;
      }
      case 'break_statement':
        if (breaks.length) edge(cur, breaks[breaks.length - 1]);
        return -1;
      case 'continue_statement':
        if (continues.length) edge(cur, continues[continues.length - 1]);
        return -1;
      case 'goto_statement': {
        const l = n.childForFieldName('label');
        if (l) edge(cur, label(l.text));
        return -1;
      }
      case 'labeled_statement': {
        const l = n.childForFieldName('label');
        const b = l ? label(l.text) : newBlock();
        edge(cur, b);
        let inner = b;
        for (const c of n.namedChildren) if (c) inner = stmt(c, inner, depth + 1); // the label too: no event
        return inner;
      }
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_elif':
      case 'preproc_else':
      case 'preproc_elifdef': {
        // Either side of a conditional block may be compiled: model it as a branch.
        const join = newBlock();
        const thenB = newBlock();
        edge(cur, thenB);
        let inner = thenB;
        const alt = n.childForFieldName('alternative');
        // Every named child, as this has always run: node objects are never identical, so the alternative is walked
        // here as well (a nested branch), and the condition or name (plain expressions) add nothing.
        for (const c of n.namedChildren) if (c) inner = stmt(c, inner, depth + 1);
        edge(inner, join);
        if (alt) edge(stmt(alt, cur, depth + 1), join); else edge(cur, join);
        return join;
      }
      default:
        return cur;
    }
  }

  const entry = newBlock();
  const end = stmt(body, entry, 0);
  const fallOff = newBlock();
  edge(end, fallOff);
  if (macros) for (const b of blocks) b.events = b.events.map((ev) => macros.adopt(ev));
  return { blocks, entry, fallOff };
}
