// What one workspace function does to the requests and handles its caller hands it, read from its own body alone:
// the lifecycle calls it makes (on which parameter, with which status, on every path or only some) and the calls it
// makes to other workspace functions (with which of its parameters). Kept in the item's facts, so it is part of the
// semantic key; helperEffects.ts composes these across functions and files.
import type { Node } from 'web-tree-sitter';
import { exprKey, type Event } from './cfg';
import { parameterCopies, stripCasts } from './expressions';
import { analyzeFunction, MAX_STATES, type FlowState, type HelperResolver } from './flow';
import { statusForm } from './flowFacts';
import type { Lifecycle } from '../catalog/lifecycle';
import type { Catalog } from '../catalog';

/**
 * A value of the caller as the helper reaches it: parameter `p` followed by `path` (`->NdisVcHandle`), `amp` when the
 * argument was the address of that (`&Ctx->Vc`).
 */
export interface Ref { p: number; path: string; amp?: true }
/** A status: a constant, or the caller's argument `p` passed through unchanged. */
export type StatusRef = { c: string } | { p: number };

/** A lifecycle call the helper makes. */
export interface HelperEffect {
  /** The catalog call (`NdisCmCloseCallComplete`): what it does is the catalog's business. */
  api: string;
  /** The handle it acts on, in the caller's terms; absent when it is not reached from a parameter. */
  handle?: Ref;
  status?: StatusRef;
  /** On every path through the helper (true) or only on some. */
  must: boolean;
  /** Offset of the call, relative to the helper's item. */
  at: number;
}

/** A call the helper makes to another function that may be a helper itself. */
export interface HelperCall {
  callee: string;
  /** Per argument: a parameter reference, a status constant, or null (anything else). */
  args: (Ref | { c: string } | null)[];
  must: boolean;
  at: number;
}

export interface LocalSummary { effects: HelperEffect[]; calls: HelperCall[] }

/** Bounds per function: a summary stays small whatever the body. */
const MAX_EFFECTS = 32;
const MAX_CALLS = 64;

/** Calls that only log or assert: never helpers. */
const TRACE = /^(Dbg|Kd|Trace|DoTrace|WPP_|ASSERT|NT_ASSERT)/;

/** Whether a call to `name` may reach a workspace helper: not a catalog function, not tracing. */
export function mayBeHelper(name: string, catalog: Catalog): boolean {
  return name !== '' && !TRACE.test(name) && !catalog.entry(name);
}

/**
 * The summary of a function, or undefined when it makes no lifecycle call and no call that could reach one. Runs the
 * flow once with every possible helper call marked in the state (the probe), so that "on every path" is the flow's
 * own judgement for both kinds of call.
 */
export function summarizeFunction(body: Node, params: readonly string[], callees: readonly string[], lc: Lifecycle, catalog: Catalog): LocalSummary | undefined {
  if (!callees.some((n) => lc.effectOf(n) || mayBeHelper(n, catalog))) return undefined;
  const probe: HelperResolver = (ev) => (lc.effectOf(ev.name) || !mayBeHelper(ev.name, catalog) ? undefined : [{ api: markOf(ev), handle: '', mark: true }]);
  const flow = analyzeFunction(body, lc, params, probe);
  const exitStates = flow.exits.flatMap((x) => x.states);
  // A cut-off state set (see flow.ts MAX_STATES) may have dropped the paths that lack an effect: nothing is certain.
  const complete = exitStates.length > 0 && flow.exits.every((x) => x.states.length < MAX_STATES);
  const everywhere = (has: (s: FlowState) => boolean) => complete && exitStates.every(has);
  const copies = parameterCopies(body, params);
  const refOf = (arg: Node | undefined): Ref | undefined => refOfArg(arg, params, copies);
  const effects: HelperEffect[] = [];
  const calls: HelperCall[] = [];
  const seen = new Map<string, HelperEffect>();
  const start = body.parent?.startIndex ?? body.startIndex;
  for (const obs of flow.calls) {
    const { call } = obs;
    const effect = lc.effectOf(call.name);
    const at = call.node.startIndex - start;
    if (!effect) {
      if (calls.length >= MAX_CALLS || !mayBeHelper(call.name, catalog)) continue;
      const mark = markOf(call);
      calls.push({ callee: call.name, args: call.args.map((a) => statusConst(a) ?? refOf(a) ?? null), must: everywhere((s) => s.completed.has(`${mark}|`)), at });
      continue;
    }
    if (!(effect.completes || effect.closes || effect.deletes || effect.deactivates || effect.activates)) continue;
    const harg = effect.handleArg !== undefined ? call.args[effect.handleArg] : undefined;
    const handle = refOf(harg);
    if (!handle && !effect.completes) continue;
    const key = harg ? exprKey(harg) : '';
    const status = effect.statusArg !== undefined ? statusRefOf(call.args[effect.statusArg], obs.states, params, copies) : undefined;
    const id = `${call.name}|${key}`;
    const same = seen.get(id);
    if (same) {
      // The same call on the same handle in two places (both arms of an if): one effect, one status if they agree.
      if (JSON.stringify(same.status) !== JSON.stringify(status)) delete same.status;
      continue;
    }
    if (effects.length >= MAX_EFFECTS) continue;
    const must = everywhere((s) => effect.completes ? s.completed.has(id)
      : effect.deletes ? s.deleted.has(key) : effect.closes ? s.closed.has(key) : effect.deactivates ? s.deactivated.has(key) : s.active.has(key));
    const e: HelperEffect = { api: call.name, ...(handle ? { handle } : {}), ...(status ? { status } : {}), must, at };
    seen.set(id, e);
    effects.push(e);
  }
  return effects.length || calls.length ? { effects, calls } : undefined;
}

/** The probe's mark for one call: unique per call node in the body. */
const markOf = (ev: Extract<Event, { k: 'call' }>) => `\u0001${ev.node.startIndex}`;

function statusConst(arg: Node): { c: string } | undefined {
  const f = statusForm(arg);
  return f.k === 'const' ? { c: f.v } : undefined;
}

/** `Vc->NdisVcHandle` with `Vc` parameter 0 (or a plain copy of it) -> {p: 0, path: '->NdisVcHandle'}. */
function refOfArg(arg: Node | undefined, params: readonly string[], copies: ReadonlyMap<string, string>): Ref | undefined {
  let a = stripCasts(arg ?? null);
  if (!a) return undefined;
  let amp = false;
  if (a.type === 'pointer_expression' && a.text.startsWith('&')) {
    amp = true;
    a = stripCasts(a.childForFieldName('argument'));
    if (!a) return undefined;
  }
  const m = /^([A-Za-z_]\w*)((?:->\w+|\.\w+|\[\w*\])*)$/.exec(exprKey(a));
  if (!m) return undefined;
  const root = copies.get(m[1]) ?? m[1];
  const p = params.indexOf(root);
  return p < 0 ? undefined : { p, path: m[2], ...(amp ? { amp: true as const } : {}) };
}

/**
 * The status a completion passes, as its caller will see it: a constant on every path, or a parameter nothing on the
 * way has tested or changed (a tested one, `if (Status != NDIS_STATUS_PENDING)`, is not passed through blindly).
 */
function statusRefOf(arg: Node | undefined, states: FlowState[], params: readonly string[], copies: ReadonlyMap<string, string>): StatusRef | undefined {
  if (!arg) return undefined;
  const f = statusForm(arg);
  if (f.k === 'const') return { c: f.v };
  if (f.k !== 'var') return undefined;
  const values = new Set(states.map((s) => s.vars.get(f.v)));
  const [only] = values;
  if (values.size === 1 && only !== undefined && !only.startsWith('!')) return { c: only };
  const p = params.indexOf(copies.get(f.v) ?? f.v);
  return p >= 0 && values.size === 1 && only === undefined ? { p } : undefined;
}
