// A file's own macro definitions, from its items' facts, looked up by name and place: the definition in force at an
// offset is the last one before it (as the preprocessor reads the file top to bottom).
import type { Chunk } from './chunks';
import type { MacroDef } from './macroDefs';
import { linesAt } from './summary';

export interface LocalMacros {
  lookup(name: string, at: number): MacroDef | undefined;
  /** Every definition of the file, in order. */
  all(): readonly MacroDef[];
}

export function localMacros(uri: string, text: string, chunks: readonly Chunk[], named?: (name: string) => readonly Chunk[]): LocalMacros {
  const defsOf = (items: readonly Chunk[], name?: string): MacroDef[] => {
    const defs: MacroDef[] = [];
    for (const c of items) {
      for (const m of c.facts.macros ?? []) if (name === undefined || m.name === name) defs.push({ name: m.name, params: m.params, body: m.body, uri, line: 0, start: c.start + m.start });
    }
    if (defs.length) {
      const lines = linesAt(text, defs.map((d) => d.start));
      defs.forEach((d, i) => { d.line = lines[i]; });
    }
    return defs;
  };
  // By name, made when first asked (`named`: the items defining a name, itemIndex.ts), else from one pass over the items.
  let all: MacroDef[] | undefined;
  const byName = new Map<string, MacroDef[]>();
  const of = (name: string): MacroDef[] => {
    let l = byName.get(name);
    if (!l) {
      if (named) l = defsOf(named(name), name);
      else {
        all ??= defsOf(chunks);
        for (const d of all) { const g = byName.get(d.name); if (g) g.push(d); else byName.set(d.name, [d]); }
        named = () => []; // grouped now: names not in the map have no definition
        l = byName.get(name) ?? [];
      }
      byName.set(name, l);
    }
    return l;
  };
  return {
    lookup(name, at) {
      let found: MacroDef | undefined;
      for (const d of of(name)) { if (d.start < at) found = d; else break; }
      return found;
    },
    all: () => (all ??= defsOf(chunks)),
  };
}
