// The NDIS_STATUS codes the CoNDIS reference pages mention (rows of /work/shared/condis/ndis-status.tsv, in order),
// with numeric values as defined in the WDK 10 header and our own explanations.
//
// Values are written as unsigned 32-bit hex literals; NDIS_STATUS itself is a signed int, so the error codes
// (0xC...) are negative in C. Each entry's comment says where the definition was checked:
//   MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h  = public mirror of WDK 10 (RS5) km/ndis.h ('status codes returned by drivers' and
//     'NDIS_STATUS values used in status indication' blocks);
//   marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h  = public copy of the Windows SDK shared/ntstatus.h, for the STATUS_* values.
import type { StatusEntry } from './types';

export const STATUS_ENTRIES: readonly StatusEntry[] = [
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)STATUS_SUCCESS); value from marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h
    name: 'NDIS_STATUS_SUCCESS',
    kind: 'status',
    value: 0x00000000,
    alias: 'STATUS_SUCCESS',
    pagesMentioning: 77,
    pages: [
      'MINIPORT_CO_ACTIVATE_VC', 'MINIPORT_CO_CREATE_VC', 'MINIPORT_CO_DEACTIVATE_VC', 'MINIPORT_CO_DELETE_VC',
      'MINIPORT_CO_OID_REQUEST', 'NdisClAddParty', 'NdisClGetProtocolVcContextFromTapiCallId',
      'NdisClIncomingCallComplete', 'NdisClMakeCall', 'NdisClNotifyCloseAddressFamilyComplete',
      'NdisCmAddPartyComplete', 'NdisCmCloseAddressFamilyComplete', 'NdisCmCloseCallComplete',
      'NdisCmDeregisterSapComplete', 'NdisCmDispatchIncomingCloseCall', 'NdisCmDispatchIncomingDropParty',
      'NdisCmDropPartyComplete', 'NdisCmMakeCallComplete', 'NdisCmModifyCallQoSComplete',
      'NdisCmNotifyCloseAddressFamily', 'NdisCmOpenAddressFamilyComplete', 'NdisCmRegisterAddressFamilyEx',
      'NdisCmRegisterSapComplete', 'NdisCoAssignInstanceName', 'NdisCoCreateVc', 'NdisCoDeleteVc',
      'NdisCoGetTapiCallId', 'NdisCoOidRequest', 'NdisCoOidRequestComplete', 'NdisMCmAddPartyComplete',
      'NdisMCmCloseAddressFamilyComplete', 'NdisMCmCloseCallComplete', 'NdisMCmCreateVc', 'NdisMCmDeactivateVc',
      'NdisMCmDeleteVc', 'NdisMCmDeregisterSapComplete', 'NdisMCmDispatchIncomingCloseCall',
      'NdisMCmDispatchIncomingDropParty', 'NdisMCmDropPartyComplete', 'NdisMCmMakeCallComplete',
      'NdisMCmModifyCallQoSComplete', 'NdisMCmOidRequest', 'NdisMCmOidRequestComplete',
      'NdisMCmOpenAddressFamilyComplete', 'NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterSapComplete',
      'NdisMCoActivateVcComplete', 'NdisMCoDeactivateVcComplete', 'NdisMCoOidRequestComplete',
      'PROTOCOL_CL_ADD_PARTY_COMPLETE', 'PROTOCOL_CL_CLOSE_AF_COMPLETE', 'PROTOCOL_CL_CLOSE_CALL_COMPLETE',
      'PROTOCOL_CL_DEREGISTER_SAP_COMPLETE', 'PROTOCOL_CL_DROP_PARTY_COMPLETE', 'PROTOCOL_CL_INCOMING_CALL',
      'PROTOCOL_CL_INCOMING_CLOSE_CALL', 'PROTOCOL_CL_INCOMING_DROP_PARTY', 'PROTOCOL_CL_MAKE_CALL_COMPLETE',
      'PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE', 'PROTOCOL_CL_NOTIFY_CLOSE_AF', 'PROTOCOL_CL_OPEN_AF_COMPLETE_EX',
      'PROTOCOL_CL_REGISTER_SAP_COMPLETE', 'PROTOCOL_CM_ACTIVATE_VC_COMPLETE', 'PROTOCOL_CM_ADD_PARTY',
      'PROTOCOL_CM_CLOSE_AF', 'PROTOCOL_CM_CLOSE_CALL', 'PROTOCOL_CM_DEREGISTER_SAP', 'PROTOCOL_CM_DROP_PARTY',
      'PROTOCOL_CM_MAKE_CALL', 'PROTOCOL_CM_MODIFY_QOS_CALL', 'PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE',
      'PROTOCOL_CM_OPEN_AF', 'PROTOCOL_CM_REG_SAP', 'PROTOCOL_CO_CREATE_VC', 'PROTOCOL_CO_DELETE_VC',
      'PROTOCOL_CO_OID_REQUEST', 'PROTOCOL_CO_OID_REQUEST_COMPLETE',
    ],
    summary: 'The operation is finished and succeeded; as the `Status` of a completion call it reports the final success of a pended operation.',
    remarks: [
      'When a CoNDIS call or handler returns it directly, the work is already done and no completion callback follows; the initiator runs its own completion logic. A handler that returns a final status must not also call the matching `*Complete` function: that completes the request twice.',
      'As the `Status` of a completion call it has consequences: after `NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, ...)` the VC can no longer carry data and the VC\'s creator deletes it. A CM should report success for a make-call only once `NdisCmActivateVc` has succeeded.',
      'Test for it by comparing with `NDIS_STATUS_SUCCESS`: `NDIS_STATUS` is signed and several non-success codes (`NDIS_STATUS_PENDING`, `NDIS_STATUS_NOT_ACCEPTED`) are not negative, so a `>= 0` or `NT_SUCCESS` check treats them as success.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)STATUS_PENDING); value from marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h
    name: 'NDIS_STATUS_PENDING',
    kind: 'status',
    value: 0x00000103,
    alias: 'STATUS_PENDING',
    pagesMentioning: 65,
    pages: [
      'MINIPORT_CO_ACTIVATE_VC', 'MINIPORT_CO_CREATE_VC', 'MINIPORT_CO_DEACTIVATE_VC', 'MINIPORT_CO_DELETE_VC',
      'MINIPORT_CO_OID_REQUEST', 'NdisClAddParty', 'NdisClCloseAddressFamily', 'NdisClCloseCall',
      'NdisClDeregisterSap', 'NdisClDropParty', 'NdisClIncomingCallComplete', 'NdisClMakeCall', 'NdisClModifyCallQoS',
      'NdisClNotifyCloseAddressFamilyComplete', 'NdisClOpenAddressFamilyEx', 'NdisClRegisterSap', 'NdisCmActivateVc',
      'NdisCmAddPartyComplete', 'NdisCmCloseAddressFamilyComplete', 'NdisCmCloseCallComplete', 'NdisCmDeactivateVc',
      'NdisCmDeregisterSapComplete', 'NdisCmDispatchIncomingCall', 'NdisCmDropPartyComplete',
      'NdisCmMakeCallComplete', 'NdisCmModifyCallQoSComplete', 'NdisCmNotifyCloseAddressFamily',
      'NdisCmOpenAddressFamilyComplete', 'NdisCmRegisterSapComplete', 'NdisCoOidRequest', 'NdisCoOidRequestComplete',
      'NdisMCmActivateVc', 'NdisMCmAddPartyComplete', 'NdisMCmCloseAddressFamilyComplete', 'NdisMCmCloseCallComplete',
      'NdisMCmDeregisterSapComplete', 'NdisMCmDropPartyComplete', 'NdisMCmMakeCallComplete',
      'NdisMCmModifyCallQoSComplete', 'NdisMCmNotifyCloseAddressFamily', 'NdisMCmOidRequest',
      'NdisMCmOidRequestComplete', 'NdisMCmOpenAddressFamilyComplete', 'NdisMCmRegisterSapComplete',
      'NdisMCoActivateVcComplete', 'NdisMCoDeactivateVcComplete', 'NdisMCoOidRequestComplete',
      'PROTOCOL_CL_INCOMING_CALL', 'PROTOCOL_CL_NOTIFY_CLOSE_AF', 'PROTOCOL_CM_ADD_PARTY', 'PROTOCOL_CM_CLOSE_AF',
      'PROTOCOL_CM_CLOSE_CALL', 'PROTOCOL_CM_DEACTIVATE_VC_COMPLETE', 'PROTOCOL_CM_DEREGISTER_SAP',
      'PROTOCOL_CM_DROP_PARTY', 'PROTOCOL_CM_INCOMING_CALL_COMPLETE', 'PROTOCOL_CM_MAKE_CALL',
      'PROTOCOL_CM_MODIFY_QOS_CALL', 'PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE', 'PROTOCOL_CM_OPEN_AF',
      'PROTOCOL_CM_REG_SAP', 'PROTOCOL_CO_CREATE_VC', 'PROTOCOL_CO_DELETE_VC', 'PROTOCOL_CO_OID_REQUEST',
      'PROTOCOL_CO_OID_REQUEST_COMPLETE',
    ],
    summary: 'The request was accepted but finishes later: the party that pended it owes exactly one matching completion call, which carries the final status.',
    remarks: [
      'The contract: a handler that returns `NDIS_STATUS_PENDING` takes ownership of the request and must later call the matching completion function exactly once, for example `ProtocolCmCloseCall` then `NdisCmCloseCallComplete` (`NdisMCmCloseCallComplete` in an MCM), or `MiniportCoOidRequest` then `NdisMCoOidRequestComplete`. An initiator that gets `NDIS_STATUS_PENDING` back (from `NdisClCloseCall`, `NdisClMakeCall`, `NdisCoOidRequest`...) must wait for its completion callback instead of treating the call as finished. Completing synchronously and then returning PENDING, or returning PENDING with no completion ever made, breaks the contract.',
      'It is never a valid `Status` for any `*Complete` call (`NdisCmCloseCallComplete`, `NdisClIncomingCallComplete`, `NdisMCoActivateVcComplete`, `NdisCoOidRequestComplete`, ...): a completion always reports a final result.',
      'It is never a valid return from `ProtocolCoCreateVc`, `ProtocolCoDeleteVc`, `MiniportCoCreateVc` or `MiniportCoDeleteVc`: VC creation and deletion have no completion path and must finish synchronously. `NdisCoSendNetBufferLists` returns nothing; sends always come back through `ProtocolCoSendNetBufferListsComplete`.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)STATUS_INSUFFICIENT_RESOURCES); value from marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h
    name: 'NDIS_STATUS_RESOURCES',
    kind: 'status',
    value: 0xC000009A,
    alias: 'STATUS_INSUFFICIENT_RESOURCES',
    pagesMentioning: 20,
    pages: [
      'MINIPORT_CO_ACTIVATE_VC', 'MINIPORT_CO_CREATE_VC', 'NdisCmRegisterAddressFamilyEx', 'NdisCoAssignInstanceName',
      'NdisCoCreateVc', 'NdisCoOidRequest', 'NdisMCmCreateVc', 'NdisMCmOidRequest', 'NdisMCmRegisterAddressFamilyEx',
      'PROTOCOL_CL_ADD_PARTY_COMPLETE', 'PROTOCOL_CL_MAKE_CALL_COMPLETE', 'PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE',
      'PROTOCOL_CL_OPEN_AF_COMPLETE_EX', 'PROTOCOL_CL_REGISTER_SAP_COMPLETE', 'PROTOCOL_CM_ADD_PARTY',
      'PROTOCOL_CM_MAKE_CALL', 'PROTOCOL_CM_MODIFY_QOS_CALL', 'PROTOCOL_CM_OPEN_AF', 'PROTOCOL_CM_REG_SAP',
      'PROTOCOL_CO_CREATE_VC',
    ],
    summary: 'An allocation failed: NDIS or a driver could not get the memory or other resources the operation needed.',
    remarks: [
      'NDIS returns it from calls such as `NdisCoCreateVc`, `NdisMCmCreateVc`, `NdisCoAssignInstanceName`, `NdisCoOidRequest` and the `*RegisterAddressFamilyEx` functions when it cannot allocate its own state.',
      'Drivers return it from handlers that cannot set up per-object state, for example `ProtocolCoCreateVc`, `MiniportCoCreateVc`, `MiniportCoActivateVc`, `ProtocolCmOpenAf`, `ProtocolCmMakeCall` or `ProtocolCmRegisterSap`; clients then see it as the `Status` of the matching completion callback. Release whatever was already set up, such as a VC created for the failed call.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)STATUS_UNSUCCESSFUL); value from marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h
    name: 'NDIS_STATUS_FAILURE',
    kind: 'status',
    value: 0xC0000001,
    alias: 'STATUS_UNSUCCESSFUL',
    pagesMentioning: 19,
    pages: [
      'NdisClAddParty', 'NdisClDeregisterSap', 'NdisClGetProtocolVcContextFromTapiCallId', 'NdisCmMakeCallComplete',
      'NdisCmRegisterAddressFamilyEx', 'NdisCoAssignInstanceName', 'NdisCoCreateVc', 'NdisCoOidRequest',
      'NdisMCmCreateVc', 'NdisMCmMakeCallComplete', 'NdisMCmOidRequest', 'NdisMCmRegisterAddressFamilyEx',
      'PROTOCOL_CL_ADD_PARTY_COMPLETE', 'PROTOCOL_CL_CLOSE_AF_COMPLETE', 'PROTOCOL_CL_DEREGISTER_SAP_COMPLETE',
      'PROTOCOL_CL_DROP_PARTY_COMPLETE', 'PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE', 'PROTOCOL_CL_OPEN_AF_COMPLETE_EX',
      'PROTOCOL_CM_MODIFY_QOS_CALL',
    ],
    summary: 'A generic failure with no more specific code: the operation did not happen.',
    remarks: [
      'Examples from the CoNDIS pages: `NdisCoCreateVc` reports it for an invalid AF handle, `NdisClGetProtocolVcContextFromTapiCallId` when no VC matches the identifier, and call managers use it as a failing `Status` in completions such as `NdisCmMakeCallComplete`.',
      'Prefer a more specific code when one fits (`NDIS_STATUS_RESOURCES`, `NDIS_STATUS_INVALID_DATA`, `NDIS_STATUS_NOT_SUPPORTED`), since peers may react differently to each.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC0010015L)
    name: 'NDIS_STATUS_INVALID_DATA',
    kind: 'status',
    value: 0xC0010015,
    alias: null,
    pagesMentioning: 11,
    pages: [
      'MINIPORT_CO_ACTIVATE_VC', 'MINIPORT_CO_OID_REQUEST', 'NdisCoGetTapiCallId', 'NdisCoOidRequest',
      'NdisMCmOidRequest', 'PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE', 'PROTOCOL_CL_REGISTER_SAP_COMPLETE',
      'PROTOCOL_CM_CLOSE_CALL', 'PROTOCOL_CM_DROP_PARTY', 'PROTOCOL_CM_MODIFY_QOS_CALL', 'PROTOCOL_CM_REG_SAP',
    ],
    summary: 'The request carried data the receiver cannot accept: malformed or unsupported parameters, SAP contents, close or drop data, or an invalid handle.',
    remarks: [
      'Call managers return it from `ProtocolCmCloseCall` or `ProtocolCmDropParty` when close or drop data was supplied but the medium cannot send any, and from `ProtocolCmRegisterSap` or `ProtocolCmModifyCallQoS` for SAPs or call parameters they cannot use.',
      'On the request path it signals bad OID contents (`NdisCoOidRequest`, `MiniportCoOidRequest`). `NdisCoGetTapiCallId` uses it for a VC handle that is not valid.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)STATUS_NOT_SUPPORTED); value from marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntstatus.h
    name: 'NDIS_STATUS_NOT_SUPPORTED',
    kind: 'status',
    value: 0xC00000BB,
    alias: 'STATUS_NOT_SUPPORTED',
    pagesMentioning: 8,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoOidRequest', 'NdisMCmOidRequest', 'PROTOCOL_CL_INCOMING_CALL',
      'PROTOCOL_CM_ADD_PARTY', 'PROTOCOL_CM_MAKE_CALL', 'PROTOCOL_CM_MODIFY_QOS_CALL', 'PROTOCOL_CO_OID_REQUEST',
    ],
    summary: 'The receiver understood the request but does not support it: the operation, the option (such as multipoint or a QoS change) or the OID.',
    remarks: [
      'Call managers return it from `ProtocolCmMakeCall`, `ProtocolCmAddParty` or `ProtocolCmModifyCallQoS` for features they do not offer, and clients may use it to turn down an incoming call. On the OID path it means the target does not handle that OID or operation.',
      'A stand-alone call manager must fill in every handler of `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS`; handlers for operations it does not implement should simply return `NDIS_STATUS_NOT_SUPPORTED`.',
    ],
  },
  {
    // Verified: docs placeholder only; absent from the status-code blocks of MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h
    name: 'NDIS_STATUS_XXX',
    kind: 'status',
    value: null,
    alias: null,
    pagesMentioning: 8,
    pages: [
      'NdisClNotifyCloseAddressFamilyComplete', 'PROTOCOL_CL_ADD_PARTY_COMPLETE', 'PROTOCOL_CL_CLOSE_CALL_COMPLETE',
      'PROTOCOL_CL_DEREGISTER_SAP_COMPLETE', 'PROTOCOL_CL_MAKE_CALL_COMPLETE', 'PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE',
      'PROTOCOL_CL_REGISTER_SAP_COMPLETE', 'PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE',
    ],
    summary: 'Documentation placeholder for whatever other status a driver chooses; it is not a real constant and has no value.',
    remarks: [
      'The reference pages write `NDIS_STATUS_XXX` to mean "any other appropriate status", mostly in the `Status` descriptions of completion callbacks such as `ProtocolClMakeCallComplete`. `ndis.h` does not define it, so code must use a concrete `NDIS_STATUS_*` name.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0x00010003L)
    name: 'NDIS_STATUS_NOT_ACCEPTED',
    kind: 'status',
    value: 0x00010003,
    alias: null,
    pagesMentioning: 7,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoDeleteVc', 'NdisCoOidRequest', 'NdisMCmDeactivateVc', 'NdisMCmDeleteVc',
      'PROTOCOL_CM_CLOSE_AF', 'PROTOCOL_CO_DELETE_VC',
    ],
    summary: 'The request was refused in the object\'s current state, for example deleting a VC that is still active.',
    remarks: [
      '`NdisCoDeleteVc` and `NdisMCmDeleteVc` return it while the VC still has a call or has not been deactivated; close the call and let deactivation finish first. `NdisMCmDeactivateVc` and the close-AF and delete-VC handler pages use it for similar state conflicts, and it also appears on the OID request path.',
      'Pitfall: its value is positive (success severity), so a `>= 0` or `NT_SUCCESS`-style check would count it as success. Compare against `NDIS_STATUS_SUCCESS` instead.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC0010016L) -- a literal, not STATUS_BUFFER_TOO_SMALL
    name: 'NDIS_STATUS_BUFFER_TOO_SHORT',
    kind: 'status',
    value: 0xC0010016,
    alias: null,
    pagesMentioning: 6,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoGetTapiCallId', 'NdisCoOidRequest', 'NdisMCmOidRequest',
      'PROTOCOL_CO_OID_REQUEST', 'PROTOCOL_CO_OID_REQUEST_COMPLETE',
    ],
    summary: 'The caller\'s buffer is too small for the information requested by an OID query or a TAPI call-ID lookup.',
    remarks: [
      'For OID requests, the target reports how many bytes it needs in the `NDIS_OID_REQUEST`; retry with a buffer of that size. `NdisCoGetTapiCallId` reports the needed size in the `VAR_STRING` instead.',
      'It is an NDIS-specific code, not the NTSTATUS `STATUS_BUFFER_TOO_SMALL`.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC0010014L) -- a literal, not STATUS_INVALID_BUFFER_SIZE
    name: 'NDIS_STATUS_INVALID_LENGTH',
    kind: 'status',
    value: 0xC0010014,
    alias: null,
    pagesMentioning: 5,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoOidRequest', 'NdisMCmOidRequest', 'PROTOCOL_CO_OID_REQUEST',
      'PROTOCOL_CO_OID_REQUEST_COMPLETE',
    ],
    summary: 'The information-buffer length given with an OID request does not fit what that OID requires.',
    remarks: [
      'Returned on the OID path (`NdisCoOidRequest`, `MiniportCoOidRequest`, `ProtocolCoOidRequest`) and seen again in `ProtocolCoOidRequestComplete`. The target fills in the number of bytes it needs in the `NDIS_OID_REQUEST` so the caller can retry.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC001000CL) -- a literal, not STATUS_REQUEST_ABORTED
    name: 'NDIS_STATUS_REQUEST_ABORTED',
    kind: 'status',
    value: 0xC001000C,
    alias: null,
    pagesMentioning: 5,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoOidRequest', 'NdisMCmOidRequest', 'NdisMCmOidRequestComplete',
      'NdisMCoOidRequestComplete',
    ],
    summary: 'An OID request was abandoned before it finished, for example because it was cancelled or overtaken by an adapter reset.',
    remarks: [
      'A miniport or MCM may complete a pended OID request with it (`NdisMCoOidRequestComplete`, `NdisMCmOidRequestComplete`); the requester then sees it in `ProtocolCoOidRequestComplete` and can retry later if the request still matters.',
      'It is an NDIS-specific literal, not the NTSTATUS `STATUS_REQUEST_ABORTED`.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC0010017L)
    name: 'NDIS_STATUS_INVALID_OID',
    kind: 'status',
    value: 0xC0010017,
    alias: null,
    pagesMentioning: 3,
    pages: [
      'MINIPORT_CO_OID_REQUEST', 'NdisCoOidRequest', 'NdisMCmOidRequest',
    ],
    summary: 'The target driver does not recognise the OID in the request.',
    remarks: [
      '`MiniportCoOidRequest` returns it for OIDs it does not know, and the requester gets it back from `NdisCoOidRequest` or `NdisMCmOidRequest` (or in `ProtocolCoOidRequestComplete` when the request was pended).',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h: no NDIS_STATUS value of this name in its status-code blocks; the name is the structure type behind PNDIS_STATUS_INDICATION (e.g. the NdisMCoIndicateStatusEx prototype); NDIS_OBJECT_TYPE_STATUS_INDICATION = 0x98 in marlersoft/microsoft_windows_sdk_cpp@16b53593 shared/ntddndis.h
    name: 'NDIS_STATUS_INDICATION',
    kind: 'status',
    value: null,
    alias: null,
    pagesMentioning: 2,
    pages: [
      'NdisMCoIndicateStatusEx', 'PROTOCOL_CO_STATUS_EX',
    ],
    summary: 'Not a status code: in `ndis.h` this name is the structure type that carries an NDIS 6 status indication.',
    remarks: [
      '`ndis.h` defines no `NDIS_STATUS` value called `NDIS_STATUS_INDICATION`. The name refers to the `NDIS_STATUS_INDICATION` structure: `NdisMCoIndicateStatusEx` takes a pointer to one, and `ProtocolCoStatusEx` receives it. The actual status travels in its `StatusCode` member.',
      'The structure\'s header type is `NDIS_OBJECT_TYPE_STATUS_INDICATION`, which is the marker the CoNDIS pages refer to. Never compare an `NDIS_STATUS` against this name.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC0010002L)
    name: 'NDIS_STATUS_CLOSING',
    kind: 'status',
    value: 0xC0010002,
    alias: null,
    pagesMentioning: 2,
    pages: [
      'NdisCoDeleteVc', 'NdisCoOidRequest',
    ],
    summary: 'The binding or VC is already being torn down, so the request is not carried out.',
    remarks: [
      '`NdisCoDeleteVc` returns it for a redundant delete while deactivation of the VC is still pending: wait for the deactivation to finish rather than retrying in a loop. `NdisCoOidRequest` returns it when the binding is closing; stop issuing requests on that binding.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0x00010001L)
    name: 'NDIS_STATUS_NOT_RECOGNIZED',
    kind: 'status',
    value: 0x00010001,
    alias: null,
    pagesMentioning: 2,
    pages: [
      'NdisCoOidRequest', 'NdisMCmOidRequest',
    ],
    summary: 'The target did not recognise the request, typically an OID it does not handle.',
    remarks: [
      'Listed for `NdisCoOidRequest` and `NdisMCmOidRequest`. Its value is positive, so test it explicitly rather than with a `>= 0` success check.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC001000EL)
    name: 'NDIS_STATUS_CLOSING_INDICATING',
    kind: 'status',
    value: 0xC001000E,
    alias: null,
    pagesMentioning: 1,
    pages: [
      'NdisCoOidRequest',
    ],
    summary: 'The binding is closing while NDIS is in the middle of an indication, so the request is refused.',
    remarks: [
      'Listed only on the `NdisCoOidRequest` page. Handle it like `NDIS_STATUS_CLOSING`: the binding is going away and no further requests should be sent on it.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0xC001000DL)
    name: 'NDIS_STATUS_RESET_IN_PROGRESS',
    kind: 'status',
    value: 0xC001000D,
    alias: null,
    pagesMentioning: 1,
    pages: [
      'NdisCoOidRequest',
    ],
    summary: 'The underlying adapter is resetting, so the request cannot be handled right now.',
    remarks: [
      'Listed on the `NdisCoOidRequest` page. The request was not carried out; retry once the reset has finished, if it still matters.',
    ],
  },
  {
    // Verified: MuAlphaOmegaEpsilon/wdk-10@951d29a5 km/ndis.h ((NDIS_STATUS)0x40010004L), in the status-indication block
    name: 'NDIS_STATUS_RESET_START',
    kind: 'status',
    value: 0x40010004,
    alias: null,
    pagesMentioning: 1,
    pages: [
      'NdisCoOidRequest',
    ],
    summary: 'Status-indication code meaning that an adapter reset has begun; it reports an event rather than the failure of a request.',
    remarks: [
      'It is defined among the status-indication codes (informational severity) and is listed on the `NdisCoOidRequest` page in connection with adapter resets. Treat the adapter as busy until the matching `NDIS_STATUS_RESET_END` indication arrives.',
    ],
  },
];
