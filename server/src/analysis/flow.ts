// Path-sensitive facts over one function's CFG: which status each variable holds, which completions were made,
// which handles were closed, deleted, deactivated or left active, which parameters are known NULL, and whether a spin
// lock is held, at every call and exit.
import type { Node } from 'web-tree-sitter';
import { buildCfg, exprKey, type Event, type MacroHooks } from './cfg';
import { parameterCopies, resultVariable } from './expressions';
import { assignFacts, condOf, statusForm, type Cond } from './flowFacts';
import { assignedTruth, condFacts, macroLike } from './condFacts';
import { correlatedKeys, forget, forgetArgs, remember } from './pathConditions';
import type { CallEffect, Lifecycle } from '../catalog/lifecycle';

/** One abstract path state. Maps are copied on write, never mutated after creation. */
export interface FlowState {
  /** Variable -> `NDIS_STATUS_X` (holds it) or `!NDIS_STATUS_X` (known not to hold it). */
  vars: ReadonlyMap<string, string>;
  /** Completion calls made on this path: `<completion name>|<handle key>` -> offset of the call. */
  completed: ReadonlyMap<string, number>;
  /** Handles whose call was closed (successfully), or object completed away: key -> offset of the closing call. */
  closed: ReadonlyMap<string, number>;
  /** Handles deleted: key -> offset of the delete call. */
  deleted: ReadonlyMap<string, number>;
  /** Handles deactivated on this path. */
  deactivated: ReadonlySet<string>;
  /**
   * VCs activated (or with a call made or dispatched) on this path: key -> `<offset of the call>|<how we know>`, where
   * `how` is `*` (certain), the variable holding the call's status (active while it is SUCCESS or PENDING), or empty.
   */
  active: ReadonlyMap<string, string>;
  /** Tracked pointers (parameters and their plain copies) known NULL (true) or non-NULL (false) on this path. */
  nulls: ReadonlyMap<string, boolean>;
  /** Spin locks held (acquire minus release, floored at 0). */
  locks: number;
  /**
   * What this path took of conditions tested more than once (condFacts.ts keys; `#`-prefixed for `#if` directives):
   * key -> nonzero. A later test of the same key takes the same branch.
   */
  conds: ReadonlyMap<string, boolean>;
}

export interface CallObservation { call: Extract<Event, { k: 'call' }>; states: FlowState[] }
export interface ExitObservation {
  /** The return statement, or null for falling off the end. */
  node: Node | null;
  value: Node | null;
  states: FlowState[];
}

/** What a call to a workspace function does, in the caller's terms (helperEffects.ts): lifecycle calls on its handles and statuses. */
export type HelperResolver = (ev: Extract<Event, { k: 'call' }>, s: FlowState) => readonly AppliedEffect[] | undefined;
export interface AppliedEffect { api: string; handle: string; status?: string }

export interface FunctionFlow {
  calls: CallObservation[];
  exits: ExitObservation[];
}

const EMPTY: FlowState = { vars: new Map(), completed: new Map(), closed: new Map(), deleted: new Map(), deactivated: new Set(), active: new Map(), nulls: new Map(), locks: 0, conds: new Map() };
const MAX_STATES = 48;
const MAX_VISITS = 12;

export const ACQUIRE = /^(NdisAcquireSpinLock|NdisDprAcquireSpinLock|KeAcquireSpinLock|KeAcquireSpinLockAtDpcLevel|NdisAcquireRWLockWrite|NdisAcquireRWLockRead|WdfSpinLockAcquire)$/;
const RELEASE = /^(NdisReleaseSpinLock|NdisDprReleaseSpinLock|KeReleaseSpinLock|KeReleaseSpinLockFromDpcLevel|NdisReleaseRWLock|WdfSpinLockRelease)$/;

/** A state's identity for deduplication. Most maps are empty on most paths, so those cost nothing. */
function key(s: FlowState): string {
  return `${m(s.vars)}|${m(s.completed)}|${m(s.closed)}|${m(s.deleted)}|${s.deactivated.size ? [...s.deactivated].sort().join(',') : ''}|${s.locks}|${m(s.active)}|${m(s.nulls)}|${m(s.conds)}`;
}

function m(x: ReadonlyMap<string, unknown>): string {
  if (!x.size) return '';
  if (x.size === 1) { const [[k, v]] = x; return `${k}=${v}`; }
  return [...x.keys()].sort().map((k) => `${k}=${x.get(k)}`).join(',');
}

/** What a status expression evaluates to in `s`: a constant name, `!NAME`, or undefined when unknown. */
export function resolveStatus(n: Node | null, s: FlowState): string | undefined {
  if (!n) return undefined;
  const f = statusForm(n);
  return f.k === 'const' ? f.v : f.k === 'var' ? s.vars.get(f.v) : undefined;
}


function setIn<K, V>(m: ReadonlyMap<K, V>, k: K, v: V | undefined): ReadonlyMap<K, V> {
  const out = new Map(m);
  if (v === undefined) out.delete(k); else out.set(k, v);
  return out;
}

/** Refines a tracked pointer's NULL-ness; null when it contradicts what the path already knows. */
function refineNull(s: FlowState, k: string, isNull: boolean): FlowState | null {
  const known = s.nulls.get(k);
  if (known !== undefined) return known === isNull ? s : null;
  return { ...s, nulls: setIn(s.nulls, k, isNull) };
}

/** Refines `s` by a branch condition; returns null when the branch cannot be taken in `s`. */
function assume(c: Cond, truth: boolean, s: FlowState, tracked: ReadonlySet<string> = NONE): FlowState | null {
  if (!c) return s;
  switch (c.k) {
    case 'not': return assume(c.arg, !truth, s, tracked);
    case 'id': return tracked.has(c.name) ? refineNull(s, c.name, !truth) : s;
    case 'and':
    case 'or': {
      // `a && b` taken, or `a || b` not taken: both sides hold (resp. fail). The other two directions tell nothing.
      if ((c.k === 'and') !== truth) return s;
      const a = c.l ? assume(c.l, truth, s, tracked) : s;
      return a && c.r ? assume(c.r, truth, a, tracked) : a;
    }
    case 'eq': {
      if (c.nullKey !== undefined && tracked.has(c.nullKey)) return refineNull(s, c.nullKey, c.equal === truth);
      if (!c.status) return s;
      const { v, k } = c.status;
      const equal = c.equal === truth;
      const known = s.vars.get(v);
      if (equal) {
        if (known && !known.startsWith('!') && known !== k) return null;
        if (known === `!${k}`) return null;
        return { ...s, vars: setIn(s.vars, v, k) };
      }
      if (known === k) return null;
      return known && !known.startsWith('!') ? s : { ...s, vars: setIn(s.vars, v, `!${k}`) };
    }
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * `params`: the function's parameter names, whose NULL-ness (and their copies') is tracked through branches.
 * `macros`: the workspace macros read through at their uses; `helpers`: what calls to other workspace functions do.
 */
export function analyzeFunction(body: Node, lifecycle: Lifecycle, params: readonly string[] = [], macros?: MacroHooks, helpers?: HelperResolver): FunctionFlow {
  const cfg = buildCfg(body, { macros });
  // Cut across by `#if` arms: the tree is one guess among the readings, so say nothing rather than something wrong.
  if (cfg.unreliable) return { calls: [], exits: [] };
  const remembered = correlatedKeys(cfg.blocks);
  const tracked: ReadonlySet<string> = params.length ? new Set([...params, ...parameterCopies(body, params).keys()]) : NONE;
  // By event: the calls a macro use expands to share its node.
  const calls = new Map<Event, CallObservation>();
  const exits = new Map<Node['id'] | 'fall', ExitObservation>();
  const inStates: Map<string, FlowState>[] = cfg.blocks.map(() => new Map());
  const visits = new Array<number>(cfg.blocks.length).fill(0);
  const work: number[] = [cfg.entry];
  inStates[cfg.entry].set(key(EMPTY), EMPTY);
  const pending = new Set<number>([cfg.entry]);

  const observeCall = (ev: Extract<Event, { k: 'call' }>, s: FlowState) => {
    let o = calls.get(ev);
    if (!o) { o = { call: ev, states: [] }; calls.set(ev, o); }
    if (o.states.length < MAX_STATES) o.states.push(s);
  };
  const observeExit = (id: Node['id'] | 'fall', node: Node | null, value: Node | null, s: FlowState) => {
    let o = exits.get(id);
    if (!o) { o = { node, value, states: [] }; exits.set(id, o); }
    if (o.states.length < MAX_STATES) o.states.push(s);
  };

  while (work.length) {
    const b = work.shift()!;
    pending.delete(b);
    if (++visits[b] > MAX_VISITS) continue;
    const block = cfg.blocks[b];
    let states = [...inStates[b].values()];
    for (const ev of block.events) {
      const next: FlowState[] = [];
      for (const s of states) {
        const r = step(ev, s, lifecycle, observeCall, observeExit, tracked, remembered, helpers);
        if (r) next.push(r);
      }
      states = next;
      if (!states.length) break;
    }
    if (b === cfg.fallOff) for (const s of states) observeExit('fall', null, null, s);
    for (const succ of block.succ) {
      const into = inStates[succ];
      let changed = false;
      for (const s of states) {
        if (into.size >= MAX_STATES) break;
        const k = key(s);
        if (!into.has(k)) { into.set(k, s); changed = true; }
      }
      if (changed && !pending.has(succ)) { pending.add(succ); work.push(succ); }
    }
  }
  return { calls: [...calls.values()], exits: [...exits.values()] };
}

function step(
  ev: Event, s: FlowState, lc: Lifecycle,
  observeCall: (ev: Extract<Event, { k: 'call' }>, s: FlowState) => void,
  observeExit: (id: Node['id'], node: Node, value: Node | null, s: FlowState) => void,
  tracked: ReadonlySet<string> = NONE,
  remembered: ReadonlySet<string> = NONE,
  helpers?: HelperResolver,
): FlowState | null {
  switch (ev.k) {
    case 'pp':
      return remember(s, [{ key: `#${ev.key}`, value: ev.truth }], remembered);
    case 'assume': {
      const r = assume(condOf(ev.cond), ev.truth, s, tracked);
      return r && remembered.size ? remember(r, condFacts(ev.cond, ev.truth), remembered) : r;
    }
    case 'return':
      observeExit(ev.node.id, ev.node, ev.value, s);
      return null;
    case 'assign': {
      const v = ev.value ? resolveStatus(ev.value, s) : undefined;
      const next: FlowState = { ...s, vars: setIn(s.vars, ev.target, v) };
      // A handle that is assigned again is a new handle: forget what happened to the old one, and to handles reached
      // through it (`Vc->NdisVcHandle` once `Vc` changes, `Vcs[i]->h` once `i` does).
      next.closed = forget(s.closed, ev.target);
      // Completions too: a loop that takes the next VC (`while ((Vc = NextVc(A)) != NULL)`) completes another request.
      next.completed = forget(s.completed, ev.target);
      next.deleted = forget(s.deleted, ev.target);
      next.active = forget(s.active, ev.target);
      // A status variable that held an activation's result is overwritten: keep the VC active only if it was known to
      // have succeeded. After PENDING the variable usually receives the real outcome (`Status = Ctx->EventStatus;`).
      const facts = assignFacts(ev);
      const activating = facts.callee !== undefined && !!lc.effectOf(facts.callee)?.activates;
      for (const [k, e] of next.active) {
        const [at, how] = e.split('|');
        if (how !== ev.target || activating) continue;
        next.active = setIn(next.active, k, s.vars.get(how) === 'NDIS_STATUS_SUCCESS' ? `${at}|*` : undefined);
      }
      if (s.conds.size || remembered.has(ev.target)) {
        next.conds = forget(s.conds, ev.target, true);
        const v = remembered.has(ev.target) ? assignedTruth(ev.value) : undefined;
        if (v !== undefined) next.conds = setIn(next.conds, ev.target, v);
      }
      if (tracked.has(ev.target)) {
        const copied = facts.copy === undefined ? undefined : facts.copy === true ? true : s.nulls.get(facts.copy);
        next.nulls = setIn(s.nulls, ev.target, copied);
      }
      return next;
    }
    case 'call': {
      observeCall(ev, s);
      let next = s.conds.size && macroLike(ev.name) ? forgetArgs(s, ev.args) : s;
      const effect = lc.effectOf(ev.name);
      if (ACQUIRE.test(ev.name)) next = { ...next, locks: next.locks + 1 };
      else if (RELEASE.test(ev.name)) next = { ...next, locks: Math.max(0, next.locks - 1) };
      if (!effect) {
        // A workspace function's lifecycle calls count as made here, at its call (helperEffects.ts).
        for (const a of (ev.name && helpers?.(ev, next)) || []) {
          const e = lc.effectOf(a.api);
          if (e) next = applyEffect(next, e, a.api, a.handle, a.status, ev);
        }
        return next;
      }
      const handle = effect.handleArg !== undefined && ev.args[effect.handleArg] ? exprKey(ev.args[effect.handleArg]) : '';
      const status = effect.statusArg !== undefined ? resolveStatus(ev.args[effect.statusArg] ?? null, s) : undefined;
      return applyEffect(next, effect, ev.name, handle, status, ev);
    }
  }
}

/** What lifecycle call `name` (effect `effect`) on `handle` with `status` does to the path, made at call `ev`. */
function applyEffect(s: FlowState, effect: CallEffect, name: string, handle: string, status: string | undefined, ev: Extract<Event, { k: 'call' }>): FlowState {
  let next = s;
  if (effect.completes) next = { ...next, completed: setIn(next.completed, `${name}|${handle}`, ev.node.startIndex) };
  // A close or release that reported a failure status leaves the object usable.
  const failed = status !== undefined && !status.startsWith('!') && status !== 'NDIS_STATUS_SUCCESS';
  if (effect.closes && handle && !failed) next = { ...next, closed: setIn(next.closed, handle, ev.node.startIndex) };
  if (effect.deletes && handle) next = { ...next, deleted: setIn(next.deleted, handle, ev.node.startIndex) };
  if (effect.deactivates && handle) next = { ...next, deactivated: new Set([...next.deactivated, handle]) };
  if (effect.activates && handle) {
    // Through a helper the activation's status is not ours to examine: only an always-active VC is known active.
    const how = effect.activates === 'always' ? '*' : name === ev.name ? resultVariable(ev.node) : '';
    next = { ...next, active: setIn(next.active, handle, `${ev.node.startIndex}|${how}`) };
  }
  return next;
}
