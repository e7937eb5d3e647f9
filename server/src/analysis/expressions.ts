// Small questions about C expressions that the flow analysis and the summaries share: what is under the casts,
// is it a null pointer constant, which locals merely copy a parameter, where does a call's result go.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import { typeList } from '../syntax/nodes';

/** `NULL`, `0`, `(PVOID)NULL`: a null pointer constant as drivers spell it. */
export function isNullLiteral(n: Node | null): boolean {
  const v = stripCasts(n);
  return !!v && (v.text === 'NULL' || v.text === '0');
}

/** What a walk for copies (parameterCopies, item facts' copiesOf) collects. */
export const COPY_NODES = typeList('init_declarator', 'assignment_expression');

/** Locals that only ever hold a copy of one parameter (`PCM_PARTY Party = (PCM_PARTY)PartyContext;`): local -> parameter. */
export function parameterCopies(body: Node, params: readonly string[], declarators?: readonly Node[]): ReadonlyMap<string, string> {
  // The flow and party-handle-mismatch both ask, for the same body node.
  const memo = copies.get(body);
  const key = params.join(',');
  if (memo && memo.key === key) return memo.out;
  // `declarators`: the body's init declarators and assignments, when a caller has walked them already.
  const out = computeCopies(declarators ?? body.descendantsOfType(COPY_NODES), params);
  copies.set(body, { key, out });
  return out;
}

const copies = new WeakMap<Node, { key: string; out: ReadonlyMap<string, string> }>();

function computeCopies(nodes: readonly (Node | null)[], params: readonly string[]): Map<string, string> {
  const sources = new Map<string, Set<string>>();
  for (const n of nodes) {
    if (!n) continue;
    const decl = n.type === 'init_declarator';
    const l = n.childForFieldName(decl ? 'declarator' : 'left');
    if (!l || l.type !== 'identifier' || params.includes(l.text)) continue;
    const name = l.text;
    const set = sources.get(name) ?? new Set<string>();
    sources.set(name, set);
    if (set.size > 1) continue; // already more than one source: never a copy, whatever else it gets
    const r = stripCasts(n.childForFieldName(decl ? 'value' : 'right'));
    const plain = decl || (r?.type === 'identifier' && n.childForFieldName('operator')?.text === '=');
    set.add(plain && r?.type === 'identifier' ? r.text : '?');
  }
  const out = new Map<string, string>();
  for (const [local, set] of sources) {
    const [only] = set;
    if (set.size === 1 && params.includes(only)) out.set(local, only);
  }
  return out;
}

/** The expression under any parentheses and casts. */
export function stripCasts(n: Node | null): Node | null {
  while (n && (n.type === 'parenthesized_expression' || n.type === 'cast_expression')) {
    n = n.type === 'cast_expression' ? n.childForFieldName('value') : n.namedChild(0);
  }
  return n;
}

/** The variable a call's result is stored in (`Status = Call(...)`, `NDIS_STATUS Status = Call(...)`), or ''. */
export function resultVariable(call: Node): string {
  let r = results.get(call);
  if (r === undefined) { r = findResultVariable(call); results.set(call, r); }
  return r;
}

const results = new WeakMap<Node, string>();

function findResultVariable(call: Node): string {
  let n: Node = call;
  while (n.parent && (n.parent.type === 'parenthesized_expression' || n.parent.type === 'cast_expression')) n = n.parent;
  const p = n.parent;
  if (p?.type === 'assignment_expression' && p.childForFieldName('right')?.id === n.id) {
    const l = p.childForFieldName('left');
    return l ? exprKey(l) : '';
  }
  if (p?.type === 'init_declarator') {
    const d = p.childForFieldName('declarator');
    return d ? exprKey(d) : '';
  }
  return '';
}

/**
 * The value of a condition that is a constant as drivers write them (`0`, `1`, `FALSE`, `TRUE`, `(0,0)`, `!0`), or
 * undefined when it depends on anything else: `do { } while (0)` is no loop, `for (;;)` leaves only by a jump.
 */
export function constTruth(n: Node | null): boolean | undefined {
  for (let depth = 0; n && depth < 64; depth++) {
    const t = n.type;
    if (t === 'parenthesized_expression' || t === 'cast_expression') n = stripCasts(n);
    else if (t === 'comma_expression') n = n.childForFieldName('right');
    else if (t === 'unary_expression' && n.childForFieldName('operator')?.text === '!') {
      const v = constTruth(n.childForFieldName('argument'));
      return v === undefined ? undefined : !v;
    } else if (t === 'number_literal') {
      const m = /^(0[xX])?([0-9a-fA-F]+)[uUlL]*$/.exec(n.text);
      return m ? !/^0+$/.test(m[2]) : undefined;
    } else if (t === 'true' || t === 'false') return t === 'true';
    else if (t === 'identifier') return n.text === 'TRUE' ? true : n.text === 'FALSE' ? false : undefined;
    else return undefined;
  }
  return undefined;
}
