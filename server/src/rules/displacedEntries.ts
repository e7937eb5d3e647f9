// Which role a function without a role-type declaration was written for, from its own definition: the parameter names
// of one role's prototype, and the completions its body calls. Used by handler-table-mismatch to find an NDIS 5 table
// entry (same shape, other role) that holds another entry's function while this entry's own handler is bound nowhere.
import type { CatalogEntry } from '../catalog';
import type { FileSummary } from '../analysis/summary';
import type { RuleContext } from './types';
import { acrossSummaries } from './vcUtil';

/** What the driver's summaries say about its functions: parameter names, callees, and which are bound to anything. */
interface Defs {
  params: Map<string, { names: string[]; uri: string }[]>;
  callees: Map<string, Set<string>>;
  bound: Set<string>;
}

function defsOf(summaries: FileSummary[]): Defs {
  const params = new Map<string, { names: string[]; uri: string }[]>();
  const callees = new Map<string, Set<string>>();
  const bound = new Set<string>();
  for (const s of summaries) {
    for (const [fn, lists] of Object.entries(s.params ?? {})) {
      const l = params.get(fn) ?? [];
      for (const names of lists) l.push({ names, uri: s.uri });
      params.set(fn, l);
    }
    for (const [fn, list] of Object.entries(s.callGraph)) {
      const set = callees.get(fn) ?? new Set<string>();
      for (const c of list) set.add(c);
      callees.set(fn, set);
    }
    for (const b of s.bindings) bound.add(b.name);
    for (const c of s.contexts ?? []) bound.add(c.name);
  }
  return { params, callees, bound };
}

/** The parameter names are exactly those of the role's prototype (the author wrote the function from it). */
function spells(names: readonly string[], role: CatalogEntry): boolean {
  return names.length === role.params.length && role.params.every((p, i) => p.name.toLowerCase() === names[i].toLowerCase());
}

const sameNames = (a: CatalogEntry, b: CatalogEntry) => a.params.length === b.params.length && a.params.every((p, i) => p.name === b.params[i].name);

export interface Displaced {
  /** The role the function was written for, and its entry that holds it as that. */
  role: CatalogEntry;
  field: string;
  /** The evidence beyond the parameter names: this entry's own handler bound nowhere, or a completion of `role` called. */
  orphan?: { name: string; uri: string };
  completion?: string;
}

/**
 * Whether `name`, held by the entry `field` of role `here`, is a function written for the role of another of its
 * entries `others`: every definition spells that role's parameter names (which differ from this role's), and either a
 * function spelling this role's names is bound nowhere (the handler this entry was meant to hold) or the body calls a
 * completion of that role and none of this one. A stub shared by several entries spells no role, or lacks both.
 */
export function displacedFrom(name: string, here: CatalogEntry, others: readonly { field: string }[], ctx: RuleContext): Displaced | undefined {
  const defs = acrossSummaries(ctx, defsOf);
  const mine = defs.params.get(name) ?? [];
  if (!mine.length) return undefined;
  for (const o of others) {
    const role = ctx.catalog.byHandlerField(o.field);
    if (!role || role.name === here.name || sameNames(role, here) || !mine.every((d) => spells(d.names, role))) continue;
    const calls = defs.callees.get(name) ?? new Set<string>();
    const completion = ctx.lifecycle.completionsOf(role).find((c) => calls.has(c));
    if (completion && !ctx.lifecycle.completionsOf(here).some((c) => calls.has(c))) return { role, field: o.field, completion };
    for (const [fn, list] of defs.params) {
      if (fn === name || defs.bound.has(fn)) continue;
      const def = list.find((d) => spells(d.names, here));
      if (def) return { role, field: o.field, orphan: { name: fn, uri: def.uri } };
    }
  }
  return undefined;
}
