// Our own prose for the CoNDIS functions whose names start with NdisCl, NdisCo or NdisMCo (34 api.tsv rows).
// Facts (prototype, IRQL, minimum NDIS version) are shown separately from facts.generated.ts; this file only
// explains obligations, ordering and pitfalls, written in the project's words from /work/shared/condis.
import type { EntryProse } from '../types';

export const CLIENT_AND_COMMON_FUNCTION_PROSE: Record<string, EntryProse> = {
  NdisClAddParty: {
    summary: 'Client request to add another party to a multipoint call that the client set up on a VC it created.',
    remarks: [
      'The VC must already carry an established multipoint call (made with `NdisClMakeCall`). NDIS forwards the request to the call manager\'s `ProtocolCmAddParty`.',
      'If this returns `NDIS_STATUS_PENDING`, the outcome arrives later in `ProtocolClAddPartyComplete` (after the CM calls `NdisCmAddPartyComplete` / `NdisMCmAddPartyComplete`). On any other return the client runs its add-party completion logic itself.',
      'Allocate `CallParameters` from resident (nonpaged) memory and keep it, and the party context, alive until the operation has completed.',
      'The return value is `_Must_inspect_result_`: ignoring it, especially a PENDING, loses track of the party.',
    ],
    params: {
      NdisVcHandle: 'Handle of the multipoint VC the client created with `NdisCoCreateVc` and on which the call is active.',
      ProtocolPartyContext: 'Client-owned context for the new party; NDIS hands it back in later calls about this party.',
      CallParameters: 'Call parameters for the party being added (`CO_CALL_PARAMETERS`); the call manager may update them.',
      NdisPartyHandle: 'Receives the NDIS handle for the new party; treat it as usable only once the add has succeeded.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the result is delivered to `ProtocolClAddPartyComplete`. `NDIS_STATUS_SUCCESS`: the party was added synchronously. Any other value is a failure status from NDIS or the call manager.',
  },

  NdisClCloseAddressFamily: {
    summary: 'Client releases its open of a call manager\'s address family, ending its association with that call manager.',
    remarks: [
      'Tear down first: close every call on the AF (`NdisClCloseCall`), deregister its SAPs (`NdisClDeregisterSap`) and delete the VCs the client created. This is typically done while unbinding (`ProtocolUnbindAdapterEx`) or after the CM asked for the close.',
      'NDIS passes the request to the call manager\'s `ProtocolCmCloseAf`. A `NDIS_STATUS_PENDING` return means the result comes later in `ProtocolClCloseAfComplete`.',
      'Once the close has succeeded, `NdisAfHandle` is no longer valid. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisAfHandle: 'The AF handle the client obtained from `NdisClOpenAddressFamilyEx`.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: completion arrives in `ProtocolClCloseAfComplete`. `NDIS_STATUS_SUCCESS`: the AF is closed now. Any other value is a failure reported by NDIS or the call manager.',
  },

  NdisClCloseCall: {
    summary: 'Client tears down a call on a VC, or the last remaining party of a multipoint call, optionally sending close data.',
    remarks: [
      'Before calling: stop sending on the VC and let every outstanding send come back through `ProtocolCoSendNetBufferListsComplete`. On a client-created multipoint VC, first drop all parties but the last with `NdisClDropParty`. No `NdisCoSendNetBufferLists` on this VC after the close call.',
      'NDIS marks the VC as closing and calls the CM\'s `ProtocolCmCloseCall`, which deactivates the VC. `NDIS_STATUS_PENDING` means the result arrives in `ProtocolClCloseCallComplete` (after `NdisCmCloseCallComplete` / `NdisMCmCloseCallComplete`); on any other return the client runs its close-complete logic itself.',
      'This is also the required answer to `ProtocolClIncomingCloseCall`. After a successful close, the creator of the VC deletes it: the client calls `NdisCoDeleteVc` for VCs it created.',
      'The result is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC whose call is being closed.',
      NdisPartyHandle: '`NULL` for a point-to-point call; for a multipoint call, the handle of the last remaining party.',
      Buffer: 'Optional close data to send to the remote side, if the medium supports it; `NULL` when there is none.',
      Size: 'Length in bytes of `Buffer`; zero when `Buffer` is `NULL`.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the call manager finishes later and NDIS calls `ProtocolClCloseCallComplete`. `NDIS_STATUS_SUCCESS`: the call is closed. Other values are failures; for example a CM may reject close data it cannot send (`NDIS_STATUS_INVALID_DATA`).',
  },

  NdisClDeregisterSap: {
    summary: 'Client withdraws a service access point it registered, so the call manager stops offering it incoming calls for that SAP.',
    remarks: [
      'NDIS forwards the request to the call manager\'s `ProtocolCmDeregisterSap`. If the call returns `NDIS_STATUS_PENDING`, the outcome is reported later in `ProtocolClDeregisterSapComplete`.',
      'Deregister every SAP before closing the address family with `NdisClCloseAddressFamily`. The `NdisSapHandle` must not be used once deregistration has succeeded.',
      'The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisSapHandle: 'The SAP handle NDIS returned from `NdisClRegisterSap` (directly or through `ProtocolClRegisterSapComplete`).',
    },
    returns:
      '`NDIS_STATUS_PENDING`: completion comes through `ProtocolClDeregisterSapComplete`. `NDIS_STATUS_SUCCESS`: the SAP is gone. A failure status such as `NDIS_STATUS_FAILURE` means the SAP could not be deregistered.',
  },

  NdisClDropParty: {
    summary: 'Client removes one party from a multipoint call, optionally passing drop data, while leaving the rest of the call in place.',
    remarks: [
      'Use it for every party except the last; the last party goes away with `NdisClCloseCall`. It is also how the client answers `ProtocolClIncomingDropParty`.',
      'NDIS calls the call manager\'s `ProtocolCmDropParty`. `NDIS_STATUS_PENDING` means the outcome arrives later in `ProtocolClDropPartyComplete`; otherwise the client completes its own bookkeeping.',
      'After a successful drop the party handle is dead. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisPartyHandle: 'Handle of the party to remove, as returned when the party was added or the multipoint call was made.',
      Buffer: 'Optional data to send to the party being dropped, if the medium supports it; `NULL` for none.',
      Size: 'Length in bytes of `Buffer`; zero when there is no drop data.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the result is delivered to `ProtocolClDropPartyComplete`. `NDIS_STATUS_SUCCESS`: the party was dropped. Other values are failures, such as a CM that cannot carry drop data returning `NDIS_STATUS_INVALID_DATA`.',
  },

  NdisClGetProtocolVcContextFromTapiCallId: {
    summary: 'Maps a TAPI call identifier string back to the client\'s own context for the matching VC.',
    remarks: [
      'This is the reverse of `NdisCoGetTapiCallId`: the client hands TAPI applications the string identifier for a VC, and when an application later refers to that identifier, this call finds the client\'s `ProtocolVcContext` again.',
      'Caveat: it must be called at exactly `DISPATCH_LEVEL` (the header requires both a maximum and a minimum of DISPATCH); raise IRQL first when calling from passive code.',
      'The return value is `_Must_inspect_result_`; the context output is meaningful only on success.',
    ],
    params: {
      TapiCallId: 'The TAPI call identifier, as a Unicode string, that was previously obtained for the VC through `NdisCoGetTapiCallId`.',
      ProtocolVcContext: 'Receives the client\'s per-VC context for the VC that the identifier names.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS`: `ProtocolVcContext` now holds the matching context. `NDIS_STATUS_FAILURE`: no VC matches the identifier.',
  },

  NdisClIncomingCallComplete: {
    summary: 'Client gives its final accept-or-reject answer to an incoming call after its `ProtocolClIncomingCall` handler returned `NDIS_STATUS_PENDING`.',
    remarks: [
      'Call it exactly once per pended incoming call; never when the handler already returned a final status.',
      'NDIS then calls the call manager\'s `ProtocolCmIncomingCallComplete`. If the client accepted, the CM follows up with `NdisCmDispatchCallConnected` and the client sees `ProtocolClCallConnected`; do not send on the VC before that.',
      '`Status` must never be `NDIS_STATUS_PENDING`.',
    ],
    params: {
      Status: '`NDIS_STATUS_SUCCESS` to accept the call, or a failure status to reject it. Never `NDIS_STATUS_PENDING`.',
      NdisVcHandle: 'Handle of the CM-created VC on which the call was offered (the handle NDIS gave the client in `ProtocolCoCreateVc`).',
      CallParameters: 'The call parameters for the offered call, as received in `ProtocolClIncomingCall`, possibly adjusted by the client when accepting.',
    },
  },

  NdisClMakeCall: {
    summary: 'Client places an outgoing call on a VC it created, handing the call parameters to the call manager for signalling.',
    remarks: [
      'Create the VC with `NdisCoCreateVc` first. For a multipoint call supply a party context and receive the initial party handle; for point-to-point pass `NULL` for both.',
      'NDIS calls the CM\'s `ProtocolCmMakeCall`; the CM negotiates with the network and activates the VC. `NDIS_STATUS_PENDING` means the outcome arrives in `ProtocolClMakeCallComplete` (after `NdisCmMakeCallComplete` / `NdisMCmMakeCallComplete`).',
      'Do not transfer data on the VC until the call has succeeded. Keep `CallParameters` in resident memory until completion; the CM may rewrite it.',
      'The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC the client created with `NdisCoCreateVc` for this call.',
      CallParameters: 'Requested call parameters (`CO_CALL_PARAMETERS`); the call manager may modify them to reflect what was negotiated.',
      ProtocolPartyContext: 'Client context for the first party of a multipoint call; `NULL` for a point-to-point call.',
      NdisPartyHandle: 'For a multipoint call, receives the handle of the initial party; `NULL` for a point-to-point call.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the call completes later in `ProtocolClMakeCallComplete`. `NDIS_STATUS_SUCCESS`: the call is up and the VC is active. Other values report why the call could not be made (for example `NDIS_STATUS_RESOURCES`).',
  },

  NdisClModifyCallQoS: {
    summary: 'Client asks the call manager to change the quality-of-service parameters of a call that is already established.',
    remarks: [
      'NDIS forwards the request to the CM\'s `ProtocolCmModifyCallQoS`. The CM may refuse changes it cannot make, for example with `NDIS_STATUS_NOT_SUPPORTED`.',
      'If the call returns `NDIS_STATUS_PENDING`, the outcome is delivered to `ProtocolClModifyCallQoSComplete`. Until then the previous parameters stay in effect.',
      'The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC whose active call should be modified.',
      CallParameters: 'The requested new call parameters (`CO_CALL_PARAMETERS`).',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the answer arrives in `ProtocolClModifyCallQoSComplete`. `NDIS_STATUS_SUCCESS`: the new parameters are in force. Any other value means the change was rejected.',
  },

  NdisClNotifyCloseAddressFamilyComplete: {
    summary: 'Client reports the final result of a call-manager-requested address-family close that its `ProtocolClNotifyCloseAf` handler pended.',
    remarks: [
      'Use it only after `ProtocolClNotifyCloseAf` returned `NDIS_STATUS_PENDING`, and only once. Before reporting success, the client should have dropped parties, closed its calls and cleaned up its per-AF state.',
      'NDIS then calls the call manager\'s `ProtocolCmNotifyCloseAfComplete`.',
      '`Status` must never be `NDIS_STATUS_PENDING`.',
    ],
    params: {
      NdisAfHandle: 'The AF handle the client received when it opened the address family with `NdisClOpenAddressFamilyEx`.',
      Status: '`NDIS_STATUS_SUCCESS` if the client closed the AF, or a driver-chosen failure status. Never `NDIS_STATUS_PENDING`.',
    },
  },

  NdisClOpenAddressFamily: {
    summary: 'Legacy NDIS 5 way for a client to open a call manager\'s address family; NDIS 6 clients use `NdisClOpenAddressFamilyEx` instead.',
    remarks: [
      'Legacy NDIS 5 only: the declaration exists only when `NDIS_LEGACY_PROTOCOL` is set. The NDIS 6 replacement is `NdisClOpenAddressFamilyEx`, which drops the characteristics arguments because NDIS 6 clients register their handlers with `NdisSetOptionalHandlers`.',
      'Like its successor it runs at `PASSIVE_LEVEL` only and its result is `_Must_inspect_result_`.',
    ],
    params: {
      NdisBindingHandle: 'Binding handle for the adapter on which the address family was announced.',
      AddressFamily: 'The address family (`CO_ADDRESS_FAMILY`) being opened, as announced to the client.',
      ProtocolAfContext: 'Client context for this AF open; NDIS passes it back in later calls about the AF.',
      ClCharacteristics: 'NDIS 5 table of client entry points (`NDIS_CLIENT_CHARACTERISTICS`) used for this AF.',
      SizeOfClCharacteristics: 'Size in bytes of the structure at `ClCharacteristics`.',
      NdisAfHandle: 'Receives the AF handle once the open succeeds.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS` when the AF was opened, `NDIS_STATUS_PENDING` when the NDIS 5 open-AF completion handler will report the result later, or a failure status.',
  },

  NdisClOpenAddressFamilyEx: {
    summary: 'Client opens a call manager\'s address family on a binding, which is the prerequisite for SAPs, VCs and calls on that AF.',
    remarks: [
      'Usually called from `ProtocolCoAfRegisterNotify` when NDIS announces an AF. The client\'s CoNDIS handlers (`NDIS_CO_CLIENT_OPTIONAL_HANDLERS`) must already be registered.',
      'Caveat: `PASSIVE_LEVEL` only. Do not call it from a handler that can run at DISPATCH or while holding a spin lock.',
      'NDIS calls the CM\'s `ProtocolCmOpenAf`. `NDIS_STATUS_PENDING` means the result comes in `ProtocolClOpenAfCompleteEx` (after `NdisCmOpenAddressFamilyComplete` / `NdisMCmOpenAddressFamilyComplete`).',
      'The return value is `_Must_inspect_result_`; close the AF later with `NdisClCloseAddressFamily`.',
    ],
    params: {
      NdisBindingHandle: 'Binding handle from `NdisOpenAdapterEx` for the adapter on which the AF was announced.',
      AddressFamily: 'The address family (`CO_ADDRESS_FAMILY`) to open, normally the one passed to `ProtocolCoAfRegisterNotify`.',
      ClientAfContext: 'Client-owned context for this AF open; NDIS passes it to the client\'s handlers that concern this AF.',
      NdisAfHandle: 'Receives the AF handle; rely on it only after the open has succeeded.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: completion arrives in `ProtocolClOpenAfCompleteEx`. `NDIS_STATUS_SUCCESS`: the AF is open and `NdisAfHandle` is valid. Other values mean the open failed.',
  },

  NdisClRegisterSap: {
    summary: 'Client registers a service access point with the call manager so that incoming calls addressed to it are offered to the client.',
    remarks: [
      'Requires an open address family. NDIS forwards the SAP to the CM\'s `ProtocolCmRegisterSap`, which may reject a malformed or unsupported SAP (for example with `NDIS_STATUS_INVALID_DATA`).',
      '`NDIS_STATUS_PENDING` means the outcome arrives later in `ProtocolClRegisterSapComplete`. Incoming calls on the SAP reach the client through `ProtocolClIncomingCall`.',
      'Deregister with `NdisClDeregisterSap` before closing the AF. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisAfHandle: 'The AF handle from `NdisClOpenAddressFamilyEx`.',
      ProtocolSapContext: 'Client context for this SAP; NDIS passes it back with incoming calls for the SAP.',
      Sap: 'The medium-specific SAP description (`CO_SAP`: type, length and address bytes).',
      NdisSapHandle: 'Receives the SAP handle once registration has succeeded.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: completion comes through `ProtocolClRegisterSapComplete`. `NDIS_STATUS_SUCCESS`: the SAP is registered. Other values mean the CM or NDIS refused it.',
  },

  NdisCoAssignInstanceName: {
    summary: 'Gives a VC a WMI-visible instance name, so that WMI clients can enumerate the VC and query or set OIDs on it.',
    remarks: [
      'Called by a client or stand-alone call manager after creating a VC with `NdisCoCreateVc`. MCM drivers cannot use it for their VCs.',
      'NDIS builds the instance name from the caller\'s base name plus an index and registers it with WMI. Naming an already named VC succeeds and returns the existing name; the name lasts until the VC is deleted.',
      'Caveat: must be called at exactly `DISPATCH_LEVEL`. Free the returned name buffer with `NdisFreeString` when no longer needed.',
      'The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC to name, as returned by `NdisCoCreateVc`.',
      BaseInstanceName: 'Caller-chosen base name that distinguishes this VC from other named VCs on the same miniport.',
      VcInstanceName: 'Optional; receives the full instance name NDIS assigned to the VC.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS`: the VC is named and registered with WMI. `NDIS_STATUS_RESOURCES`: NDIS could not allocate the name buffer. `NDIS_STATUS_FAILURE`: the name could not be assigned.',
  },

  NdisCoCreateVc: {
    summary: 'Creates a virtual connection endpoint: a client does this before an outgoing call, a stand-alone call manager before dispatching an incoming call.',
    remarks: [
      'Initialize the variable at `NdisVcHandle` to `NULL` before the call and save the handle NDIS writes there.',
      'NDIS informs the peer protocol through its `ProtocolCoCreateVc` and the miniport through `MiniportCoCreateVc`. Both must finish synchronously; neither may return `NDIS_STATUS_PENDING`.',
      'Only the creator may later delete the VC with `NdisCoDeleteVc`. MCM drivers use `NdisMCmCreateVc` instead.',
      'The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisBindingHandle: 'Binding handle from `NdisOpenAdapterEx` for the adapter the VC is created on.',
      NdisAfHandle: 'The AF handle the VC belongs to (for a client, from `NdisClOpenAddressFamilyEx`; for a CM, the one saved for that AF). A CM passes `NULL` for a VC it creates for its own use, such as signalling to a switch.',
      ProtocolVcContext: 'Caller-owned, resident per-VC context that NDIS passes back to the creator in later calls about this VC.',
      NdisVcHandle: 'Pointer to a variable that must be `NULL` on entry; on success NDIS stores the new VC handle in it.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS`: the VC exists. `NDIS_STATUS_RESOURCES`: NDIS ran out of memory. `NDIS_STATUS_FAILURE`: the AF handle was not valid. Other values are failures propagated from the miniport or peer. Never `NDIS_STATUS_PENDING`.',
  },

  NdisCoDeleteVc: {
    summary: 'Destroys a VC that the caller created with `NdisCoCreateVc`, once the VC has no call and has been deactivated.',
    remarks: [
      'Only the creator deletes: the client for VCs it created for outgoing calls, the stand-alone CM for VCs it created for incoming calls. MCM drivers call `NdisMCmDeleteVc` instead.',
      'Preconditions: no call on the VC (the close completed successfully) and the VC already deactivated (`NdisCmDeactivateVc` finished).',
      'NDIS calls `MiniportCoDeleteVc` and the peer\'s `ProtocolCoDeleteVc`; both are synchronous and may never return `NDIS_STATUS_PENDING`.',
      'When it returns, the handle is invalid: do not use it again. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC to destroy, as obtained from the caller\'s own `NdisCoCreateVc`.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS`: the VC is gone. `NDIS_STATUS_NOT_ACCEPTED`: the VC is still active, so it was not deleted. `NDIS_STATUS_CLOSING`: a redundant call while deactivation of the VC is still pending. Never `NDIS_STATUS_PENDING`.',
  },

  NdisCoGetTapiCallId: {
    summary: 'Retrieves the string that TAPI applications use to identify a particular VC.',
    remarks: [
      'Typical use: a client receives a CM-created VC for a TAPI call, fetches its identifier here and hands it to TAPI applications. When an application later returns that identifier, `NdisClGetProtocolVcContextFromTapiCallId` finds the VC again.',
      'Caveat: must be called at exactly `DISPATCH_LEVEL`.',
      'If the buffer is too small, NDIS reports the size it needs; retry with a larger `VAR_STRING` buffer. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisVcHandle: 'Handle of the VC, as assigned by NDIS when the VC was created.',
      TapiCallId: 'Caller-allocated `VAR_STRING` buffer; its total size is input, and on success it describes the identifier string.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS`: the identifier was returned. `NDIS_STATUS_BUFFER_TOO_SHORT`: the buffer is too small and its needed-size field now holds the required size. `NDIS_STATUS_INVALID_DATA`: the VC handle is not valid.',
  },

  NdisCoOidRequest: {
    summary: 'Sends an OID query or set from a client or stand-alone call manager to its CoNDIS peer, or to the underlying miniport.',
    remarks: [
      'The handles select the target: with a `NULL` AF handle the request goes to the miniport\'s `MiniportCoOidRequest`; with an AF handle it goes to the peer\'s `ProtocolCoOidRequest` (client to CM, or CM to client). VC and party handles narrow it to one VC or party.',
      'If the call returns `NDIS_STATUS_PENDING`, keep the `NDIS_OID_REQUEST` alive; the result arrives in `ProtocolCoOidRequestComplete`.',
      'MCM drivers use `NdisMCmOidRequest`. The return value is `_Must_inspect_result_`.',
    ],
    params: {
      NdisBindingHandle: 'Binding handle from `NdisOpenAdapterEx` for the adapter the request concerns.',
      NdisAfHandle: 'AF handle shared with the peer when the request is meant for the client or call manager; `NULL` to address the underlying miniport.',
      NdisVcHandle: 'Handle of the VC the request is about, or `NULL` when it is not VC-specific.',
      NdisPartyHandle: 'Handle of the party on a multipoint VC the request is about, or `NULL` when it is not party-specific.',
      OidRequest: 'Caller-allocated `NDIS_OID_REQUEST` describing the OID, the request type and the information buffer; results are written back into it.',
    },
    returns:
      '`NDIS_STATUS_PENDING`: the target will finish later and NDIS calls `ProtocolCoOidRequestComplete`. `NDIS_STATUS_SUCCESS`: done. Typical failures: `NDIS_STATUS_INVALID_OID` / `NDIS_STATUS_NOT_SUPPORTED` (OID unknown or unsupported), `NDIS_STATUS_BUFFER_TOO_SHORT` / `NDIS_STATUS_INVALID_LENGTH` (check the bytes-needed field), `NDIS_STATUS_RESOURCES`, `NDIS_STATUS_REQUEST_ABORTED`, `NDIS_STATUS_CLOSING`, `NDIS_STATUS_RESET_IN_PROGRESS`.',
  },

  NdisCoOidRequestComplete: {
    summary: 'Client or stand-alone call manager reports the final result of an OID request that its `ProtocolCoOidRequest` handler pended.',
    remarks: [
      'Call it exactly once for each request whose `ProtocolCoOidRequest` returned `NDIS_STATUS_PENDING`, and never for requests answered synchronously.',
      'NDIS then calls the requester\'s `ProtocolCoOidRequestComplete`. MCM drivers use the `NdisMCmOidRequestComplete` macro; miniports use `NdisMCoOidRequestComplete`.',
      '`Status` must never be `NDIS_STATUS_PENDING`.',
    ],
    params: {
      NdisAfHandle: 'The AF handle that NDIS associated with the request when it called `ProtocolCoOidRequest`.',
      NdisVcHandle: 'The VC handle that came with the request, or `NULL` if the request was not VC-specific.',
      NdisPartyHandle: 'The party handle that came with the request, or `NULL` if the request was not party-specific.',
      OidRequest: 'The same `NDIS_OID_REQUEST` that the handler received, now filled in with the results.',
      Status: 'Final status of the request: `NDIS_STATUS_SUCCESS` or a failure status. Never `NDIS_STATUS_PENDING`.',
    },
  },

  NdisCoRequest: {
    summary: 'Legacy NDIS 5 OID request between CoNDIS protocols or to the miniport, using `NDIS_REQUEST`; NDIS 6 drivers use `NdisCoOidRequest`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_PROTOCOL`). The NDIS 6 replacement is `NdisCoOidRequest`, which takes an `NDIS_OID_REQUEST`.',
      'The handle rules match the NDIS 6 call: a `NULL` AF handle addresses the miniport; VC and party handles narrow the scope. A pended request completes through the NDIS 5 request-complete handler.',
    ],
    params: {
      NdisBindingHandle: 'Binding handle for the adapter the request concerns.',
      NdisAfHandle: 'AF handle shared with the peer protocol, or `NULL` to address the underlying miniport.',
      NdisVcHandle: 'VC handle the request is about, or `NULL` when it is not VC-specific.',
      NdisPartyHandle: 'Party handle the request is about, or `NULL` when it is not party-specific.',
      NdisRequest: 'Caller-allocated NDIS 5 `NDIS_REQUEST` describing the OID and its buffer.',
    },
    returns:
      '`NDIS_STATUS_SUCCESS` when done, `NDIS_STATUS_PENDING` when the result will be delivered to the NDIS 5 request-complete handler, or a failure status.',
  },

  NdisCoRequestComplete: {
    summary: 'Legacy NDIS 5 completion of a pended CoNDIS protocol request; NDIS 6 drivers use `NdisCoOidRequestComplete`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_PROTOCOL`). It finishes a request that the NDIS 5 `ProtocolCoRequest` handler pended, after which NDIS calls the requester\'s NDIS 5 `ProtocolCoRequestComplete`.',
      'The NDIS 6 replacement is `NdisCoOidRequestComplete`. As with every completion call, `Status` must not be `NDIS_STATUS_PENDING`.',
    ],
    params: {
      Status: 'Final status of the request; never `NDIS_STATUS_PENDING`.',
      NdisAfHandle: 'The AF handle associated with the request.',
      NdisVcHandle: 'The VC handle of the request, or `NULL` if it was not VC-specific.',
      NdisPartyHandle: 'The party handle of the request, or `NULL` if it was not party-specific.',
      NdisRequest: 'The NDIS 5 `NDIS_REQUEST` that was pended, with its results filled in.',
    },
  },

  NdisCoSendNetBufferLists: {
    summary: 'Sends a chain of `NET_BUFFER_LIST` structures on an active VC; each list always comes back later through `ProtocolCoSendNetBufferListsComplete`.',
    remarks: [
      'Sending is always asynchronous: the function returns nothing, and every list is handed back with its own status in `ProtocolCoSendNetBufferListsComplete` (after the miniport calls `NdisMCoSendNetBufferListsComplete`). The caller must not touch the lists until then.',
      'Send only on a VC whose call is up. Once `NdisClCloseCall` has been called, or a close has completed, no further sends on that VC.',
      'Before closing a call, wait until every outstanding send has been returned.',
    ],
    params: {
      NdisVcHandle: 'Handle of the active VC to send on.',
      NetBufferLists: 'Linked list of `NET_BUFFER_LIST` structures to transmit; ownership passes to NDIS until they are returned.',
      SendFlags: 'Send flags combined with bitwise OR, for example `NDIS_SEND_FLAGS_DISPATCH_LEVEL` when the caller is already at DISPATCH; zero for none.',
    },
  },

  NdisCoSendPackets: {
    summary: 'Legacy NDIS 5 send of an `NDIS_PACKET` array on a VC; NDIS 6 drivers use `NdisCoSendNetBufferLists`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_PROTOCOL`). The NDIS 6 replacement is `NdisCoSendNetBufferLists`, which sends `NET_BUFFER_LIST` chains.',
      'Each packet is returned later through the NDIS 5 send-complete handler; the caller owns none of them until then. The same VC rules apply: send only on an active VC and never after the call has been closed.',
    ],
    params: {
      NdisVcHandle: 'Handle of the active VC to send on.',
      PacketArray: 'Array of pointers to the NDIS 5 packets to send.',
      NumberOfPackets: 'Number of entries in `PacketArray`.',
    },
  },

  NdisMCoActivateVcComplete: {
    summary: 'Miniport reports the final result of a VC activation that its `MiniportCoActivateVc` handler pended.',
    remarks: [
      'Call it once per pended activation, never after a synchronous return. NDIS then calls the call manager\'s `ProtocolCmActivateVcComplete`, which lets the CM finish the make-call or incoming-call sequence.',
      '`Status` must never be `NDIS_STATUS_PENDING`. On failure the VC stays inactive.',
    ],
    params: {
      Status: '`NDIS_STATUS_SUCCESS` if the VC is now active, or the failure status explaining why not. Never `NDIS_STATUS_PENDING`.',
      NdisVcHandle: 'The NDIS handle of the VC, as passed to `MiniportCoCreateVc`.',
      CallParameters: 'The call parameters that were given to `MiniportCoActivateVc` for this activation.',
    },
  },

  NdisMCoDeactivateVcComplete: {
    summary: 'Miniport reports the final result of a VC deactivation that its `MiniportCoDeactivateVc` handler pended.',
    remarks: [
      'Call it once per pended deactivation. NDIS then calls the call manager\'s `ProtocolCmDeactivateVcComplete`, which lets the CM continue tearing down the call.',
      '`Status` must never be `NDIS_STATUS_PENDING`. The VC handle stays valid after deactivation; the VC is removed later by its creator.',
    ],
    params: {
      Status: 'Final status of the deactivation; never `NDIS_STATUS_PENDING`.',
      NdisVcHandle: 'The NDIS handle of the VC, as passed to `MiniportCoCreateVc`.',
    },
  },

  NdisMCoIndicateReceiveNetBufferLists: {
    summary: 'CoNDIS miniport hands received data, as a chain of `NET_BUFFER_LIST` structures, up to the protocols bound to a VC.',
    remarks: [
      'Without `NDIS_RECEIVE_FLAGS_RESOURCES` the miniport gives up ownership of the lists until NDIS returns them through `MiniportReturnNetBufferLists`.',
      'With `NDIS_RECEIVE_FLAGS_RESOURCES` the miniport owns the lists again as soon as the call returns, and they are not returned separately; use this when the miniport is short of receive buffers.',
      'Keep `NumberOfNetBufferLists` equal to the actual length of the chain.',
    ],
    params: {
      NdisVcHandle: 'The NDIS handle of the VC the data arrived on, as received in `MiniportCoCreateVc`.',
      NetBufferLists: 'Linked list of miniport-allocated `NET_BUFFER_LIST` structures holding the received data.',
      NumberOfNetBufferLists: 'Number of lists in the `NetBufferLists` chain.',
      CoReceiveFlags: 'Receive flags combined with bitwise OR, such as `NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL` and `NDIS_RECEIVE_FLAGS_RESOURCES`; zero for none.',
    },
  },

  NdisMCoIndicateReceivePacket: {
    summary: 'Legacy NDIS 5 receive indication of an `NDIS_PACKET` array on a VC; NDIS 6 miniports use `NdisMCoIndicateReceiveNetBufferLists`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_MINIPORT`). The NDIS 6 replacement is `NdisMCoIndicateReceiveNetBufferLists`.',
      'Caveat: must be called at exactly `DISPATCH_LEVEL`. Packets flagged with `NDIS_STATUS_RESOURCES` belong to the miniport again on return; the others come back through the NDIS 5 return-packet handler. NDIS 5 miniports follow a batch of indications with `NdisMCoReceiveComplete`.',
    ],
    params: {
      NdisVcHandle: 'The NDIS handle of the VC the packets arrived on.',
      PacketArray: 'Array of pointers to the received NDIS 5 packets.',
      NumberOfPackets: 'Number of entries in `PacketArray`.',
    },
  },

  NdisMCoIndicateStatus: {
    summary: 'Legacy NDIS 5 status indication from a CoNDIS miniport; NDIS 6 miniports use `NdisMCoIndicateStatusEx`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_MINIPORT`). The NDIS 6 replacement is `NdisMCoIndicateStatusEx`, which wraps the status in an `NDIS_STATUS_INDICATION` structure.',
      'A `NULL` VC handle reports an adapter-wide change; a VC handle scopes the status to that VC.',
    ],
    params: {
      MiniportAdapterHandle: 'The adapter handle NDIS gave the miniport at initialization.',
      NdisVcHandle: 'Handle of the VC the status concerns, or `NULL` for an adapter-wide status.',
      GeneralStatus: 'The `NDIS_STATUS_*` code being indicated.',
      StatusBuffer: 'Optional status-specific data; `NULL` when the status carries none.',
      StatusBufferSize: 'Length in bytes of `StatusBuffer`; zero when there is no buffer.',
    },
  },

  NdisMCoIndicateStatusEx: {
    summary: 'CoNDIS miniport reports a status change, for the whole adapter or for one VC, to the overlying protocol drivers.',
    remarks: [
      'Pass a `NULL` VC handle for an adapter-wide event; pass the VC\'s NDIS handle to scope it to one VC. NDIS delivers it to the overlying drivers\' `ProtocolCoStatusEx`.',
      'Fill in the `NDIS_STATUS_INDICATION` structure completely: its header type is `NDIS_OBJECT_TYPE_STATUS_INDICATION`, the source handle is the adapter handle, and the status code plus optional buffer describe the event.',
    ],
    params: {
      MiniportAdapterHandle: 'The adapter handle NDIS passed to `MiniportInitializeEx`.',
      NdisVcHandle: 'Handle of the VC the status concerns (from `MiniportCoCreateVc`), or `NULL` for an adapter-wide status.',
      StatusIndication: 'Pointer to an `NDIS_STATUS_INDICATION` structure describing the status code and any status-specific data.',
    },
  },

  NdisMCoOidRequestComplete: {
    summary: 'CoNDIS miniport reports the final result of an OID request that its `MiniportCoOidRequest` handler pended.',
    remarks: [
      'Call it once for each request whose `MiniportCoOidRequest` returned `NDIS_STATUS_PENDING`. NDIS then calls the requesting driver\'s `ProtocolCoOidRequestComplete`.',
      '`Status` may be `NDIS_STATUS_SUCCESS`, `NDIS_STATUS_REQUEST_ABORTED` or another failure, but never `NDIS_STATUS_PENDING`.',
    ],
    params: {
      MiniportAdapterHandle: 'The adapter handle NDIS passed to `MiniportInitializeEx`.',
      NdisMiniportVcHandle: 'The NDIS handle of the VC the request targeted (received in `MiniportCoCreateVc`); the docs use `NULL` for a request that is not VC-specific.',
      Request: 'The `NDIS_OID_REQUEST` that `MiniportCoOidRequest` received, with results filled in.',
      Status: 'Final status of the request; never `NDIS_STATUS_PENDING`.',
    },
  },

  NdisMCoReceiveComplete: {
    summary: 'Legacy NDIS 5 signal that a miniport has finished a batch of receive indications; NDIS 6 has no separate receive-complete step.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_MINIPORT`). It lets bound protocols do deferred post-processing after `NdisMCoIndicateReceivePacket` calls.',
      'NDIS 6 replacement: `NdisMCoIndicateReceiveNetBufferLists`, which needs no follow-up call. Caveat for legacy code: must be called at exactly `DISPATCH_LEVEL`.',
    ],
    params: {
      MiniportAdapterHandle: 'The adapter handle NDIS gave the miniport at initialization.',
    },
  },

  NdisMCoRequestComplete: {
    summary: 'Legacy NDIS 5 completion of a request that a CoNDIS miniport pended; NDIS 6 miniports use `NdisMCoOidRequestComplete`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_MINIPORT`). It finishes a request pended by the NDIS 5 `MiniportCoRequest` handler, after which NDIS calls the requester\'s NDIS 5 `ProtocolCoRequestComplete`.',
      'The NDIS 6 replacement is `NdisMCoOidRequestComplete`. `Status` must not be `NDIS_STATUS_PENDING`.',
    ],
    params: {
      Status: 'Final status of the request; never `NDIS_STATUS_PENDING`.',
      MiniportAdapterHandle: 'The adapter handle NDIS gave the miniport at initialization.',
      Request: 'The NDIS 5 `NDIS_REQUEST` being completed, with results filled in.',
    },
  },

  NdisMCoSendComplete: {
    summary: 'Legacy NDIS 5 per-packet send completion from a CoNDIS miniport; NDIS 6 miniports use `NdisMCoSendNetBufferListsComplete`.',
    remarks: [
      'Legacy NDIS 5 only (declared under `NDIS_LEGACY_MINIPORT`). It returns one packet that the NDIS 5 `MiniportCoSendPackets` handler accepted; NDIS then calls the sender\'s NDIS 5 send-complete handler.',
      'The NDIS 6 replacement is `NdisMCoSendNetBufferListsComplete`. Caveat: must be called at exactly `DISPATCH_LEVEL`.',
    ],
    params: {
      Status: 'Final send status for this packet.',
      NdisVcHandle: 'The NDIS handle of the VC the packet was sent on.',
      Packet: 'The NDIS 5 packet being returned to its sender.',
    },
  },

  NdisMCoSendNetBufferListsComplete: {
    summary: 'CoNDIS miniport returns sent (or failed) `NET_BUFFER_LIST` structures for a VC to NDIS, ending the miniport\'s ownership of them.',
    remarks: [
      'Every list that `MiniportCoSendNetBufferLists` received must come back through this call exactly once, including lists that failed or were cancelled. Set each list\'s status before returning it.',
      'NDIS then hands the lists to the sender\'s `ProtocolCoSendNetBufferListsComplete`. After the call the miniport must not touch them.',
      'Complete sends promptly: a client closing a call waits until every outstanding send on the VC has come back.',
    ],
    params: {
      NdisVcHandle: 'The NDIS handle of the VC the lists were sent on, as received in `MiniportCoCreateVc`.',
      NetBufferLists: 'Linked list of the `NET_BUFFER_LIST` structures being returned, each carrying its final status.',
      SendCompleteFlags: 'Completion flags combined with bitwise OR, for example `NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL` when running at DISPATCH; zero for none.',
    },
  },
};
