// A small, serialisable summary of one file for the workspace index: bindings, calls per function, role evidence,
// VC creations and deletions. Cross-file rules read only these, never other files' trees.
import type { Chunk } from './chunks';
import { mapOffset, type EditRange, type Syntax } from '../syntax/parsedText';
import type { LocalSummary } from './helperSummary';
import { mergeSources } from './helperEffects';
import { lifecycleOf, type LifecycleSummary } from './lifecycleSummary';

export interface FileSummary {
  uri: string;
  bindings: { name: string; entry: string; via: 'role-type' | 'handler-field'; field?: string }[];
  /** Defined function -> the functions it calls (by name, in order, deduplicated). */
  callGraph: Record<string, string[]>;
  /** Every called name in the file -> count (outside functions too, e.g. in macro-free initialisers). */
  calls: Record<string, number>;
  /** Names that tell what kind of driver this is: registration calls and characteristics/handler structure types. */
  evidence: string[];
  /** VCs created here: in which function, into which handle expression. */
  vcCreated: { fn: string; handle: string; start: number; end: number; aliases?: string[] }[];
  /** `aliases`: lvalues the handle is copied to or from in the same function (`Vc->NdisVcHandle = VcHandle;`). */
  vcDeleted: { fn: string; handle: string; aliases?: string[] }[];
  /** Parameters stored into a field (`Vc->NdisVcHandle = NdisVcHandle;`): function, parameter index, field lvalue. */
  paramStores?: { fn: string; param: number; target: string }[];
  /** Routines bound to a non-CoNDIS execution context (timer, DPC, work item): name, context role typedef, evidence. */
  contexts?: { name: string; type: string; start: number; end: number }[];
  /** Macros defined here (`#define`), in order: other files' uses expand them. `line` 1-based, `start` its offset. */
  macros?: { name: string; params: string[] | null; body: string; line: number; start: number }[];
  /** Defined function -> how many parameters each definition of it declares (-1: variadic or unreadable). */
  arities?: Record<string, number[]>;
  /** Defined function -> the parameter names of each definition (which role's prototype it was written from). */
  params?: Record<string, string[][]>;
  /** Functions defined here -> what they do to the requests and handles their callers pass (helperSummary.ts). */
  helpers?: Record<string, LocalSummary>;
  /** Places and endings for the lifecycle model (lifecycleSummary.ts): out of the cross-file key but the endings. */
  lifecycle?: LifecycleSummary;
}

export { ROLE_EVIDENCE } from './chunks';

/**
 * Merges the facts of a file's items into its summary (offsets made absolute again). Given the summary of an earlier
 * version with the same semantic key, only its offsets are brought up to date.
 */
export function summarize(uri: string, chunks: readonly Chunk[], same?: { summary: FileSummary; edits: readonly EditRange[] }, text = ''): FileSummary {
  if (same) {
    // Same cross-item facts: the same VC creations and contexts, whose offsets only move with the edits.
    const at = (p: number) => mapOffset(p, same.edits);
    const { summary } = same;
    const starts = summary.macros?.map((m) => at(m.start));
    const lines = starts && linesAt(text, starts);
    return withLifecycle({
      ...summary, // (lifecycle is not enumerable: the previous version's is not made here)
      uri,
      vcCreated: summary.vcCreated.map((v) => ({ ...v, start: at(v.start), end: at(v.end) })),
      contexts: summary.contexts?.map((c) => ({ ...c, start: at(c.start), end: at(c.end) })),
      ...(summary.macros ? { macros: summary.macros.map((m, i) => ({ ...m, start: starts![i], line: lines![i] })) } : {}),
    }, chunks);
  }
  const macros: NonNullable<FileSummary['macros']> = [];
  const callGraph: Record<string, string[]> = {};
  const calls: Record<string, number> = {};
  const evidence = new Set<string>();
  const vcCreated: FileSummary['vcCreated'] = [];
  const vcDeleted: FileSummary['vcDeleted'] = [];
  const paramStores: NonNullable<FileSummary['paramStores']> = [];
  const bindings: FileSummary['bindings'] = [];
  const contexts: NonNullable<FileSummary['contexts']> = [];
  const arities: Record<string, number[]> = Object.create(null); // a function may be called `constructor`
  const params: Record<string, string[][]> = Object.create(null);
  const helpers = new Map<string, LocalSummary>();
  const plain = new Set<string>();
  for (const { start, facts: f } of chunks) {
    const fn = f.fn?.name ?? '';
    if (f.fn) (arities[fn] ??= []).push(f.fn.arity);
    if (f.fn) (params[fn] ??= []).push(f.fn.params);
    for (const [name, n] of f.calls) calls[name] = (calls[name] ?? 0) + n;
    for (const e of f.evidence) evidence.add(e);
    if (f.fn && f.callees.length) {
      const list = (callGraph[fn] ??= []);
      for (const c of f.callees) if (!list.includes(c)) list.push(c);
    }
    for (const v of f.vcCreated) vcCreated.push({ fn, handle: v.handle, start: start + v.start, end: start + v.end, aliases: v.aliases });
    for (const v of f.vcDeleted) vcDeleted.push({ fn, handle: v.handle, aliases: v.aliases });
    for (const p of f.paramStores) paramStores.push({ fn, param: p.param, target: p.target });
    for (const b of f.bindings) bindings.push({ name: b.name, entry: b.entry, via: b.via, ...(b.field ? { field: b.field } : {}) });
    for (const c of f.contexts) contexts.push({ name: c.name, type: c.type, start: start + c.start, end: start + c.end });
    for (const m of f.macros ?? []) macros.push({ name: m.name, params: m.params, body: m.body, line: 0, start: start + m.start });
    if (f.fn && f.helper) {
      // Two definitions of one name (`#if` alternatives): what both do for certain (see mergeSources).
      const had = helpers.get(fn);
      helpers.set(fn, had ? mergeSources([{ uri, summary: had }, { uri, summary: f.helper }])!.summary : f.helper);
    } else if (f.fn) plain.add(fn);
  }
  for (const fn of plain) {
    const had = helpers.get(fn);
    if (had) helpers.set(fn, mergeSources([{ uri, summary: had }, { uri, summary: { effects: [], calls: [] } }])!.summary);
  }
  const lines = linesAt(text, macros.map((m) => m.start));
  macros.forEach((m, i) => { m.line = lines[i]; });
  return withLifecycle({ uri, bindings, callGraph, calls, evidence: [...evidence].sort(), vcCreated, vcDeleted, paramStores, contexts, arities, params,
    helpers: Object.fromEntries(helpers), ...(macros.length ? { macros } : {}) }, chunks);
}

/**
 * The semantic key of the analysis each summary came from (FileAnalysis.semanticKey). The index compares summaries by
 * it whoever set them (the indexer, an open document, the CLI): with a key of another kind, the first check of an
 * indexed file that was opened looked like a change, and re-checked every other open document from scratch.
 */
export const semanticKeys = new WeakMap<FileSummary, string>();

/** The 1-based lines of ascending offsets: one pass over the text up to the last of them. */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  // A syntax that keeps a line index for this very text answers without a scan (see useLineIndex).
  const index = lineIndex?.deref();
  if (index && index.text === text && index.lineOf) return offsets.map((o) => index.lineOf!(o));
  // The semantic key, the summary and the macro table of one version ask for the same lines: scan the text once.
  const key = offsets.join(',');
  if (lastLines && lastLines.text === text && lastLines.key === key) return lastLines.out;
  const out = scanLines(text, offsets);
  lastLines = { text, key, out };
  return out;
}

/**
 * The parsed text last analysed, whose line index (syntax/lineStarts.ts, kept through edits) linesAt uses while its text
 * is the one asked about. Weak: it never keeps a closed document alive.
 */
let lineIndex: WeakRef<Syntax> | undefined;
export function useLineIndex(syntax: Syntax): void {
  if (syntax.lineOf) lineIndex = new WeakRef(syntax);
}

/** The one text whose lines were last asked for (a single entry: it holds one version's text, as the analysis does). */
let lastLines: { text: string; key: string; out: number[] } | undefined;

function scanLines(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (const o of offsets) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < o; i = text.indexOf('\n', i + 1)) { line++; at = i + 1; }
    out.push(line);
  }
  return out;
}

/**
 * Gives the summary its `lifecycle` places, made when first read (by the lifecycle model or summaryKey), not at every
 * version: building them for every call of the file cost each edit of a 10k-line file a quarter of a millisecond. The
 * getter holds plain copies of the items' places and facts, never the items (whose nodes hold the version's tree).
 */
function withLifecycle(summary: FileSummary, chunks: readonly Chunk[]): FileSummary {
  const n = chunks.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const facts = new Array<Chunk['facts']>(n);
  for (let i = 0; i < n; i++) { starts[i] = chunks[i].start; ends[i] = chunks[i].end; facts[i] = chunks[i].facts; }
  let made: LifecycleSummary | undefined;
  Object.defineProperty(summary, 'lifecycle', {
    enumerable: false, // a copy of the summary (spread, JSON) does not make it
    configurable: true,
    get: () => (made ??= lifecycleOf(facts.map((f, i) => ({ start: starts[i], end: ends[i], facts: f })))),
  });
  return summary;
}
