// Which calls of a function body are made on every path through it, read from the syntax in one walk (no flow): the
// calls of its statements before the first that may return, jump or break, the calls made in both arms of an if, and
// the body of a do-while up to a break; never those in loops, switches, conditional compilation, or the parts of
// `&&`, `||` and `?:` that may not run.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import { typeList } from '../syntax/nodes';

export interface CallSite { n: Node; name: string; args: Node[]; must: boolean }
/** A node of the body's walk with what is already known of it (its type, offset and, for a call by name, the callee). */
export interface WalkedNode { n: Node; type: string; start: number; name?: string }

/** Statements that leave the function (or, for `__leave`, its `__try`) and skip what follows them. */
const LEAVES = new Set(['return_statement', 'goto_statement', 'seh_leave_statement']);
const BREAKS = new Set(['break_statement', 'continue_statement']);
const WALKED = typeList('call_expression', 'assignment_expression', ...LEAVES, ...BREAKS);
const WALKED_SET = new Set(WALKED);
/** Statements whose calls all run when the statement does (unless under a condition within it). */
const PLAIN = new Set(['expression_statement', 'declaration', 'return_statement']);
/** Statements that keep their own `break` and `continue`. */
const LOOPS = new Set(['for_statement', 'while_statement', 'do_statement', 'switch_statement']);
const MAX_DEPTH = 32;
const MAX_SITES = 256;

interface Walk {
  /** Every call, assignment, leave and break of the body in document order: one walk into wasm for the whole body. */
  nodes: WalkedNode[];
  starts: number[];
  wanted: (name: string) => boolean;
  keyOf: (s: CallSite) => string;
  sites: CallSite[];
  keys: Map<CallSite, string>;
  /** Lvalues assigned (or passed by address) anywhere in the body. */
  assigned: Set<string>;
}

/** What one statement tells: the keys of calls made on every path into it, and whether it may leave or break. */
interface Result { keys: Set<string>; leaves: boolean; breaks: boolean }
const NOTHING = (): Result => ({ keys: new Set(), leaves: false, breaks: false });

/**
 * `walked`: the body's (or an enclosing node's) calls, assignments, leaves and breaks in document order, when the caller
 * has walked them already (one walk into wasm less); else they are found here. The calls to names `wanted` accepts, each marked `must` when a call of the same key (`keyOf`: what makes two calls
 * the same effect) is made on every path through the body, and the lvalues the body assigns.
 */
export function certainCalls(
  body: Node, walked: readonly WalkedNode[] | undefined, wanted: (name: string) => boolean, keyOf: (s: CallSite) => string,
): { sites: CallSite[]; assigned: Set<string>; keys: ReadonlyMap<CallSite, string> } {
  const from = body.startIndex;
  const to = body.endIndex;
  const all = walked ?? body.descendantsOfType(WALKED).filter((n): n is Node => !!n).map((n) => ({ n, type: n.type, start: n.startIndex }));
  const nodes = all.filter((x) => x.start >= from && x.start < to && WALKED_SET.has(x.type));
  const w: Walk = { nodes, starts: nodes.map((x) => x.start), wanted, keyOf, sites: [], keys: new Map(), assigned: new Set() };
  const { keys } = statement(body, w, 0);
  for (const s of w.sites) s.must = keys.has(w.keys.get(s)!);
  return { sites: w.sites, assigned: w.assigned, keys: w.keys };
}

function statement(st: Node, w: Walk, depth: number): Result {
  // Nothing walked in it (no call, assignment, leave or break): nothing to tell, and no need to look at its syntax.
  const i = firstAt(w.starts, st.startIndex);
  if (i >= w.starts.length || w.starts[i] >= st.endIndex) return NOTHING();
  const t = st.type;
  if (depth > MAX_DEPTH) return opaque(st, w, false);
  if (PLAIN.has(t)) return { ...expression(st, w), leaves: t === 'return_statement', breaks: false };
  if (BREAKS.has(t)) return { keys: new Set(), leaves: false, breaks: true };
  if (LEAVES.has(t)) return { keys: new Set(), leaves: true, breaks: false };
  if (t === 'compound_statement') {
    const out = NOTHING();
    let open = true;
    for (const c of st.namedChildren) {
      if (!c || c.type === 'comment') continue;
      const r = statement(c, w, depth + 1);
      if (open) for (const k of r.keys) out.keys.add(k);
      out.leaves ||= r.leaves;
      out.breaks ||= r.breaks;
      if (r.leaves || r.breaks) open = false;
    }
    return out;
  }
  if (t === 'if_statement') {
    const cond = st.childForFieldName('condition');
    const out = cond ? { ...expression(cond, w), leaves: false, breaks: false } : NOTHING();
    const then = st.childForFieldName('consequence');
    const alt = st.childForFieldName('alternative');
    const a = then ? statement(then, w, depth + 1) : NOTHING();
    const elseStmt = alt?.type === 'else_clause' ? alt.namedChildren.find((c) => c && c.type !== 'comment') ?? null : alt;
    const b = elseStmt ? statement(elseStmt, w, depth + 1) : null;
    if (b) for (const k of a.keys) if (b.keys.has(k)) out.keys.add(k);
    out.leaves = a.leaves || !!b?.leaves;
    out.breaks = a.breaks || !!b?.breaks;
    return out;
  }
  if (t === 'do_statement') {
    // The body runs at least once; a `break` in it ends only the loop.
    const body = st.childForFieldName('body');
    const cond = st.childForFieldName('condition');
    const r = body ? statement(body, w, depth + 1) : NOTHING();
    const c = cond ? opaque(cond, w, true) : NOTHING();
    return { keys: r.keys, leaves: r.leaves || c.leaves, breaks: false };
  }
  return opaque(st, w, LOOPS.has(t));
}

/** Calls of an expression or plain statement: certain unless behind `&&`, `||` or `?:`. */
function expression(e: Node, w: Walk): { keys: Set<string> } {
  const keys = new Set<string>();
  for (const s of visit(e, w).sites) if (!underCondition(s.n, e)) keys.add(w.keys.get(s)!);
  return { keys };
}

/** A statement none of whose calls is certain; `loop`: it keeps its own breaks. */
function opaque(st: Node, w: Walk, loop: boolean): Result {
  const v = visit(st, w);
  return { keys: new Set(), leaves: v.leaves, breaks: !loop && v.breaks };
}

/** The walked nodes of a subtree (a slice of the body's, by offsets): its wanted calls (recorded), assignments, leaves, breaks. */
function visit(root: Node, w: Walk): { sites: CallSite[]; leaves: boolean; breaks: boolean } {
  const sites: CallSite[] = [];
  let leaves = false;
  let breaks = false;
  const end = root.endIndex;
  for (let i = firstAt(w.starts, root.startIndex); i < w.nodes.length && w.starts[i] < end; i++) {
    const { n, type: t } = w.nodes[i];
    if (LEAVES.has(t)) { leaves = true; continue; }
    if (BREAKS.has(t)) { breaks = true; continue; }
    if (t === 'assignment_expression') { w.assigned.add(exprKey(n.childForFieldName('left') ?? n)); continue; }
    let name = w.nodes[i].name;
    if (name === undefined) {
      const f = n.childForFieldName('function');
      name = f?.type === 'identifier' ? f.text : '';
    }
    if (!name || !w.wanted(name)) continue;
    const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    for (const a of args) if (a.type === 'pointer_expression' && a.text.startsWith('&')) w.assigned.add(exprKey(a.childForFieldName('argument') ?? a));
    if (w.sites.length >= MAX_SITES) continue;
    const site: CallSite = { n, name, args, must: false };
    w.sites.push(site);
    w.keys.set(site, w.keyOf(site));
    sites.push(site);
  }
  return { sites, leaves, breaks };
}

/** The first index of `starts` (ascending) at or after `at`. */
function firstAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < at) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * Whether `n` sits in a part of an expression within `top` that may not be evaluated: the right side of `&&` or `||`,
 * an arm of `?:` (a bounded walk up; unknown counts as yes).
 */
function underCondition(n: Node, top: Node): boolean {
  let from: Node = n;
  let at: Node | null = n.parent;
  for (let i = 0; at && i < 32; i++, from = at, at = at.parent) {
    if (at.id === top.id) return false;
    const t = at.type;
    if (t === 'conditional_expression' && at.childForFieldName('condition')?.id !== from.id) return true;
    if (t === 'binary_expression' && at.childForFieldName('left')?.id !== from.id && /^(&&|\|\|)$/.test(at.childForFieldName('operator')?.text ?? '')) return true;
  }
  return true;
}
