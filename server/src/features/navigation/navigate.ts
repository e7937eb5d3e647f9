// Go to implementation, go to definition and find references over the lifecycle model: from a handler (its name or a
// `return NDIS_STATUS_PENDING` in it) to the calls completing its request, from a completion call back to the
// handler(s) it completes, and from a handler to where it is registered and completed. Elsewhere: no answer.
import type { Location } from 'vscode-languageserver';
import type { Lifecycle } from '../../catalog/lifecycle';
import type { Catalog } from '../../catalog/index';
import type { HandlerInfo, Place } from '../lifecycle/types';
import type { NavTarget } from './target';

/** The part of the driver model navigation reads. */
export interface NavModel { handlers: readonly HandlerInfo[] }

const loc = (p: Place): Location => ({ uri: p.uri, range: p.range });

/** Locations without repeats (a handler declared and assigned on one line is one place per range). */
function unique(places: readonly Place[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const p of places) {
    const k = `${p.uri}#${p.range.start.line}:${p.range.start.character}:${p.range.end.line}:${p.range.end.character}`;
    if (!seen.has(k)) { seen.add(k); out.push(loc(p)); }
  }
  return out;
}

/** The pendable handler the target names or pends in. */
export function handlerOf(target: NavTarget | null, model: NavModel): HandlerInfo | undefined {
  if (!target) return undefined;
  const name = target.kind === 'pending' ? target.fn : target.kind === 'name' ? target.name : undefined;
  return name === undefined ? undefined : model.handlers.find((h) => h.name === name && h.pendable);
}

/** textDocument/implementation: the calls that complete the handler's request (null when the target is no handler). */
export function implementations(target: NavTarget | null, model: NavModel): Location[] | null {
  const h = handlerOf(target, model);
  return h ? unique(h.completions.map((c) => c.place)) : null;
}

/**
 * The handlers a completion call completes: those whose completions include this very call (the model followed the
 * helpers and macros to it), else the driver's handlers of the role the completion function completes.
 */
export function handlersCompletedBy(callee: string, caller: string | undefined, model: NavModel, lifecycle: Lifecycle, catalog: Catalog): HandlerInfo[] {
  const exact = caller === undefined ? [] : model.handlers.filter((h) => h.completions.some((c) => c.callee === callee && c.caller === caller));
  if (exact.length) return exact;
  const role = lifecycle.effectOf(callee)?.completesHandler;
  if (!role) return [];
  // The same request under another spelling (MCM and stand-alone) completes the same role.
  return model.handlers.filter((h) => h.role === role.name || lifecycle.completionsOf(catalog.entry(h.role) ?? role).includes(callee));
}

/** textDocument/definition: only on a completion call, the definitions of the handlers it completes. */
export function definitions(target: NavTarget | null, model: NavModel, lifecycle: Lifecycle, catalog: Catalog): Location[] | null {
  if (target?.kind !== 'completion') return null;
  const places = handlersCompletedBy(target.callee, target.caller, model, lifecycle, catalog).flatMap((h) => (h.definition ? [h.definition] : []));
  return places.length ? unique(places) : null;
}

/**
 * textDocument/references on a handler: its registrations (table entries, NdisSetOptionalHandlers tables, role-type
 * declarations) and the calls completing its request; with `includeDeclaration`, its definition too.
 */
export function references(target: NavTarget | null, model: NavModel, includeDeclaration: boolean): Location[] | null {
  const name = target?.kind === 'name' ? target.name : target?.kind === 'pending' ? target.fn : undefined;
  // One function may serve several roles (a shared OID handler): the references of each.
  const hs = name === undefined ? [] : model.handlers.filter((x) => x.name === name);
  if (!hs.length) return null;
  const places: Place[] = [];
  if (includeDeclaration && hs[0].definition) places.push(hs[0].definition);
  for (const h of hs) {
    places.push(...h.registrations);
    for (const c of h.completions) places.push(c.place);
  }
  return unique(places);
}
