// What a tested condition says about the values it reads, as facts keyed by normalised text: `Vc->Flags & F`,
// `(Vc->Flags & F) != 0` and `!(Vc->Flags & F)` all speak of the key `F&Vc->Flags`; `p != NULL`, `p` and `!p` of `p`.
// A path that tests the same key twice with nothing it reads assigned in between takes the same branch both times.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import { constTruth, isNullLiteral, stripCasts } from './expressions';

/** `key` is nonzero (`value` true) or zero. */
export interface CondFact { key: string; value: boolean }

const compiled = new WeakMap<Node, [CondFact[], CondFact[]]>();

/** The facts that hold when `cond` evaluates to `truth`; compiled once per node for both truths. */
export function condFacts(cond: Node, truth: boolean): readonly CondFact[] {
  let c = compiled.get(cond);
  if (!c) {
    c = [facts(cond, false, 0), facts(cond, true, 0)];
    compiled.set(cond, c);
  }
  return c[truth ? 1 : 0];
}

/** A key the path can remember: no call, update or assignment in it (each may change between two tests). */
function keyed(key: string): boolean {
  return key.length > 0 && key.length < 200 && !/[(=]|\+\+|--/.test(key.replace(/[!=]=/g, ''));
}

function facts(n: Node, truth: boolean, depth: number): CondFact[] {
  const c = stripCasts(n);
  if (!c || depth > 32) return [];
  const t = c.type;
  if (t === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const arg = c.childForFieldName('argument');
    return arg ? facts(arg, !truth, depth + 1) : [];
  }
  if (t === 'binary_expression') {
    const op = c.childForFieldName('operator')?.text ?? '';
    const l = c.childForFieldName('left');
    const r = c.childForFieldName('right');
    if (!l || !r) return [];
    if (op === '&&' || op === '||') {
      const whole = atom(exprKey(c), truth);
      // `a && b` taken (or `a || b` not taken): each side holds (fails); the other direction says only the whole.
      return (op === '&&') === truth ? [...facts(l, truth, depth + 1), ...facts(r, truth, depth + 1), ...whole] : whole;
    }
    if (op === '==' || op === '!=') {
      const eq = (op === '==') === truth;
      // Against zero or NULL: a test of the other side itself (`p != NULL` is `p`; `(a & F) == 0` is `!(a & F)`).
      if (isZero(r)) return facts(l, !eq, depth + 1);
      if (isZero(l)) return facts(r, !eq, depth + 1);
      const [a, b] = [exprKey(l), exprKey(r)].sort();
      return atom(`${a}==${b}`, eq);
    }
    if (op === '&') return atom([exprKey(l), exprKey(r)].sort().join('&'), truth);
    return atom(exprKey(c), truth);
  }
  if (t === 'identifier' || t === 'field_expression' || t === 'subscript_expression' || t === 'pointer_expression') {
    if (constTruth(c) !== undefined) return [];
    return atom(exprKey(c), truth);
  }
  return [];
}

function atom(key: string, value: boolean): CondFact[] {
  return keyed(key) ? [{ key, value }] : [];
}

function isZero(n: Node): boolean {
  return isNullLiteral(n) || constTruth(n) === false;
}

/** The value an assignment gives its target as a condition would test it: zero, nonzero, or unknown. */
export function assignedTruth(value: Node | null): boolean | undefined {
  if (!value) return undefined;
  if (isNullLiteral(value)) return false;
  const v = stripCasts(value);
  if (v?.type === 'pointer_expression' && v.text.startsWith('&')) return true; // an address is never NULL
  return constTruth(value);
}

/** Whether a callee is spelled as a macro (`VC_SET_FLAG`): it may assign to the lvalues it is given. */
export function macroLike(name: string): boolean {
  return name.length > 1 && /^[A-Z][A-Z0-9_]*$/.test(name) && name.includes('_');
}
