// The conditions a path remembers (FlowState.conds): which keys are worth remembering in a function, adding what a
// branch or an `#if` arm says (and pruning a path it contradicts), and forgetting what an assignment changes.
import type { Node } from 'web-tree-sitter';
import { exprKey, type Event } from './cfg';
import { assignedTruth, condFacts } from './condFacts';
import type { FlowState } from './flow';

/**
 * Drops `target` and every key that reaches through it (`target->x`, `a[target]`), but not a field that happens to share
 * its name. `conds`: the keys are condition texts (`F&Vc->Flags`), where the target may appear anywhere; `#if` keys stay.
 */
export function forget<V>(m: ReadonlyMap<string, V>, target: string, conds = false): ReadonlyMap<string, V> {
  if (!m.size) return m;
  let through = throughRe.get(target);
  if (!through) {
    const esc = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    through = new RegExp(`(^|[^\\w.>])${esc}(?!\\w)`);
    if (throughRe.size > 4096) throughRe.clear();
    throughRe.set(target, through);
  }
  let out = m;
  for (const k of m.keys()) if ((k === target || through.test(k)) && !(conds && k.startsWith('#'))) out = setIn(out, k, undefined);
  return out;
}

/** Adds what a branch says to the path (only the keys tested more than once); null when it contradicts the path. */
export function remember(s: FlowState, facts: readonly { key: string; value: boolean }[], keys: ReadonlySet<string>): FlowState | null {
  let conds = s.conds;
  for (const f of facts) {
    if (!keys.has(f.key)) continue;
    const known = conds.get(f.key);
    if (known === f.value) continue;
    if (known !== undefined) return null;
    conds = setIn(conds, f.key, f.value);
  }
  return conds === s.conds ? s : { ...s, conds };
}

/** A macro may assign to the lvalues it is given (`VC_SET_FLAG(Vc, F)`): forget the conditions that read them. */
export function forgetArgs(s: FlowState, args: readonly Node[]): FlowState {
  let conds = s.conds;
  for (const a of args) {
    const t = a.type;
    if (t === 'identifier' || t === 'field_expression' || t === 'subscript_expression' || t === 'pointer_expression') conds = forget(conds, exprKey(a), true);
  }
  return conds === s.conds ? s : { ...s, conds };
}

/**
 * The condition keys worth remembering on a path: those tested (or given a known value) at two places or more, and
 * the targets of values picked by a conditional expression. Remembering a key tested once could only multiply states.
 */
export function correlatedKeys(blocks: readonly { events: readonly Event[] }[]): ReadonlySet<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const place = new Map<string, string>();
  const note = (key: string, at: string) => {
    if (place.get(key) === at) return;
    place.set(key, at);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 2) out.add(key);
  };
  for (const b of blocks) {
    for (const ev of b.events) {
      if (ev.k === 'pp') note(`#${ev.key}`, `#${ev.at}`);
      else if (ev.k === 'assume') for (const f of [...condFacts(ev.cond, true), ...condFacts(ev.cond, false)]) note(f.key, `${ev.cond.startIndex}`);
      else if (ev.k === 'assign' && ev.value) {
        if (ev.picked) { out.add(ev.target); continue; }
        if (assignedTruth(ev.value) !== undefined) note(ev.target, `=${ev.node.startIndex}`);
      }
    }
  }
  return out;
}

/** `forget`'s pattern per target: the same few targets are assigned on every path. */
const throughRe = new Map<string, RegExp>();

function setIn<K, V>(m: ReadonlyMap<K, V>, k: K, v: V | undefined): ReadonlyMap<K, V> {
  const out = new Map(m);
  if (v === undefined) out.delete(k); else out.set(k, v);
  return out;
}
