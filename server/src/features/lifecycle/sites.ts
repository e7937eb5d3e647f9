// Where a driver completes pended requests: each call of a catalog completion function in its files, and each call of
// a workspace macro or helper function that makes one (a helper: on every path through it, as its callers' flow
// counts it; through nested helpers, bounded), read from the summaries.
import type { Lifecycle } from '../../catalog/lifecycle';
import type { FileSummary } from '../../analysis/summary';
import { expandedCallees } from '../../analysis/macroDefs';
import type { WorkspaceView } from '../../analysis/workspace';
import type { Site } from '../../analysis/lifecycleSummary';

/** A completion call before it has a place: the file, the offsets of the call's name. */
export interface RawSite { callee: string; caller: string; uri: string; start: number; end: number; via?: string }

/** How deep helper calls are followed (as helperEffects.ts does). */
const MAX_DEPTH = 8;

const musts = new WeakMap<readonly Site[], string[]>();

/** The names called on every path: kept per sites array (which lives as long as its item's text). */
function mustNames(sites: readonly Site[]): string[] {
  let out = musts.get(sites);
  if (!out) { out = sites.filter((s) => s.must).map((s) => s.name); musts.set(sites, out); }
  return out;
}

export function completionSites(files: readonly FileSummary[], ws: WorkspaceView, lc: Lifecycle): RawSite[] {
  // Function name -> the names its body calls on every path (lifecycle calls, possible helpers and macros). A name
  // defined twice (`#if` alternatives) keeps what both definitions call.
  const calls = new Map<string, string[]>();
  for (const f of files) {
    for (const fn of f.lifecycle?.functions ?? []) {
      const names = fn.sites ? mustNames(fn.sites) : [];
      const l = calls.get(fn.name);
      calls.set(fn.name, l ? l.filter((n) => names.includes(n)) : names);
    }
  }
  const macroCompletions = new Map<string, string[]>();
  const throughMacro = (name: string): string[] => {
    let out = macroCompletions.get(name);
    if (!out) {
      out = ws.macro(name) ? expandedCallees(name, (n) => ws.macro(n)).filter((c) => lc.effectOf(c)?.completesHandler) : [];
      macroCompletions.set(name, out);
    }
    return out;
  };
  // What a call of function `name` completes, directly or through what it calls: breadth first, each name once.
  const helperCompletions = new Map<string, string[]>();
  const throughHelper = (name: string): string[] => {
    let out = helperCompletions.get(name);
    if (out) return out;
    const found = new Set<string>();
    const seen = new Set([name]);
    let level = [name];
    for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
      const next: string[] = [];
      for (const fn of level) {
        for (const c of calls.get(fn) ?? []) {
          if (lc.effectOf(c)?.completesHandler) { found.add(c); continue; }
          for (const m of throughMacro(c)) found.add(m);
          if (!seen.has(c) && calls.has(c)) { seen.add(c); next.push(c); }
        }
      }
      level = next;
    }
    out = [...found];
    helperCompletions.set(name, out);
    return out;
  };
  const out: RawSite[] = [];
  for (const f of files) {
    for (const fn of f.lifecycle?.functions ?? []) {
      for (const s of fn.sites ?? []) {
        const at = { caller: fn.name, uri: f.uri, start: fn.start + s.at, end: fn.start + s.at + s.name.length };
        if (lc.effectOf(s.name)?.completesHandler) { out.push({ callee: s.name, ...at }); continue; }
        const via = ws.macro(s.name) ? throughMacro(s.name) : calls.get(s.name)?.length ? throughHelper(s.name) : [];
        for (const callee of via) out.push({ callee, ...at, via: s.name });
      }
    }
  }
  return out;
}
