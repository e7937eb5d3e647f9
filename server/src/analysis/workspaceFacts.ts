// What the workspace index derives from a set of file summaries (the whole workspace, or one driver's files):
// bindings, calls (also those made through macro uses), callers and callees, contexts, arities, macros and helpers.
import type { FileSummary } from './summary';
import { expandedCallees, type MacroDef } from './macroDefs';
import type { HelperSource } from './helperEffects';

export type Binding = { entry: string; via: string; field?: string; uri: string };

/** What the index derives from a set of summaries (the whole workspace, or one driver's files). */
export interface Facts {
  uris: Set<string>;
  bindings: Map<string, Binding[]>;
  contexts: Map<string, { type: string; uri: string }[]>;
  calls: Map<string, number>;
  callers: Map<string, string[]>;
  callees: Map<string, string[]>;
  arities: Map<string, { arity: number; uri: string }[]>;
  macros: Map<string, MacroDef>;
  /** Per file: the calls its macro uses make (a use counts as a call of what it expands to). */
  viaMacros: Map<string, Map<string, number>>;
  helpers: Map<string, HelperSource[]>;
}

export function factsOf(iterable: Iterable<FileSummary>): Facts {
  const files = [...iterable]; // read twice (macroFacts)
  const uris = new Set<string>();
  const bindings = new Map<string, Binding[]>();
  const calls = new Map<string, number>();
  const callers = new Map<string, string[]>();
  const callees = new Map<string, string[]>();
  const contexts = new Map<string, { type: string; uri: string }[]>();
  const arities = new Map<string, { arity: number; uri: string }[]>();
  const helpers = new Map<string, HelperSource[]>();
  for (const f of files) {
    uris.add(f.uri);
    for (const [fn, summary] of Object.entries(f.helpers ?? {})) {
      const l = helpers.get(fn);
      if (l) l.push({ summary, uri: f.uri }); else helpers.set(fn, [{ summary, uri: f.uri }]);
    }
    for (const [fn, list] of Object.entries(f.arities ?? {})) {
      const l = arities.get(fn) ?? [];
      for (const arity of list) l.push({ arity, uri: f.uri });
      arities.set(fn, l);
    }
    for (const c of f.contexts ?? []) contexts.set(c.name, [...(contexts.get(c.name) ?? []), { type: c.type, uri: f.uri }]);
    for (const b of f.bindings) {
      const l = bindings.get(b.name) ?? [];
      l.push({ entry: b.entry, via: b.via, field: b.field, uri: f.uri });
      bindings.set(b.name, l);
    }
    for (const [n, c] of Object.entries(f.calls)) calls.set(n, (calls.get(n) ?? 0) + c);
    for (const [fn, list] of Object.entries(f.callGraph)) {
      callees.set(fn, [...(callees.get(fn) ?? []), ...list]);
      for (const callee of list) {
        const l = callers.get(callee) ?? [];
        if (!l.includes(fn)) l.push(fn);
        callers.set(callee, l);
      }
    }
  }
  const { macros, viaMacros } = macroFacts(files, calls);
  return { uris, bindings, contexts, calls, callers, callees, arities, macros, viaMacros, helpers };
}

/**
 * The macros the files define, and what their uses call: which definition when several files define a name is the
 * last one of the file whose URI sorts last, so that the answer does not depend on the order files were indexed in.
 * Adds the calls made through macro uses to `calls`.
 */
function macroFacts(files: Iterable<FileSummary>, calls: Map<string, number>): { macros: Map<string, MacroDef>; viaMacros: Map<string, Map<string, number>> } {
  const macros = new Map<string, MacroDef>();
  const viaMacros = new Map<string, Map<string, number>>();
  for (const f of files) {
    for (const m of f.macros ?? []) {
      const had = macros.get(m.name);
      if (!had || had.uri <= f.uri) macros.set(m.name, { ...m, uri: f.uri });
    }
  }
  if (!macros.size) return { macros, viaMacros };
  const expanded = new Map<string, string[]>();
  const lookup = (n: string) => macros.get(n);
  for (const f of files) {
    let extra: Map<string, number> | undefined;
    for (const [n, c] of Object.entries(f.calls)) {
      if (!macros.has(n)) continue;
      let list = expanded.get(n);
      if (!list) { list = expandedCallees(n, lookup); expanded.set(n, list); }
      for (const inner of list) {
        extra ??= new Map();
        extra.set(inner, (extra.get(inner) ?? 0) + c);
        calls.set(inner, (calls.get(inner) ?? 0) + c);
      }
    }
    if (extra) viaMacros.set(f.uri, extra);
  }
  return { macros, viaMacros };
}

