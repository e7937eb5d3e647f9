// The places the lifecycle model shows for a file (function definitions, their lifecycle and helper calls, handler
// bindings) as absolute offsets, with each function's syntactic ending. Derived from the items' facts for every
// version (never carried through edits), and kept out of the cross-file key except the endings.
import type { Chunk, ChunkFacts } from './chunks';
import type { Ending } from './pendingReturn';

export interface LifecycleFunction {
  name: string;
  /** The definition item's extent. */
  start: number;
  end: number;
  /** Offset of the function's name. */
  nameAt: number;
  ending: Ending;
  /** Lifecycle calls and calls that may reach a helper or macro (helperSummary.ts), at their offsets. */
  /**
   * `at` relative to `start`; `must`: made on every path through the function (what a helper's callers may count on).
   * The same array for as long as the item's text is (kept with its facts), so that readers can keep what they derive.
   */
  sites?: readonly Site[];
  /** Every call in the body, at the offset of the callee's name (from ChunkFacts.callSites): the call hierarchy's. */
  calls?: { name: string; at: number }[];
}

export interface Site { name: string; at: number; must: boolean }

export interface LifecycleSummary {
  functions: LifecycleFunction[];
  /** [start, end) of each entry of FileSummary.bindings, in the same order. */
  bindings: [number, number][];
  /** Where each evidence name (FileSummary.evidence) is first named. */
  evidence: { name: string; at: number }[];
}

export function lifecycleOf(chunks: readonly Pick<Chunk, 'start' | 'end' | 'facts'>[]): LifecycleSummary {
  const functions: LifecycleFunction[] = [];
  const bindings: [number, number][] = [];
  const evidence: { name: string; at: number }[] = [];
  const seen = new Set<string>();
  for (const { start, end, facts: f } of chunks) {
    for (const e of f.evidenceAt ?? []) if (!seen.has(e.name)) { seen.add(e.name); evidence.push({ name: e.name, at: start + e.at }); }
    for (const b of f.bindings) bindings.push([start + b.start, start + b.end]);
    if (!f.fn) continue;
    const sites = sitesOf(f);
    const calls: { name: string; at: number }[] = [];
    const cs = f.callSites ?? [];
    for (let i = 0; i + 1 < cs.length; i += 2) calls.push({ name: f.callees[cs[i]], at: start + cs[i + 1] });
    functions.push({ name: f.fn.name, start, end, nameAt: start + (f.nameAt ?? 0), ending: f.ending ?? 'unknown', ...(sites?.length ? { sites } : {}),
      ...(calls.length ? { calls } : {}) });
  }
  return { functions, bindings, evidence };
}

const kept = new WeakMap<ChunkFacts, readonly Site[] | undefined>();

/** The item's lifecycle and helper calls, relative to it: made once per item facts, not per version. */
function sitesOf(f: ChunkFacts): readonly Site[] | undefined {
  if (kept.has(f)) return kept.get(f);
  const h = f.helper;
  const sites = h && [...h.effects.map((e) => ({ name: e.api, at: e.at, must: e.must })), ...h.calls.map((c) => ({ name: c.callee, at: c.at, must: c.must }))];
  kept.set(f, sites);
  return sites;
}
