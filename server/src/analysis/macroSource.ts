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

export function localMacros(uri: string, text: string, chunks: readonly Chunk[]): LocalMacros {
  const defs: MacroDef[] = [];
  for (const c of chunks) for (const m of c.facts.macros ?? []) defs.push({ name: m.name, params: m.params, body: m.body, uri, line: 0, start: c.start + m.start });
  if (defs.length) {
    const lines = linesAt(text, defs.map((d) => d.start));
    defs.forEach((d, i) => { d.line = lines[i]; });
  }
  const byName = new Map<string, MacroDef[]>();
  for (const d of defs) {
    const l = byName.get(d.name);
    if (l) l.push(d); else byName.set(d.name, [d]);
  }
  return {
    lookup(name, at) {
      const l = byName.get(name);
      if (!l) return undefined;
      let found: MacroDef | undefined;
      for (const d of l) { if (d.start < at) found = d; else break; }
      return found;
    },
    all: () => defs,
  };
}
