// The shape of one pendable request's lifecycle, read from the catalog alone: who starts it, the handler that may pend,
// the completion call, the callback NDIS makes on the other side and, for a request that closes a VC, its deletion.
import type { Catalog, CatalogEntry, DriverRole } from '../../catalog/index';
import type { Lifecycle } from '../../catalog/lifecycle';
import type { DriverKind } from '../../analysis/workspace';

export type Actor = 'client' | 'call-manager' | 'ndis' | 'miniport';
export type StepId = 'initiate' | 'handler' | 'pending' | 'complete' | 'callback' | 'vc-delete';

export interface StepShape {
  id: StepId;
  label: string;
  actor: Actor;
  /** The catalog name of the call or callback at this step (the driver's spelling: MCM names for an MCM). */
  api: string;
  /** Other spellings of the same step (the initiator's MCM twin, the stand-alone completion beside the MCM one). */
  alternatives: string[];
  docUrl?: string;
}

export interface RequestShape {
  /** `CloseCall`, `OpenAf`, `OidRequest`, ... */
  request: string;
  role: CatalogEntry;
  handlerActor: Actor;
  steps: StepShape[];
  edges: { from: StepId; to: StepId; label?: string }[];
}

/** Which side a catalog role is on; `any` takes the side it is used from (`side`). */
function actorOf(role: DriverRole, side: Actor): Actor {
  if (role === 'client') return 'client';
  if (role === 'call-manager' || role === 'miniport-call-manager') return 'call-manager';
  if (role === 'miniport') return 'miniport';
  return side;
}

/** `CoRequestComplete` -> `CO_REQUEST_COMPLETE`. */
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const other = (a: Actor): Actor => (a === 'client' ? 'call-manager' : 'client');

/** The request's short name: the handler's conventional name without its role prefix, else the completion's. */
function requestName(role: CatalogEntry, completion: string): string {
  const conv = role.conventionalName?.replace(/^(?:Protocol|Miniport)(?:Cm|Cl|Co)?/, '');
  return conv || completion.replace(/^Ndis(?:M)?(?:Cm|Cl|Co)?/, '').replace(/Complete$/, '');
}

/**
 * The lifecycle of the request a handler of `role` serves, or undefined when the role cannot pend. `kind` chooses the
 * spellings (an MCM completes with `NdisMCm*`) and the side a role marked `any` in the catalog is on.
 */
export function requestShape(role: CatalogEntry, kind: DriverKind, catalog: Catalog, lifecycle: Lifecycle): RequestShape | undefined {
  const completions = lifecycle.completionsOf(role).filter((c) => !!catalog.entry(c));
  if (!completions.length) return undefined;
  const mcm = kind === 'miniport-call-manager';
  const handlerActor = actorOf(role.role, kind === 'client' ? 'client' : role.name.startsWith('MINIPORT_') ? 'miniport' : 'call-manager');
  const prefer = (names: string[]) => {
    const own = names.filter((n) => !!catalog.entry(n)?.name.startsWith('NdisMCm') === mcm);
    return own.length ? own : names;
  };
  const completion = prefer(completions)[0];
  const completionEntry = catalog.entry(completion)!;
  // "completes pending X; NDIS then calls Y": Y is the callback on the side that started the request.
  const calls = (list: string[]) => {
    for (const n of list) {
      const m = /NDIS then calls (\w+)/.exec(catalog.entry(n)?.completes ?? '');
      // NDIS 5 callbacks have no conventional name in the facts: `ProtocolCoRequestComplete` is `CO_REQUEST_COMPLETE_HANDLER`.
      const cb = m && (catalog.byConventionalName(m[1]) ?? catalog.entry(`${snake(m[1].replace(/^(?:Protocol|Miniport)/, ''))}_HANDLER`));
      if (cb) return cb;
    }
    return undefined;
  };
  const callback = calls([completion, ...completions]);
  const initiatorSide = other(handlerActor === 'miniport' ? 'client' : handlerActor);
  // The calls whose completion arrives in that callback, on the side that may make them (an MCM's own
  // `NdisMCmOidRequest` does not start the client's OID request). NDIS 5: the completion's name without `Complete`.
  const sideOk = (r: DriverRole) => r === 'any' || actorOf(r, initiatorSide) === initiatorSide || handlerActor === 'miniport';
  let initiators = callback?.conventionalName ? catalog.entries.filter((e) => e.kind === 'function' && sideOk(e.role) &&
    new RegExp(`completion arrives in ${callback.conventionalName}\\b`).test(e.completes ?? '')).map((e) => e.name) : [];
  if (!initiators.length) initiators = completions.map((c) => c.replace(/Complete$/, '')).filter((n) => n !== completion && catalog.entry(n)?.kind === 'function' && sideOk(catalog.entry(n)!.role));
  const initiator = prefer(initiators)[0];
  const steps: StepShape[] = [];
  const docUrl = (e?: CatalogEntry) => (e?.docUrl ? { docUrl: e.docUrl } : {});
  const conv = (e: CatalogEntry) => e.conventionalName ?? e.name;
  const request = requestName(role, completion);
  if (initiator) {
    const e = catalog.entry(initiator)!;
    steps.push({ id: 'initiate', label: `${initiator} starts the ${request} request`, actor: actorOf(e.role, handlerActor === 'miniport' ? 'call-manager' : initiatorSide),
      api: initiator, alternatives: initiators.filter((n) => n !== initiator), ...docUrl(e) });
  }
  steps.push({ id: 'handler', label: `NDIS passes it to the ${conv(role)} handler`, actor: handlerActor, api: conv(role), alternatives: [role.name], ...docUrl(role) });
  steps.push({ id: 'pending', label: 'the handler returns NDIS_STATUS_PENDING and finishes later', actor: handlerActor, api: 'NDIS_STATUS_PENDING', alternatives: [] });
  steps.push({ id: 'complete', label: `${completion} reports the final status`, actor: actorOf(completionEntry.role, handlerActor), api: completion,
    alternatives: completions.filter((n) => n !== completion), ...docUrl(completionEntry) });
  if (callback) {
    steps.push({ id: 'callback', label: `NDIS calls ${conv(callback)} with that status`, actor: actorOf(callback.role, steps[0]?.id === 'initiate' ? steps[0].actor : initiatorSide),
      api: conv(callback), alternatives: [callback.name], ...docUrl(callback) });
  }
  // A request whose completion closes a VC (close call) ends with the VC's deletion by whoever created it.
  const effect = lifecycle.effectOf(completion);
  const closesVc = !!effect?.closes && effect.handleArg !== undefined && completionEntry.params[effect.handleArg]?.name === 'NdisVcHandle';
  if (closesVc) {
    const del = mcm ? 'NdisMCmDeleteVc' : 'NdisCoDeleteVc';
    steps.push({ id: 'vc-delete', label: 'the VC\'s creator deletes it', actor: handlerActor, api: del,
      alternatives: [mcm ? 'NdisCoDeleteVc' : 'NdisMCmDeleteVc'], ...docUrl(catalog.entry(del)) });
  }
  const has = (id: StepId) => steps.some((s) => s.id === id);
  const edges: RequestShape['edges'] = [];
  if (has('initiate')) edges.push({ from: 'initiate', to: 'handler', label: 'NDIS calls' });
  edges.push({ from: 'handler', to: 'pending', label: 'pends' });
  edges.push({ from: 'pending', to: 'complete', label: 'later' });
  if (has('callback')) {
    edges.push({ from: 'complete', to: 'callback', label: 'NDIS calls' });
    edges.push({ from: 'handler', to: 'callback', label: 'returns a final status' });
  }
  if (has('vc-delete')) edges.push({ from: has('callback') ? 'callback' : 'complete', to: 'vc-delete', label: 'then' });
  return { request, role, handlerActor, steps, edges };
}
