// What one workspace function does to the requests and handles its caller hands it, read from its own body alone:
// the lifecycle calls it makes (on which parameter, with which status, on every path or only some) and the calls it
// makes to other workspace functions (with which of its parameters). Kept in the item's facts, so it is part of the
// semantic key; helperEffects.ts composes these across functions and files.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import { parameterCopies, stripCasts } from './expressions';
import { analyzeFunction, MAX_STATES, type FlowState } from './flow';
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
 * The summary of a function, or undefined when it makes no lifecycle call and no call that could reach one. Its own
 * lifecycle calls are read from its flow (run only for the functions that make one: the rules run the same flow on the
 * same CFG); its calls to other functions from the syntax, which is enough to tell a call made on every path (a
 * statement of the body's own, before anything that could leave it) from the rest.
 */
export function summarizeFunction(body: Node, params: readonly string[], callees: readonly string[], lc: Lifecycle, catalog: Catalog): LocalSummary | undefined {
  const copies = parameterCopies(body, params);
  const start = body.parent?.startIndex ?? body.startIndex;
  const calls = callees.some((n) => mayBeHelper(n, catalog)) ? helperCalls(body, start, params, copies, catalog) : [];
  const effects = callees.some((n) => lc.effectOf(n)) ? ownEffects(body, start, params, copies, lc) : [];
  return effects.length || calls.length ? { effects, calls } : undefined;
}

/** The lifecycle calls the function makes itself, from its flow: which handle, which status, on every path or not. */
function ownEffects(body: Node, start: number, params: readonly string[], copies: ReadonlyMap<string, string>, lc: Lifecycle): HelperEffect[] {
  const flow = analyzeFunction(body, lc, params);
  const exitStates = flow.exits.flatMap((x) => x.states);
  // A cut-off state set (see flow.ts MAX_STATES) may have dropped the paths that lack an effect: nothing is certain.
  const complete = exitStates.length > 0 && flow.exits.every((x) => x.states.length < MAX_STATES);
  const everywhere = (has: (s: FlowState) => boolean) => complete && exitStates.every(has);
  const effects: HelperEffect[] = [];
  const seen = new Map<string, HelperEffect>();
  for (const obs of flow.calls) {
    const { call } = obs;
    const effect = lc.effectOf(call.name);
    if (!effect || !(effect.completes || effect.closes || effect.deletes || effect.deactivates || effect.activates)) continue;
    const harg = effect.handleArg !== undefined ? call.args[effect.handleArg] : undefined;
    const handle = refOfArg(harg, params, copies);
    if (!handle && !effect.completes) continue;
    const key = harg ? exprKey(harg) : '';
    const id = `${call.name}|${key}`;
    const same = seen.get(id);
    if (same && !same.status) continue;
    const status = effect.statusArg !== undefined ? statusRefOf(call.args[effect.statusArg], obs.states, params, copies) : undefined;
    if (same) {
      // The same call on the same handle in two places (both arms of an if): one effect, one status if they agree.
      if (JSON.stringify(same.status) !== JSON.stringify(status)) delete same.status;
      continue;
    }
    if (effects.length >= MAX_EFFECTS) continue;
    const must = everywhere((s) => effect.completes ? s.completed.has(id)
      : effect.deletes ? s.deleted.has(key) : effect.closes ? s.closed.has(key) : effect.deactivates ? s.deactivated.has(key) : s.active.has(key));
    const e: HelperEffect = { api: call.name, ...(handle ? { handle } : {}), ...(status ? { status } : {}), must, at: call.node.startIndex - start };
    seen.set(id, e);
    effects.push(e);
  }
  return effects;
}

/** Statements that end the path or jump over what follows them. */
const LEAVES = new Set(['return_statement', 'goto_statement', 'seh_leave_statement']);
/** Top-level statements whose calls all run when the statement does (unless under a condition within it). */
const PLAIN = new Set(['expression_statement', 'declaration', 'return_statement']);
/** Expressions that may skip part of themselves. */
const CONDITIONAL = new Set(['conditional_expression', 'binary_expression']);

/**
 * The calls to possible helpers, with their arguments as the callee will see them. One made by a statement of the body
 * itself (not nested in a branch, loop or block, nor behind `&&`, `||` or `?:`), with no return or goto before it, is
 * made on every path; any other only on some.
 */
function helperCalls(body: Node, start: number, params: readonly string[], copies: ReadonlyMap<string, string>, catalog: Catalog): HelperCall[] {
  const out: HelperCall[] = [];
  let left = false;
  for (const st of body.namedChildren) {
    if (!st || out.length >= MAX_CALLS) break;
    const plain = !left && PLAIN.has(st.type);
    for (const n of st.descendantsOfType(['call_expression', ...LEAVES])) {
      if (!n) continue;
      if (n.type !== 'call_expression') { left = true; continue; }
      const f = n.childForFieldName('function');
      if (f?.type !== 'identifier' || !mayBeHelper(f.text, catalog) || out.length >= MAX_CALLS) continue;
      const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
      out.push({
        callee: f.text,
        args: args.map((a) => statusConst(a) ?? refOfArg(a, params, copies) ?? null),
        must: plain && !underCondition(n, st),
        at: n.startIndex - start,
      });
    }
    if (LEAVES.has(st.type)) left = true;
  }
  return out;
}

/** Whether `n` sits under a `&&`, `||` or `?:` within statement `st` (a bounded walk up; unknown counts as yes). */
function underCondition(n: Node, st: Node): boolean {
  let at: Node | null = n.parent;
  for (let i = 0; at && i < 32; i++, at = at.parent) {
    if (at.id === st.id) return false;
    if (at.type === 'conditional_expression') return true;
    if (CONDITIONAL.has(at.type) && /^(&&|\|\|)$/.test(at.childForFieldName('operator')?.text ?? '')) return true;
  }
  return true;
}

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
