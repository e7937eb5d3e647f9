// A call to a workspace function counts as the lifecycle calls it makes: helperSummary.ts's per-function summaries,
// composed through the functions they call (bounded in depth, memoised per function and depth, so recursion and long
// chains cost at most DEPTH + 1 compositions per function), and their handles and statuses put in the caller's terms.
import type { Node } from 'web-tree-sitter';
import { exprKey, type Event } from './cfg';
import { stripCasts } from './expressions';
import { resolveStatus, type AppliedEffect, type FlowState, type HelperResolver } from './flow';
import type { HelperCall, HelperEffect, LocalSummary, Ref, StatusRef } from './helperSummary';

/** A summary and where it was found: the defining file, and the item's start when that file is the one analysed. */
export interface HelperSource { summary: LocalSummary; uri: string; start?: number }

/** A lifecycle call a helper makes, directly or through the functions it calls. */
export interface ResolvedEffect extends HelperEffect {
  /** The functions below the called helper down to the one making the call (empty: the helper makes it itself). */
  chain: string[];
  /** The file of the function making the call, and the call's offset when that is the analysed file. */
  uri: string;
  offset?: number;
}

export type HelperResolve = (name: string) => readonly ResolvedEffect[] | undefined;

/** How many calls deep a helper's effects are followed. */
export const DEPTH = 8;
const MAX_RESOLVED = 32;

/**
 * A resolver of helper names to their composed effects, memoised for its lifetime: make one per version of the
 * analysed file and of the workspace index. `lookup` finds a function's summary (the analysed file first); `macro` the
 * summary of a function-like macro that a helper's body calls.
 */
export function helperResolver(lookup: (name: string) => HelperSource | undefined, macro?: (name: string) => HelperSource | undefined): HelperResolve {
  const memo = new Map<string, readonly ResolvedEffect[] | null>();
  const resolve = (name: string, depth: number): readonly ResolvedEffect[] | null => {
    const k = `${depth}:${name}`;
    if (memo.has(k)) return memo.get(k)!;
    memo.set(k, null); // (a recursive call at the same depth cannot happen: depth decreases; this only guards re-entry)
    // A macro a helper uses (macroSummary.ts). Not at the top: the flow reads a use in the analysed function through
    // its expansion, and a use it left unexpanded (a macro's own name in its body, beyond the depth) is no macro there.
    const src = lookup(name) ?? (depth < DEPTH ? macro?.(name) : undefined);
    let out: ResolvedEffect[] | null = null;
    if (src) {
      const list: ResolvedEffect[] = src.summary.effects.map((e) => ({
        ...e, chain: [], uri: src.uri, ...(src.start !== undefined ? { offset: src.start + e.at } : {}),
      }));
      if (depth > 0) {
        for (const c of src.summary.calls) {
          for (const e of resolve(c.callee, depth - 1) ?? []) {
            list.push(through(e, c));
          }
        }
      }
      out = merge(list);
    }
    memo.set(k, out);
    return out;
  };
  return (name) => resolve(name, DEPTH) ?? undefined;
}

/** The flow's view of a resolver: a helper's certain effects at one call, on the caller's handles and statuses. */
export function flowResolver(resolve: HelperResolve): HelperResolver {
  return (ev, s) => {
    const effects = resolve(ev.name);
    if (!effects) return undefined;
    const out: AppliedEffect[] = [];
    for (const e of effects) {
      if (!e.must) continue; // only what happens on every path through the helper holds after its call
      out.push({ api: e.api, handle: e.handle ? handleAt(ev, e.handle) : '', ...(e.status ? { status: statusAt(ev, e.status, s) } : {}) });
    }
    return out;
  };
}

/** The caller's key of the handle `r` names at call `ev` (`Vc` passed for `Vc->NdisVcHandle`); '' when it has none. */
export function handleAt(ev: Extract<Event, { k: 'call' }>, r: Ref): string {
  const arg = stripCasts(ev.args[r.p] ?? null);
  if (!arg) return '';
  let base: Node | null = arg;
  let amp = false;
  if (arg.type === 'pointer_expression' && arg.text.startsWith('&')) { amp = true; base = stripCasts(arg.childForFieldName('argument')); }
  if (!base) return '';
  const key = extend({ p: 0, path: '', ...(amp ? { amp: true as const } : {}) }, r, exprKey(base));
  return key ?? '';
}

/** The status `r` stands for at call `ev` in state `s`. */
export function statusAt(ev: Extract<Event, { k: 'call' }>, r: StatusRef, s: FlowState): string | undefined {
  return 'c' in r ? r.c : resolveStatus(ev.args[r.p] ?? null, s);
}

/**
 * `inner` (a path below the value `outer` names) as one reference below `outer`'s root; the key text when `root` is
 * given. Undefined when the two do not join (an address followed by a field through `.`, a complex expression).
 */
function extend(outer: Ref, inner: Ref, root?: string): string | undefined {
  if (inner.amp) return undefined;
  let path: string;
  if (outer.amp) {
    if (!inner.path.startsWith('->')) return undefined;
    path = `${outer.path}.${inner.path.slice(2)}`;
  } else path = outer.path + inner.path;
  if (root === undefined) return path;
  if (path && !/^[A-Za-z_]\w*((->|\.)\w+|\[\w*\])*$/.test(root)) return undefined;
  return root + path;
}

/**
 * A callee's effect seen from the function that calls it with `c`'s arguments. A handle that cannot be placed is
 * dropped (the flow then records only what needs no handle: that a completion was made).
 */
function through(e: ResolvedEffect, c: HelperCall): ResolvedEffect {
  let handle: Ref | undefined;
  if (e.handle) {
    const a = c.args[e.handle.p];
    if (a && 'p' in a) {
      const path = extend(a, e.handle);
      if (path !== undefined) handle = { p: a.p, path };
    }
  }
  let status: StatusRef | undefined;
  if (e.status) {
    if ('c' in e.status) status = e.status;
    else {
      const a = c.args[e.status.p];
      if (a && 'c' in a) status = a;
      // A status passed on only under some condition may be the very one the condition tests
      // (`if (Status != NDIS_STATUS_PENDING) Complete(Vc, Status);`): not followed.
      else if (a && !a.path && !a.amp && c.must) status = { p: a.p };
    }
  }
  const { handle: _h, status: _s, ...rest } = e;
  return { ...rest, ...(handle ? { handle } : {}), ...(status ? { status } : {}), must: e.must && c.must, chain: [c.callee, ...e.chain] };
}

/** One effect per call and handle: certain if any of them is; the status kept where they agree. */
function merge(list: ResolvedEffect[]): ResolvedEffect[] {
  const by = new Map<string, ResolvedEffect>();
  for (const e of list) {
    const k = `${e.api}|${JSON.stringify(e.handle ?? null)}`;
    const was = by.get(k);
    if (!was) { if (by.size < MAX_RESOLVED) by.set(k, e); continue; }
    const status = JSON.stringify(was.status) === JSON.stringify(e.status) ? was.status : undefined;
    const first = was.must || !e.must ? was : e;
    by.set(k, { ...first, must: was.must || e.must, ...(status ? { status } : {}) });
    if (!status) delete by.get(k)!.status;
  }
  return [...by.values()];
}

/** Several definitions of one name (two drivers, `#if` alternatives): what all of them do for certain, and the rest as may. */
export function mergeSources(list: readonly HelperSource[]): HelperSource | undefined {
  if (list.length <= 1) return list[0];
  const [first] = list;
  const same = list.every((x) => helperKey(x.summary) === helperKey(first.summary));
  if (same) return first;
  const may = (s: LocalSummary): LocalSummary => ({ effects: s.effects.map((e) => ({ ...e, must: false })), calls: s.calls.map((c) => ({ ...c, must: false })) });
  return { uri: first.uri, summary: { effects: list.flatMap((x) => may(x.summary).effects), calls: list.flatMap((x) => may(x.summary).calls) } };
}

/** A summary without its offsets: what callers in other items and files depend on. */
export function helperKey(s: LocalSummary | undefined): string {
  if (!s) return '';
  return JSON.stringify([s.effects.map(({ at: _a, ...e }) => e), s.calls.map(({ at: _a, ...c }) => c)]);
}
