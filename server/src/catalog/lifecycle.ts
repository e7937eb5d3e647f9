// The CoNDIS lifecycles as data the checker runs on: pend/complete pairs (derived from the catalog's facts),
// what each call does to a handle, and the stand-alone <-> MCM name pairs.
import type { Catalog, CatalogEntry } from './index';

export interface CallEffect {
  /** The call completes a pended request (`NdisCmCloseCallComplete`, ...). */
  completes: boolean;
  /** The handler (role typedef entry) whose pended request it completes. */
  completesHandler?: CatalogEntry;
  /** Index of the `Status` argument, when there is one. */
  statusArg?: number;
  /** Index of the handle the call acts on. */
  handleArg?: number;
  /** After it (with a success or unknown status), the handle can no longer carry data / be used. */
  closes?: boolean;
  deletes?: boolean;
  deactivates?: boolean;
  creates?: boolean;
  /**
   * Afterwards the VC is active or carries a call, so it must be deactivated or closed before it is deleted:
   * 'on-success' when that holds only if the call returns SUCCESS or PENDING, 'always' when the call is only legal on an
   * already active VC (dispatching an incoming call).
   */
  activates?: 'on-success' | 'always';
}

export interface Lifecycle {
  effectOf(name: string): CallEffect | undefined;
  /** For a handler that may pend: the calls that complete it (stand-alone and MCM spellings). */
  completionsOf(handler: CatalogEntry): string[];
  /** Handlers that must finish synchronously (never NDIS_STATUS_PENDING). */
  isSynchronousOnly(handler: CatalogEntry): boolean;
  /** The MCM spelling of a stand-alone name (`NdisCmCloseCallComplete` -> `NdisMCmCloseCallComplete`) and back. */
  mcmNameOf(name: string): string | undefined;
  standaloneNameOf(name: string): string | undefined;
  /** Calls that move data on a VC: not allowed once the call on it is closed. */
  isTransfer(name: string): boolean;
}

// Facts from lifecycle.md sections 1-3 that api.tsv has no column for.
const CLOSES: Record<string, string> = {
  NdisCmCloseCallComplete: 'NdisVcHandle', NdisMCmCloseCallComplete: 'NdisVcHandle', NdisClCloseCall: 'NdisVcHandle',
  NdisCmCloseAddressFamilyComplete: 'NdisAfHandle', NdisMCmCloseAddressFamilyComplete: 'NdisAfHandle',
  NdisCmDropPartyComplete: 'NdisPartyHandle', NdisMCmDropPartyComplete: 'NdisPartyHandle',
};
const DELETES = new Set(['NdisCoDeleteVc', 'NdisMCmDeleteVc']);
const DEACTIVATES = new Set(['NdisCmDeactivateVc', 'NdisMCmDeactivateVc']);
const CREATES = new Set(['NdisCoCreateVc', 'NdisMCmCreateVc']);
const ACTIVATES: Record<string, 'on-success' | 'always'> = {
  NdisCmActivateVc: 'on-success', NdisMCmActivateVc: 'on-success', NdisClMakeCall: 'on-success',
  NdisCmDispatchIncomingCall: 'always', NdisMCmDispatchIncomingCall: 'always',
};
const TRANSFERS = new Set(['NdisCoSendNetBufferLists', 'NdisCoSendPackets']);
const SYNCHRONOUS_ONLY = new Set(['PROTOCOL_CO_CREATE_VC', 'PROTOCOL_CO_DELETE_VC', 'MINIPORT_CO_CREATE_VC', 'MINIPORT_CO_DELETE_VC']);
/** MCM names that are not `NdisCm*` with an M: their stand-alone counterparts. */
const MCM_TO_STANDALONE: Record<string, string> = {
  NdisMCmCreateVc: 'NdisCoCreateVc', NdisMCmDeleteVc: 'NdisCoDeleteVc', NdisMCmOidRequest: 'NdisCoOidRequest',
  NdisMCmOidRequestComplete: 'NdisCoOidRequestComplete', NdisMCmRequest: 'NdisCoRequest', NdisMCmRequestComplete: 'NdisCoRequestComplete',
};

export function createLifecycle(catalog: Catalog): Lifecycle {
  const completions = new Map<string, string[]>();
  const effects = new Map<string, CallEffect>();
  for (const e of catalog.entries) {
    if (e.kind === 'callback' && e.completes) {
      const m = /complete later with (\w+)(?:\s*\/\s*(\w+))?/.exec(e.completes);
      if (m) completions.set(e.name, [m[1], m[2]].filter(Boolean));
    }
  }
  const idx = (e: CatalogEntry, name: string) => {
    const i = e.params.findIndex((p) => p.name === name);
    return i >= 0 ? i : undefined;
  };
  for (const e of catalog.entries) {
    if (e.kind !== 'function') continue;
    const pending = e.completes ? /completes pending (\w+)(?: \[NDIS5 (\w+)\])?/.exec(e.completes) : null;
    // NDIS 5 handlers have no conventional name in the facts: `completes pending ProtocolCoRequest [NDIS5 CO_REQUEST_HANDLER]`
    // names the pointer typedef in brackets.
    const handler = pending ? catalog.byConventionalName(pending[1]) ?? (pending[2] ? catalog.entry(pending[2]) : undefined) : undefined;
    const handleName = CLOSES[e.name] ?? e.params.find((p) => /Handle$/.test(p.name))?.name;
    const effect: CallEffect = {
      completes: !!handler,
      completesHandler: handler,
      statusArg: idx(e, 'Status'),
      handleArg: handleName ? idx(e, handleName) : undefined,
      closes: e.name in CLOSES,
      deletes: DELETES.has(e.name),
      deactivates: DEACTIVATES.has(e.name),
      creates: CREATES.has(e.name),
      activates: ACTIVATES[e.name],
    };
    if (effect.creates || effect.activates) effect.handleArg = idx(e, 'NdisVcHandle');
    if (effect.completes || effect.closes || effect.deletes || effect.deactivates || effect.creates || effect.activates) effects.set(e.name, effect);
  }
  const toStandalone = new Map<string, string>();
  const toMcm = new Map<string, string>();
  for (const e of catalog.entries) {
    if (e.kind !== 'function' || !e.name.startsWith('NdisMCm')) continue;
    const other = MCM_TO_STANDALONE[e.name] ?? e.macro?.target ?? e.name.replace(/^NdisMCm/, 'NdisCm');
    if (!catalog.entry(other)) continue;
    toStandalone.set(e.name, other);
    toMcm.set(other, e.name);
  }
  // An MCM completion whose facts name no handler (`NdisMCmRequestComplete`: "[NDIS5, MCM]") completes what its
  // stand-alone twin completes; and every completion of a handler is one of its completions, whichever row says so.
  for (const [mcm, standalone] of toStandalone) {
    const own = effects.get(mcm);
    const twin = effects.get(standalone);
    if (twin?.completesHandler && !own?.completesHandler) {
      const e = catalog.entry(mcm)!;
      effects.set(mcm, { ...twin, statusArg: idx(e, 'Status'), handleArg: own?.handleArg ?? twin.handleArg });
    }
  }
  for (const [name, effect] of effects) {
    if (!effect.completesHandler) continue;
    const list = completions.get(effect.completesHandler.name) ?? [];
    if (!list.includes(name)) completions.set(effect.completesHandler.name, [...list, name]);
  }
  return {
    effectOf: (n) => effects.get(n),
    completionsOf: (h) => completions.get(h.name) ?? [],
    isSynchronousOnly: (h) => SYNCHRONOUS_ONLY.has(h.name),
    mcmNameOf: (n) => toMcm.get(n),
    standaloneNameOf: (n) => toStandalone.get(n),
    isTransfer: (n) => TRANSFERS.has(n),
  };
}
