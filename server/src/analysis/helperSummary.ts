// What one workspace function does to the requests and handles its caller hands it, read from its own body alone:
// the lifecycle calls it makes (on which parameter, with which status, on every path or only some) and the calls it
// makes to other workspace functions (with which of its parameters). Kept in the item's facts, so it is part of the
// semantic key; helperEffects.ts composes these across functions and files.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import { certainCalls, type CallSite, type WalkedNode } from './certainCalls';
import { parameterCopies, stripCasts } from './expressions';
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
export const MAX_CALLS = 64;

/** Calls that only log or assert: never helpers. */
const TRACE = /^(Dbg|Kd|Trace|DoTrace|WPP_|ASSERT|NT_ASSERT)/;

/**
 * The system's own services (NDIS, kernel, runtime library): never a workspace helper, so a function that calls only
 * these and no lifecycle API needs no summary (most functions of a driver: a summary for each one cost half the facts
 * pass on a 20 MB file of repeated code). A workspace macro spelled like one is still expanded where it is used.
 */
const SYSTEM = new RegExp(
  // Prefixes only Microsoft's services use, followed by a capital: NdisAllocateMemoryWithTag, RtlCopyMemory, ZwClose.
  '^((Ndis|Rtl|Zw|Wdf|Wmi|Interlocked)[A-Z_0-9]' +
  // Short prefixes a driver's own names also start with (`ExCmCloseCall`, `PostCompletion`, `IoctlDispatch`): only
  // with a verb the kernel's services use after them (ExAllocatePoolWithTag, KeAcquireSpinLock, IoCompleteRequest).
  '|(Ke|Ex|Io|Mm|Ob|Ps|Nt|Po)(Acquire|Allocate|Free|Initialize|Release|Interlocked|Queue|Delete|Set|Create|Get|Is|Raise|Lower|' +
  'Enter|Leave|Try|Wait|Notify|Register|Unregister|Cancel|Query|Read|Write|Reference|Dereference|Insert|Remove|Stall|Bug|' +
  'Flush|Map|Unmap|Build|Copy|Mark|Probe|Lock|Unlock|Attach|Detach|Pulse|Reset|Clear|Start|Stop|' +
  'Synchronize|Delay|Connect|Disconnect|Enumerate|Validate|Update|Reinitialize|Uuid|System|Local|Signal|Revert|Impersonate)' +
  '(?![a-z])' +
  '|IoCompleteRequest$|UNREFERENCED_PARAMETER$|mem(cpy|set|move|cmp)$|str\\w*$|wcs\\w*$|sizeof$|FIELD_OFFSET$|CONTAINING_RECORD$)',
);

/** Whether a call to `name` may reach a workspace helper: not a catalog function, not tracing, not a system service. */
export function mayBeHelper(name: string, catalog: Catalog): boolean {
  return name !== '' && !TRACE.test(name) && !SYSTEM.test(name) && !catalog.entry(name);
}

/**
 * The summary of a function, or undefined when it makes no lifecycle call and no call that could reach one. `walked`:
 * the item's calls, declarators, assignments, returns, gotos and breaks in document order (its facts' walk). Read from
 * the syntax (certainCalls.ts says which calls are made on every path). The flow would see a little more, but running
 * it for every function when its facts are computed doubled the cost of opening a file: the first check runs the
 * flows only within its time budget.
 */
export function summarizeFunction(
  body: Node, walked: readonly WalkedNode[], params: readonly string[], callees: readonly string[], lc: Lifecycle, catalog: Catalog,
): LocalSummary | undefined {
  if (!callees.some((n) => lc.effectOf(n) || mayBeHelper(n, catalog))) return undefined;
  const inBody = walked.filter((x) => x.start >= body.startIndex && x.start < body.endIndex);
  const copies = parameterCopies(body, params, inBody.filter((x) => x.type === 'init_declarator' || x.type === 'assignment_expression').map((x) => x.n));
  const start = body.parent?.startIndex ?? body.startIndex;
  const mapped = new Map<Node[], HelperCall['args']>();
  const argsOf = (args: Node[]) => {
    let m = mapped.get(args);
    if (!m) { m = args.map((a) => statusConst(a) ?? refOfArg(a, params, copies) ?? null); mapped.set(args, m); }
    return m;
  };
  // Two calls are one effect when they make the same lifecycle call on the same handle, or call the same function
  // with the same argument expressions.
  const keyOf = (c: CallSite) => {
    const e = lc.effectOf(c.name);
    return e ? `${c.name}|${e.handleArg !== undefined && c.args[e.handleArg] ? exprKey(c.args[e.handleArg]) : ''}` : `${c.name}(${c.args.map(exprKey).join(',')})`;
  };
  const { sites, assigned, keys } = certainCalls(body, inBody, (n) => !!lc.effectOf(n) || mayBeHelper(n, catalog), keyOf);
  // A status parameter passed on is the caller's only if the body never changes it.
  const unchanged = (p: number) => ![...assigned].some((k) => (copies.get(k) ?? k) === params[p]);
  const effects: HelperEffect[] = [];
  const calls: HelperCall[] = [];
  const seen = new Map<string, HelperEffect>();
  for (const site of sites) {
    const { n, name, args, must } = site;
    const effect = lc.effectOf(name);
    const at = n.startIndex - start;
    if (!effect) {
      if (calls.length < MAX_CALLS) calls.push({ callee: name, args: argsOf(args), must, at });
      continue;
    }
    if (!(effect.completes || effect.closes || effect.deletes || effect.deactivates || effect.activates)) continue;
    const harg = effect.handleArg !== undefined ? args[effect.handleArg] : undefined;
    const handle = refOfArg(harg, params, copies);
    if (!handle && !effect.completes) continue;
    // A status passed on under some condition may be the very one the condition tests: only a certain call's is kept.
    const sarg = effect.statusArg !== undefined ? args[effect.statusArg] : undefined;
    const sref = sarg && (statusConst(sarg) ?? (must ? refOfArg(sarg, params, copies) : undefined));
    const status: StatusRef | undefined = !sref ? undefined : 'c' in sref ? sref : !sref.path && !sref.amp && unchanged(sref.p) ? { p: sref.p } : undefined;
    const id = keys.get(site)!;
    const same = seen.get(id);
    if (same) {
      // The same call on the same handle twice (both arms of an if): one effect, one status if they agree.
      if (JSON.stringify(same.status) !== JSON.stringify(status)) delete same.status;
      continue;
    }
    if (effects.length >= MAX_EFFECTS) continue;
    const e: HelperEffect = { api: name, ...(handle ? { handle } : {}), ...(status ? { status } : {}), must, at };
    seen.set(id, e);
    effects.push(e);
  }
  return effects.length || calls.length ? { effects, calls } : undefined;
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
