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

/**
 * The facts of a set of summaries. Each group is derived on first use only: while the index builds, every batch of
 * new files makes new facts, and a hover that reads the bindings or the macros must not pay for the call graph.
 */
export function factsOf(iterable: Iterable<FileSummary>): Facts {
  const files = [...iterable];
  const once = <T>(make: () => T) => { let v: T | undefined; return () => (v ??= make()); };
  const uris = once(() => new Set(files.map((f) => f.uri)));
  const bindings = once(() => bindingFacts(files));
  const small = once(() => smallFacts(files));
  const graph = once(() => graphFacts(files));
  const macros = once(() => macroDefs(files));
  const calls = once(() => macroCalls(files, macros()));
  return {
    get uris() { return uris(); },
    get bindings() { return bindings(); },
    get contexts() { return small().contexts; },
    get arities() { return small().arities; },
    get helpers() { return small().helpers; },
    get callers() { return graph().callers; },
    get callees() { return graph().callees; },
    get macros() { return macros(); },
    get calls() { return calls().calls; },
    get viaMacros() { return calls().viaMacros; },
  };
}

function bindingFacts(files: readonly FileSummary[]): Facts['bindings'] {
  const bindings = new Map<string, Binding[]>();
  for (const f of files) {
    for (const b of f.bindings) {
      const l = bindings.get(b.name);
      const entry = { entry: b.entry, via: b.via, field: b.field, uri: f.uri };
      if (l) l.push(entry); else bindings.set(b.name, [entry]);
    }
  }
  return bindings;
}

function smallFacts(files: readonly FileSummary[]): Pick<Facts, 'contexts' | 'arities' | 'helpers'> {
  const contexts = new Map<string, { type: string; uri: string }[]>();
  const arities = new Map<string, { arity: number; uri: string }[]>();
  const helpers = new Map<string, HelperSource[]>();
  for (const f of files) {
    for (const [fn, summary] of Object.entries(f.helpers ?? {})) {
      const l = helpers.get(fn);
      if (l) l.push({ summary, uri: f.uri }); else helpers.set(fn, [{ summary, uri: f.uri }]);
    }
    for (const [fn, list] of Object.entries(f.arities ?? {})) {
      const l = arities.get(fn) ?? [];
      for (const arity of list) l.push({ arity, uri: f.uri });
      arities.set(fn, l);
    }
    for (const c of f.contexts ?? []) {
      const l = contexts.get(c.name);
      if (l) l.push({ type: c.type, uri: f.uri }); else contexts.set(c.name, [{ type: c.type, uri: f.uri }]);
    }
  }
  return { contexts, arities, helpers };
}

function graphFacts(files: readonly FileSummary[]): Pick<Facts, 'callers' | 'callees'> {
  const callers = new Map<string, string[]>();
  const callees = new Map<string, string[]>();
  // Callers deduplicated through a set: an API called from thousands of functions made `includes` quadratic.
  const callerSets = new Map<string, Set<string>>();
  for (const f of files) {
    for (const [fn, list] of Object.entries(f.callGraph)) {
      const had = callees.get(fn);
      if (had) had.push(...list); else callees.set(fn, [...list]);
      for (const callee of list) {
        const seen = callerSets.get(callee);
        if (!seen) { callerSets.set(callee, new Set([fn])); callers.set(callee, [fn]); }
        else if (!seen.has(fn)) { seen.add(fn); callers.get(callee)!.push(fn); }
      }
    }
  }
  return { callers, callees };
}

/**
 * The macros the files define: which definition when several files define a name is the last one of the file whose
 * URI sorts last, so that the answer does not depend on the order files were indexed in.
 */
function macroDefs(files: readonly FileSummary[]): Map<string, MacroDef> {
  const macros = new Map<string, MacroDef>();
  for (const f of files) {
    for (const m of f.macros ?? []) {
      const had = macros.get(m.name);
      if (!had || had.uri <= f.uri) macros.set(m.name, { ...m, uri: f.uri });
    }
  }
  return macros;
}

/** Every call made in the files, a macro use counting as a call of what it expands to; and per file, those through macros. */
function macroCalls(files: readonly FileSummary[], macros: Map<string, MacroDef>): Pick<Facts, 'calls' | 'viaMacros'> {
  const calls = new Map<string, number>();
  for (const f of files) for (const [n, c] of Object.entries(f.calls)) calls.set(n, (calls.get(n) ?? 0) + c);
  const viaMacros = new Map<string, Map<string, number>>();
  if (!macros.size) return { calls, viaMacros };
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
  return { calls, viaMacros };
}
