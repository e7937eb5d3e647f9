// The syntax facts the flow analysis reads at every path state, compiled once per node or event: what a status
// expression resolves to, what a branch condition says, what an assignment's value is. Each look at a node crosses
// into wasm, so the per-state work in flow.ts is plain JavaScript over these.
import type { Node } from 'web-tree-sitter';
import { exprKey, type Event } from './cfg';
import { isNullLiteral, stripCasts } from './expressions';

/**
 * The part of resolveStatus that depends on the syntax alone, computed once per node object: the rules and the flow ask
 * about the same argument and return nodes for every state, and each look at a node crosses into wasm.
 */
export type StatusForm = { k: 'const' | 'var'; v: string } | { k: 'none' };
const NO_STATUS: StatusForm = { k: 'none' };
const statusForms = new WeakMap<Node, StatusForm>();

export function statusForm(n: Node): StatusForm {
  let f = statusForms.get(n);
  if (!f) { f = computeStatusForm(n); statusForms.set(n, f); }
  return f;
}

function computeStatusForm(n: Node | null): StatusForm {
  if (!n) return NO_STATUS;
  const t = n.type;
  if (t === 'parenthesized_expression') return computeStatusForm(n.namedChild(0));
  if (t === 'cast_expression') return computeStatusForm(n.childForFieldName('value'));
  if (t === 'identifier') {
    const text = n.text;
    return STATUS_CONST.test(text) ? { k: 'const', v: normalizeStatus(text) } : { k: 'var', v: exprKey(n) };
  }
  if (t === 'field_expression') return { k: 'var', v: exprKey(n) };
  return NO_STATUS;
}

export const STATUS_CONST = /^(NDIS_)?STATUS_[A-Z0-9_]+$/;

/** A use of an object-like macro that stands for a status constant reads as that constant (macroExpansion.ts). */
export function presetStatus(n: Node, name: string): void {
  statusForms.set(n, { k: 'const', v: normalizeStatus(name) });
}

/** STATUS_PENDING and NDIS_STATUS_PENDING are the same value: compare them as one. */
function normalizeStatus(name: string): string {
  return name.startsWith('NDIS_') ? name : `NDIS_${name}`;
}

/**
 * A branch condition as the flow reads it, compiled once per condition node so that refining each state is plain
 * JavaScript: `undefined` is a condition that tells nothing (the state passes unchanged).
 */
export type Cond =
  | undefined
  | { k: 'not'; arg: Cond }
  | { k: 'id'; name: string }
  | { k: 'and' | 'or'; l: Cond; r: Cond }
  /** `left == right` or `!=`: `nullKey` when the right side is a null constant; `status` when one side is a status constant. */
  | { k: 'eq'; equal: boolean; nullKey: string | undefined; status: { v: string; k: string } | undefined };

const conds = new WeakMap<Node, Cond>();

export function condOf(cond: Node): Cond {
  if (conds.has(cond)) return conds.get(cond);
  const c = compileCond(cond);
  conds.set(cond, c);
  return c;
}

function compileCond(cond: Node): Cond {
  let c: Node | null = cond;
  while (c && c.type === 'parenthesized_expression') c = c.namedChild(0);
  if (!c) return undefined;
  const type = c.type;
  if (type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const arg = c.childForFieldName('argument');
    return arg ? { k: 'not', arg: compileCond(arg) } : undefined;
  }
  if (type === 'identifier') return { k: 'id', name: c.text };
  if (type !== 'binary_expression') return undefined;
  const op = c.childForFieldName('operator')?.text;
  if (op === '&&' || op === '||') {
    const l = c.childForFieldName('left'); const r = c.childForFieldName('right');
    return { k: op === '&&' ? 'and' : 'or', l: l ? compileCond(l) : undefined, r: r ? compileCond(r) : undefined };
  }
  if (op !== '==' && op !== '!=') return undefined;
  let left = c.childForFieldName('left');
  let right = c.childForFieldName('right');
  if (!left || !right) return undefined;
  if (isNullLiteral(left)) [left, right] = [right, left];
  const nullKey = isNullLiteral(right) ? exprKey(left) : undefined;
  const isConst = (n: Node) => n.type === 'identifier' && STATUS_CONST.test(n.text);
  if (isConst(left) && !isConst(right)) [left, right] = [right, left];
  const status = !isConst(right) || !(left.type === 'identifier' || left.type === 'field_expression')
    ? undefined
    : { v: exprKey(left), k: normalizeStatus(right.text) };
  return { k: 'eq', equal: op === '==', nullKey, status };
}

/** What an assignment's value is, as `step` asks it for every state: read from the syntax once per event. */
export interface AssignFacts {
  /** The callee's name when the value is a call (`''` for a call through an expression). */
  callee: string | undefined;
  /** The value under its casts: `true` for a null constant, else its key; undefined when there is no value. */
  copy: true | string | undefined;
}
const assignFactsOf = new WeakMap<Event, AssignFacts>();

export function assignFacts(ev: Extract<Event, { k: 'assign' }>): AssignFacts {
  let f = assignFactsOf.get(ev);
  if (!f) {
    const val = stripCasts(ev.value);
    f = {
      callee: ev.value?.type === 'call_expression' ? ev.value.childForFieldName('function')?.text ?? '' : undefined,
      copy: val ? (isNullLiteral(val) ? true : exprKey(val)) : undefined,
    };
    assignFactsOf.set(ev, f);
  }
  return f;
}
