// Helpers the VC lifecycle rules share: matching handle expressions across functions and files, the API a driver of
// a given kind should spell, walks over the workspace call graph, and where a statement can be inserted after a call.
import type { Node } from 'web-tree-sitter';
import type { CallEffect } from '../catalog/lifecycle';
import { exprKey } from '../analysis/cfg';
import { stripCasts } from '../analysis/expressions';
import type { FileSummary } from '../analysis/summary';
import type { RuleContext } from './types';
import { lineOf } from './util';

/** The struct field a handle expression ends in (`Vc->NdisVcHandle` -> `NdisVcHandle`); undefined for a plain variable. */
export function fieldOf(key: string): string | undefined {
  return /(?:->|\.)([A-Za-z_]\w*)$/.exec(key)?.[1];
}

/**
 * Two handle expressions name the same kind of VC handle: the same text, or the same struct field reached through any
 * pointer (`Vc->NdisVcHandle` in one function, `pVc->NdisVcHandle` in another).
 */
export function sameHandle(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = fieldOf(a);
  return fa !== undefined && fa === fieldOf(b);
}

export const anySame = (as: readonly string[], bs: readonly string[]) => as.some((a) => bs.some((b) => sameHandle(a, b)));

/** A summary entry's handle and the lvalues it was copied to or from. */
export const namesOf = (e: { handle: string; aliases?: string[] }) => [e.handle, ...(e.aliases ?? [])];

/** Whitespace-free text of an argument without casts and parentheses: `(NDIS_HANDLE)Vc->H` -> `Vc->H`. */
export const argKey = (n: Node) => exprKey(stripCasts(n) ?? n);

/** The call-manager kind of the driver the file belongs to, or undefined when it is not a call manager. */
export function callManagerKind(ctx: RuleContext): 'call-manager' | 'miniport-call-manager' | undefined {
  const role = ctx.workspace.roleOf(ctx.file.uri);
  return role === 'call-manager' || role === 'miniport-call-manager' ? role : undefined;
}

/** Every catalog function whose lifecycle effect satisfies `pred` (every VC delete, every deactivation, ...). */
export function apisWhere(ctx: RuleContext, pred: (e: CallEffect) => boolean): readonly string[] {
  // Asked per item and rule with one of the predicates below: a walk of the whole catalog each time otherwise.
  let byPred = apis.get(ctx.lifecycle);
  if (!byPred || byPred.catalog !== ctx.catalog) apis.set(ctx.lifecycle, byPred = { catalog: ctx.catalog, lists: new Map() });
  let out = byPred.lists.get(pred);
  if (!out) {
    out = ctx.catalog.entries.filter((e) => e.kind === 'function' && ctx.lifecycle.effectOf(e.name) && pred(ctx.lifecycle.effectOf(e.name)!)).map((e) => e.name);
    byPred.lists.set(pred, out);
  }
  return out;
}

const apis = new WeakMap<object, { catalog: object; lists: Map<(e: CallEffect) => boolean, readonly string[]> }>();

/** The predicates the rules ask apisWhere about (module constants, so that the answers are kept). */
export const DELETES = (e: CallEffect) => !!e.deletes;
export const DEACTIVATES = (e: CallEffect) => !!e.deactivates;
export const CLOSES_NOT_COMPLETION = (e: CallEffect) => !!e.closes && !e.completes;
export const CLOSE_COMPLETIONS = (e: CallEffect) => !!e.closes && !!e.completes;

/** Of a stand-alone / MCM pair of names, the one an MCM (`mcm`) or a stand-alone driver should spell. */
export function spelled(ctx: RuleContext, names: readonly string[], mcm: boolean): string {
  const m = names.find((n) => ctx.lifecycle.standaloneNameOf(n));
  const s = names.find((n) => ctx.lifecycle.mcmNameOf(n));
  return (mcm ? m : s) ?? names[0] ?? '';
}

/** Index of the catalog parameter `param` of function `api`. */
export function paramIndex(ctx: RuleContext, api: string, param: string): number | undefined {
  const i = ctx.catalog.entry(api)?.params.findIndex((p) => p.name === param) ?? -1;
  return i >= 0 ? i : undefined;
}

/** The file's own summary (fresh) and every other file's from the index. */
export function allSummaries(ctx: RuleContext): FileSummary[] {
  return ctx.file.memo('allSummaries', () => {
    const out = [ctx.file.summary()];
    for (const s of ctx.workspace.summaries()) if (s.uri !== ctx.file.uri) out.push(s);
    return out;
  });
}

/**
 * `derive` over allSummaries, kept while those are the same summary objects (and the catalog the same): rules ask it
 * for every item of a file, and it walks every file's summary. `derive` must be a module-level function.
 */
export function acrossSummaries<T>(ctx: RuleContext, derive: (summaries: FileSummary[], ctx: RuleContext) => T): T {
  const summaries = allSummaries(ctx);
  let byWorkspace = derived.get(derive);
  if (!byWorkspace) derived.set(derive, byWorkspace = new WeakMap());
  const memo = byWorkspace.get(ctx.workspace) as { summaries: FileSummary[]; catalog: object; value: T } | undefined;
  if (memo && memo.catalog === ctx.catalog && memo.summaries.length === summaries.length && memo.summaries.every((s, i) => s === summaries[i])) {
    return memo.value;
  }
  const value = derive(summaries, ctx);
  byWorkspace.set(ctx.workspace, { summaries, catalog: ctx.catalog, value });
  return value;
}

const derived = new WeakMap<object, WeakMap<object, unknown>>();

/** Functions reachable from `roots` in at most `depth` steps along the workspace call graph, the roots included. */
export function reachable(ctx: RuleContext, roots: Iterable<string>, depth: number, dir: 'callees' | 'callers'): Set<string> {
  const local = ctx.file.summary().callGraph;
  const step = (fn: string): string[] => dir === 'callees'
    ? [...(local[fn] ?? []), ...ctx.workspace.calleesOf(fn)]
    : [...Object.keys(local).filter((f) => local[f].includes(fn)), ...ctx.workspace.callersOf(fn)];
  const seen = new Set(roots);
  let frontier = [...seen];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const fn of frontier) for (const n of step(fn)) if (!seen.has(n)) { seen.add(n); next.push(n); }
    frontier = next;
  }
  return seen;
}

/** Where a related event is, for messages: `line N` in this file, `<file name>` in another. */
export function where(ctx: RuleContext, uri: string, offset: number): string {
  return uri === ctx.file.uri ? `line ${lineOf(ctx.file.text, offset)}` : uri.slice(uri.lastIndexOf('/') + 1);
}

/**
 * Where a new statement can go right after the statement holding `call`: the offset after it and the indentation of
 * its line, or undefined when the call is not a statement of its own inside braces (inserting would change meaning).
 */
export function insertionAfter(text: string, call: Node): { at: number; indent: string; step: string } | undefined {
  let stmt: Node | null = call;
  while (stmt && stmt.type !== 'expression_statement') {
    if (stmt.type.endsWith('_statement') || stmt.type === 'function_definition') return undefined;
    stmt = stmt.parent;
  }
  if (!stmt || stmt.parent?.type !== 'compound_statement' && stmt.parent?.type !== 'case_statement') return undefined;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, stmt.startIndex))?.[0] ?? '';
  if (lineStart + indent.length !== stmt.startIndex) return undefined; // shares its line with other code
  return { at: stmt.endIndex, indent, step: indent.includes('\t') ? '\t' : '    ' };
}

/** Calls that only log or assert: reading a stale handle there is harmless, so use-after rules skip them. */
export const isTraceCall = (name: string) => /^(Dbg|Kd|Trace|DoTrace|WPP_|ASSERT|NT_ASSERT)/.test(name);
