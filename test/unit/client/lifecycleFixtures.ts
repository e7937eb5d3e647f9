// Hand-written condis/requestLifecycle and condis/driverModel answers (the JSON shapes of docs/protocol.md) for the
// client's pure renderers: a close call that a call manager pends and completes from a work item.
import type { DriverModel, HandlerInfo, Place, RequestLifecycle } from '../../../client/src/protocol';

export const at = (file: string, line: number, character = 0): Place =>
  ({ uri: `file:///w/cm/${file}`, range: { start: { line, character }, end: { line, character: character + 5 } } });

export function closeCall(overrides: Partial<RequestLifecycle> = {}): RequestLifecycle {
  return {
    request: 'CloseCall',
    handler: { name: 'CmCloseCall', role: 'PROTOCOL_CM_CLOSE_CALL', place: at('callManager.c', 121) },
    steps: [
      { id: 'request', label: 'Client asks to close', actor: 'client', api: 'NdisClCloseCall', implementedBy: [], state: 'ndis' },
      { id: 'handler', label: 'Call manager closes', actor: 'call-manager', api: 'ProtocolCmCloseCall',
        docUrl: 'https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nc-ndis-protocol_cm_close_call',
        implementedBy: [{ name: 'CmCloseCall', place: at('callManager.c', 121) }], state: 'implemented' },
      { id: 'complete', label: 'Close completed', actor: 'call-manager', api: 'NdisCmCloseCallComplete',
        implementedBy: [{ name: 'CmCloseCallWorker', place: at('callManager.c', 167, 4) }, { name: 'CmDeactivateVcComplete', place: at('callManagerVc.c', 77, 8) }],
        state: 'implemented' },
      { id: 'notify', label: 'Client told', actor: 'client', api: 'ProtocolClCloseCallComplete', implementedBy: [], state: 'ndis' },
      { id: 'delete', label: 'VC deleted by its creator', actor: 'call-manager', api: 'NdisCoDeleteVc', implementedBy: [], state: 'missing',
        note: 'No NdisCoDeleteVc for VCs this driver creates.' },
    ],
    edges: [
      { from: 'request', to: 'handler' },
      { from: 'handler', to: 'complete', label: 'NDIS_STATUS_PENDING' },
      { from: 'handler', to: 'notify', label: 'returns its status' },
      { from: 'complete', to: 'notify' },
      { from: 'notify', to: 'delete' },
    ],
    ...overrides,
  };
}

export function handler(overrides: Partial<HandlerInfo> = {}): HandlerInfo {
  return {
    name: 'CmCloseCall', role: 'PROTOCOL_CM_CLOSE_CALL', conventional: 'ProtocolCmCloseCall',
    definition: at('callManager.c', 121), registrations: [at('callManager.c', 29, 4)],
    pendable: true, ending: 'pends',
    completions: [
      { callee: 'NdisCmCloseCallComplete', caller: 'CmCloseCallWorker', place: at('callManager.c', 167, 4) },
      { callee: 'NdisCmCloseCallComplete', caller: 'CmDeactivateVcComplete', place: at('callManagerVc.c', 77, 8) },
    ],
    findings: [],
    ...overrides,
  };
}

export function model(handlers: HandlerInfo[], overrides: Partial<DriverModel['drivers'][number]> = {}): DriverModel {
  return {
    indexing: false,
    drivers: [{
      root: 'file:///w/cm',
      kind: 'call-manager',
      evidence: [{ name: 'NdisCmRegisterAddressFamilyEx', place: at('callManagerAf.c', 40, 4) }],
      tables: [{
        structure: 'NDIS_CALL_MANAGER_CHARACTERISTICS', place: at('callManager.c', 20),
        entries: handlers.map((h, i) => ({ field: `Cm${h.name}Handler`, handler: h.name, role: h.role, place: at('callManager.c', 25 + i, 4) })),
      }],
      handlers,
      ...overrides,
    }],
  };
}
