// Our own words about the 50 CoNDIS callback role types (kind=callback rows of api.tsv).
// Facts (prototypes, IRQL, versions, handler fields) come from facts.generated.ts; this file is prose only.
import type { EntryProse } from '../types';

const CM_TABLE = "`NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS`";
const CL_TABLE = "`NDIS_CO_CLIENT_OPTIONAL_HANDLERS`";
const PROTO_CO_TABLE = "`NDIS_PROTOCOL_CO_CHARACTERISTICS`";
const MINIPORT_CO_TABLE = "`NDIS_MINIPORT_CO_CHARACTERISTICS`";

/** The standard "how to declare and register it" sentence. */
function declare(roleType: string, exampleName: string, registration: string): string {
  return `Declare it with its role type, \`${roleType} ${exampleName};\`, put \`_Use_decl_annotations_\` on the definition, and register it in ${registration}.`;
}

/** Registration text for a single handler-table field. */
function field(name: string, table: string): string {
  return `\`${name}\` of ${table}`;
}

/** Registration text for a role type that both clients and call managers register. */
function clientAndCm(clField: string, cmField: string): string {
  return `\`${clField}\` (client, ${CL_TABLE}) and/or \`${cmField}\` (call manager, ${CM_TABLE})`;
}

export const CALLBACK_PROSE: Record<string, EntryProse> = {
  // ---------------------------------------------------------------------------------------------
  // Call manager (stand-alone CM and MCM): PROTOCOL_CM_*
  // ---------------------------------------------------------------------------------------------

  PROTOCOL_CM_ACTIVATE_VC_COMPLETE: {
    summary:
      "NDIS calls the call manager's `ProtocolCmActivateVcComplete` to report how an `NdisCmActivateVc` request that returned `NDIS_STATUS_PENDING` finally turned out.",
    remarks: [
      "You only get here when activation pended: the miniport's `MiniportCoActivateVc` returned `NDIS_STATUS_PENDING` and later called `NdisMCoActivateVcComplete`, whose status NDIS forwards in `Status`.",
      "Look at `Status` before anything else. On failure the VC must not carry traffic; fail the operation that was waiting for the activation, typically a pended make call finished with `NdisCmMakeCallComplete` and the error.",
      "On success, finish any media-specific preparation and resume that operation. If you asked for flow rounding (`ROUND_UP_FLOW` / `ROUND_DOWN_FLOW`), the miniport may have rewritten `CallParameters`: accept them, activate again with other values, or deactivate with `NdisCmDeactivateVc`.",
      declare("PROTOCOL_CM_ACTIVATE_VC_COMPLETE", "MyCmActivateVcComplete", field("CmActivateVcCompleteHandler", CM_TABLE)),
    ],
    params: {
      Status:
        "Final result of the activation as reported by the miniport; anything but `NDIS_STATUS_SUCCESS` means the VC is not usable for transfers.",
      CallMgrVcContext:
        "Your per-VC context for the VC that was being activated (the one you returned from `ProtocolCoCreateVc`, or passed to `NdisCoCreateVc` for a VC you created).",
      CallParameters:
        "The call parameters you gave `NdisCmActivateVc`, possibly adjusted by the miniport when flow rounding was requested.",
    },
    obligation:
      "Check `Status` before using the VC, then resume whatever was waiting on the activation, for example complete a pended make call with `NdisCmMakeCallComplete` (MCM: `NdisMCmMakeCallComplete`), passing the failure status if activation failed.",
  },

  PROTOCOL_CM_ADD_PARTY: {
    summary:
      "NDIS calls the call manager's `ProtocolCmAddParty` when a client asks, through `NdisClAddParty`, to bring one more party into an existing multipoint call.",
    remarks: [
      "Triggered by the client's `NdisClAddParty` on a multipoint VC it created. Allocate per-party state, record `NdisPartyHandle` in it, publish it through `*CallMgrPartyContext`, and do the signalling the medium needs to add the party.",
      "Finish in exactly one way: return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmAddPartyComplete` (MCM: `NdisMCmAddPartyComplete`) once, with a non-pending status. The client learns a pended result in its `ProtocolClAddPartyComplete`.",
      "If the medium cannot do multipoint, or the parameters ask for something unavailable, return `NDIS_STATUS_NOT_SUPPORTED`.",
      declare("PROTOCOL_CM_ADD_PARTY", "MyCmAddParty", field("CmAddPartyHandler", CM_TABLE)),
    ],
    params: {
      CallMgrVcContext: "Your per-VC context for the multipoint VC the new party joins.",
      CallParameters:
        "Client-supplied `CO_CALL_PARAMETERS` for the new party; you may update them to reflect what the network granted.",
      NdisPartyHandle:
        "Opaque NDIS handle for the new party; keep it in your per-party state for later `NdisCm*` calls about this party.",
      CallMgrPartyContext:
        "Out: set `*CallMgrPartyContext` to your per-party state; NDIS hands it back later, e.g. in `ProtocolCmDropParty`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the party is in the call and its state is set up. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmAddPartyComplete` / `NdisMCmAddPartyComplete`. `NDIS_STATUS_RESOURCES`: per-party state could not be allocated. `NDIS_STATUS_NOT_SUPPORTED`: multipoint, or the requested parameters, are not available. Any other failure is handed to the client as is.",
    obligation:
      "Set `*CallMgrPartyContext` and keep `NdisPartyHandle`; then either return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmAddPartyComplete` (MCM: `NdisMCmAddPartyComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_CLOSE_AF: {
    summary:
      "NDIS calls the call manager's `ProtocolCmCloseAf` when a client closes its open of an address family with `NdisClCloseAddressFamily`, so the CM can drop its per-open state.",
    remarks: [
      "Triggered by the client's `NdisClCloseAddressFamily`. Undo what `ProtocolCmOpenAf` did for this client: free the per-AF context and anything else set up on its behalf.",
      "If calls or SAPs are still open on the AF, either refuse with `NDIS_STATUS_NOT_ACCEPTED` or, preferably, return `NDIS_STATUS_PENDING` and finish once the client has closed its calls and deregistered its SAPs.",
      "A pended close ends with exactly one `NdisCmCloseAddressFamilyComplete` (MCM: `NdisMCmCloseAddressFamilyComplete`), after which NDIS calls the client's `ProtocolClCloseAfComplete`. Do not touch the AF handle after completing.",
      declare("PROTOCOL_CM_CLOSE_AF", "MyCmCloseAf", field("CmCloseAfHandler", CM_TABLE)),
    ],
    params: {
      CallMgrAfContext: "Your per-open context for this address family, as set in `ProtocolCmOpenAf`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the per-open resources are released and the AF is closed. `NDIS_STATUS_PENDING`: the close finishes later through `NdisCmCloseAddressFamilyComplete` / `NdisMCmCloseAddressFamilyComplete`. `NDIS_STATUS_NOT_ACCEPTED`: calls or SAPs remain on the AF and the CM declines to close it yet.",
    obligation:
      "Release the per-open state created in `ProtocolCmOpenAf`; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmCloseAddressFamilyComplete` (MCM: `NdisMCmCloseAddressFamilyComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_CLOSE_CALL: {
    summary:
      "NDIS calls the call manager's `ProtocolCmCloseCall` when a client tears down a call with `NdisClCloseCall`; the CM ends the call on the network and deactivates the VC.",
    remarks: [
      "Runs after the client's `NdisClCloseCall`, including one that answers your `NdisCmDispatchIncomingCloseCall`. A NULL `CallMgrPartyContext` means a point-to-point call; non-NULL means the last party of a multipoint call is leaving, so free its per-party state too.",
      "If `CloseData` is non-NULL, send it to the peer when the medium can carry data on close; if it cannot, return `NDIS_STATUS_INVALID_DATA`.",
      "After the network teardown, call `NdisCmDeactivateVc` (MCM: `NdisMCmDeactivateVc`); if that pends, finish in `ProtocolCmDeactivateVcComplete`.",
      "Finish exactly once: return a final status (it becomes the result of the client's `NdisClCloseCall`), or return `NDIS_STATUS_PENDING` and later call `NdisCmCloseCallComplete` (MCM: `NdisMCmCloseCallComplete`) with a non-pending status and party handle: NULL for point-to-point, the last party for multipoint. NDIS then calls the client's `ProtocolClCloseCallComplete`.",
      "After a successful close the VC carries no more transfers. A VC you created for an incoming call is yours to delete with `NdisCoDeleteVc` (MCM: `NdisMCmDeleteVc`); a client-created VC is deleted by the client and you clean up in `ProtocolCoDeleteVc`. " +
        declare("PROTOCOL_CM_CLOSE_CALL", "MyCloseCall", field("CmCloseCallHandler", CM_TABLE)),
    ],
    params: {
      CallMgrVcContext:
        "Your per-VC context for the call being closed (returned from `ProtocolCoCreateVc`, or passed to `NdisCoCreateVc` for a VC you created).",
      CallMgrPartyContext:
        "NULL for a point-to-point call. For a multipoint call, your per-party context for the last remaining party; free it as part of the close.",
      CloseData:
        "Optional client data to send to the remote side as the call closes; NULL when there is none.",
      Size: "Length of `CloseData` in bytes; zero when `CloseData` is NULL.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the call is torn down. `NDIS_STATUS_PENDING`: the teardown continues and you must call `NdisCmCloseCallComplete` / `NdisMCmCloseCallComplete` exactly once later. `NDIS_STATUS_INVALID_DATA`: `CloseData` was given but the medium cannot send data while closing. Any other error: the call could not be closed; NDIS passes that status back to the client.",
    obligation:
      "Tear the call down on the network, deactivate the VC with `NdisCmDeactivateVc` (MCM: `NdisMCmDeactivateVc`), then either return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmCloseCallComplete` (MCM: `NdisMCmCloseCallComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_DEACTIVATE_VC_COMPLETE: {
    summary:
      "NDIS calls the call manager's `ProtocolCmDeactivateVcComplete` once an `NdisCmDeactivateVc` request that returned `NDIS_STATUS_PENDING` has been finished by the miniport.",
    remarks: [
      "Usually part of a close: `ProtocolCmCloseCall` called `NdisCmDeactivateVc`, the miniport's `MiniportCoDeactivateVc` pended, and the miniport later called `NdisMCoDeactivateVcComplete`.",
      "Mark the VC inactive and release whatever was held only for the activation. The activation's call parameters are now void; the VC may only be reactivated with new ones. The VC handle itself remains valid.",
      "If `ProtocolCmCloseCall` returned `NDIS_STATUS_PENDING` and nothing else is outstanding, complete the close here with `NdisCmCloseCallComplete` (MCM: `NdisMCmCloseCallComplete`). When `NdisCmDeactivateVc` did not pend, run this same logic yourself.",
      declare("PROTOCOL_CM_DEACTIVATE_VC_COMPLETE", "MyCmDeactivateVcComplete", field("CmDeactivateVcCompleteHandler", CM_TABLE)),
    ],
    params: {
      Status: "Final result of the deactivation as reported by the miniport.",
      CallMgrVcContext: "Your per-VC context for the VC that has been deactivated.",
    },
    obligation:
      "Record the VC as inactive and free activation-only resources; if a close call was waiting on this deactivation, complete it now with `NdisCmCloseCallComplete` (MCM: `NdisMCmCloseCallComplete`) exactly once.",
  },

  PROTOCOL_CM_DEREGISTER_SAP: {
    summary:
      "NDIS calls the call manager's `ProtocolCmDeregisterSap` when a client withdraws a service access point with `NdisClDeregisterSap`, so incoming calls stop being offered on it.",
    remarks: [
      "Triggered by the client's `NdisClDeregisterSap`. Reverse what `ProtocolCmRegisterSap` did: tell the network if the medium requires it and free the per-SAP state.",
      "Once deregistered, dispatch no further incoming calls for that SAP.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmDeregisterSapComplete` (MCM: `NdisMCmDeregisterSapComplete`) exactly once; a pended result reaches the client in `ProtocolClDeregisterSapComplete`.",
      declare("PROTOCOL_CM_DEREGISTER_SAP", "MyCmDeregisterSap", field("CmDeregisterSapHandler", CM_TABLE)),
    ],
    params: {
      CallMgrSapContext: "Your per-SAP context, as set in `ProtocolCmRegisterSap`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the SAP is deregistered and its state freed. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmDeregisterSapComplete` / `NdisMCmDeregisterSapComplete`. Any other failure is reported to the client.",
    obligation:
      "Deregister the SAP and free its state; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmDeregisterSapComplete` (MCM: `NdisMCmDeregisterSapComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_DROP_PARTY: {
    summary:
      "NDIS calls the call manager's `ProtocolCmDropParty` when a client removes one party from a multipoint call with `NdisClDropParty`.",
    remarks: [
      "Triggered by the client's `NdisClDropParty` for any party except the last one, which leaves through `NdisClCloseCall` and `ProtocolCmCloseCall`. Do the media signalling that removes the party.",
      "If `CloseData` is non-NULL, send it when the medium supports data on teardown, otherwise return `NDIS_STATUS_INVALID_DATA`. Free everything held for the party, including the context block itself, or it leaks.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmDropPartyComplete` (MCM: `NdisMCmDropPartyComplete`) exactly once; a pended result reaches the client in `ProtocolClDropPartyComplete`. After a successful drop the party handle is dead.",
      declare("PROTOCOL_CM_DROP_PARTY", "MyCmDropParty", field("CmDropPartyHandler", CM_TABLE)),
    ],
    params: {
      CallMgrPartyContext: "Your per-party context for the party being dropped (set in `ProtocolCmAddParty` or `ProtocolCmMakeCall`).",
      CloseData: "Optional client data to send to the leaving party; NULL when there is none.",
      Size: "Length of `CloseData` in bytes; zero when `CloseData` is NULL.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the party is gone, any close data was sent and its state freed. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmDropPartyComplete` / `NdisMCmDropPartyComplete`. `NDIS_STATUS_INVALID_DATA`: `CloseData` was given but the medium cannot send data on teardown.",
    obligation:
      "Remove the party on the network and free its per-party context; then either return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmDropPartyComplete` (MCM: `NdisMCmDropPartyComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_INCOMING_CALL_COMPLETE: {
    summary:
      "NDIS calls the call manager's `ProtocolCmIncomingCallComplete` with the client's answer to an incoming call offered through `NdisCmDispatchIncomingCall` that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Sequence: you created and activated a VC, called `NdisCmDispatchIncomingCall` (MCM: `NdisMCmDispatchIncomingCall`), the client's `ProtocolClIncomingCall` pended, and the client later called `NdisClIncomingCallComplete`.",
      "`NDIS_STATUS_SUCCESS` means accepted: signal acceptance to the caller, then call `NdisCmDispatchCallConnected` (MCM: `NdisMCmDispatchCallConnected`) so the client's `ProtocolClCallConnected` runs.",
      "Any other status is a rejection: signal the refusal on the network, deactivate the VC, and delete the VC you created with `NdisCoDeleteVc` (MCM: `NdisMCmDeleteVc`) unless you will reuse it.",
      declare("PROTOCOL_CM_INCOMING_CALL_COMPLETE", "MyCmIncomingCallComplete", field("CmIncomingCallCompleteHandler", CM_TABLE)),
    ],
    params: {
      Status: "The client's verdict: `NDIS_STATUS_SUCCESS` if it accepted the call, a failure status if it rejected it.",
      CallMgrVcContext: "Your per-VC context for the VC you created for this incoming call.",
      CallParameters:
        "The call parameters you dispatched, possibly changed by the client as far as the signalling protocol allows.",
    },
    obligation:
      "On success, signal acceptance and call `NdisCmDispatchCallConnected` (MCM: `NdisMCmDispatchCallConnected`); on failure, refuse the call on the network, deactivate the VC, and delete or reuse the VC you created.",
  },

  PROTOCOL_CM_MAKE_CALL: {
    summary:
      "NDIS calls the call manager's `ProtocolCmMakeCall` when a client asks, through `NdisClMakeCall`, to set up an outgoing call on a VC it created.",
    remarks: [
      "The client created the VC first (`NdisCoCreateVc`, which ran your `ProtocolCoCreateVc`) and then called `NdisClMakeCall`. Check `CallParameters` and do the signalling that connects to the remote node.",
      "A non-NULL `NdisPartyHandle` means a multipoint call: allocate per-party state, keep the handle, and set `*CallMgrPartyContext`. For a point-to-point call set it to NULL.",
      "When the network side is up, activate the VC with `NdisCmActivateVc` (MCM: `NdisMCmActivateVc`); report success only after that activation succeeded.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmMakeCallComplete` (MCM: `NdisMCmMakeCallComplete`) exactly once, also on failure, or resources leak. A pended result reaches the client in `ProtocolClMakeCallComplete`.",
      declare("PROTOCOL_CM_MAKE_CALL", "MyCmMakeCall", field("CmMakeCallHandler", CM_TABLE)),
    ],
    params: {
      CallMgrVcContext: "Your per-VC context, returned from `ProtocolCoCreateVc` when the client created the VC.",
      CallParameters:
        "Client-supplied `CO_CALL_PARAMETERS` for the outgoing call; you may update them with what was negotiated.",
      NdisPartyHandle:
        "Opaque NDIS handle for the first party of a multipoint call; NULL for a point-to-point call.",
      CallMgrPartyContext:
        "Out: for a multipoint call, set `*CallMgrPartyContext` to your per-party state; set it to NULL when `NdisPartyHandle` is NULL.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the call is up and the VC is activated. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmMakeCallComplete` / `NdisMCmMakeCallComplete`. `NDIS_STATUS_RESOURCES`: state for the call could not be allocated. `NDIS_STATUS_NOT_SUPPORTED`: the call parameters ask for features that are invalid or unavailable. Other failures are passed to the client.",
    obligation:
      "Connect the call and activate the VC with `NdisCmActivateVc` (MCM: `NdisMCmActivateVc`) before reporting success; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmMakeCallComplete` (MCM: `NdisMCmMakeCallComplete`) exactly once, even when the call fails.",
  },

  PROTOCOL_CM_MODIFY_QOS_CALL: {
    summary:
      "NDIS calls the call manager's `ProtocolCmModifyCallQoS` when a client asks, with `NdisClModifyCallQoS`, to change the call parameters of an established VC.",
    remarks: [
      "Triggered by the client's `NdisClModifyCallQoS`. If the medium has no notion of QoS, simply return `NDIS_STATUS_NOT_SUPPORTED`.",
      "Otherwise negotiate the new parameters with the network, then pass them to the miniport with `NdisCmActivateVc` (MCM: `NdisMCmActivateVc`) so it can validate and apply them.",
      "If the network or the miniport refuses, put the VC back to its previous parameters and fail with `NDIS_STATUS_FAILURE`; the call keeps running as before.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmModifyCallQoSComplete` (MCM: `NdisMCmModifyCallQoSComplete`) exactly once; a pended result reaches the client in `ProtocolClModifyCallQoSComplete`.",
      declare("PROTOCOL_CM_MODIFY_QOS_CALL", "MyCmModifyCallQoS", field("CmModifyCallQoSHandler", CM_TABLE)),
    ],
    params: {
      CallMgrVcContext: "Your per-VC context for the established call whose parameters should change.",
      CallParameters: "The new `CO_CALL_PARAMETERS` requested by the client.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the new parameters are in effect. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmModifyCallQoSComplete` / `NdisMCmModifyCallQoSComplete`. `NDIS_STATUS_RESOURCES`: resources for the change were not available. `NDIS_STATUS_INVALID_DATA`: the requested parameters are invalid. `NDIS_STATUS_FAILURE`: the network or another component refused; the old parameters were restored. `NDIS_STATUS_NOT_SUPPORTED`: the medium has no QoS support.",
    obligation:
      "Apply the change on the network and through `NdisCmActivateVc` (MCM: `NdisMCmActivateVc`), or restore the old parameters on failure; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmModifyCallQoSComplete` (MCM: `NdisMCmModifyCallQoSComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE: {
    summary:
      "NDIS calls the call manager's `ProtocolCmNotifyCloseAfComplete` when a client has finished closing an address family that the CM asked it to close with `NdisCmNotifyCloseAddressFamily`.",
    remarks: [
      "Sequence: the CM called `NdisCmNotifyCloseAddressFamily` (MCM: `NdisMCmNotifyCloseAddressFamily`), NDIS called the client's `ProtocolClNotifyCloseAf`, which pended, and the client later called `NdisClNotifyCloseAddressFamilyComplete`.",
      "If the notify call returned a final status instead of `NDIS_STATUS_PENDING`, this callback is not used for it; run the same follow-up logic yourself.",
      "With `NDIS_STATUS_SUCCESS` the client has closed its calls, SAPs and the AF, so the CM can continue its own shutdown (for example unbinding). Any other status means the AF is still open.",
      declare("PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE", "MyCmNotifyCloseAfComplete", field("CmNotifyCloseAfCompleteHandler", CM_TABLE)),
    ],
    params: {
      CallMgrAfContext: "Your per-open context for the address family the client was asked to close.",
      Status: "The client's final result: `NDIS_STATUS_SUCCESS` if it closed the AF, a failure status otherwise.",
    },
    obligation:
      "Completion callback — nothing to complete; check `Status` and continue the CM-side shutdown of that address family only if the client succeeded.",
  },

  PROTOCOL_CM_OPEN_AF: {
    summary:
      "NDIS calls the call manager's `ProtocolCmOpenAf` when a client opens one of the CM's registered address families with `NdisClOpenAddressFamilyEx`.",
    remarks: [
      "Triggered by the client's `NdisClOpenAddressFamilyEx`, usually from its `ProtocolCoAfRegisterNotify`, for an AF you registered with `NdisCmRegisterAddressFamilyEx` (MCM: `NdisMCmRegisterAddressFamilyEx`).",
      "Allocate and initialise per-open state, keep `NdisAfHandle` in it, and set `*CallMgrAfContext`. If allocation fails, free what you got and return `NDIS_STATUS_RESOURCES`.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmOpenAddressFamilyComplete` (MCM: `NdisMCmOpenAddressFamilyComplete`) exactly once; a pended result reaches the client in `ProtocolClOpenAfCompleteEx`.",
      declare("PROTOCOL_CM_OPEN_AF", "MyCmOpenAf", field("CmOpenAfHandler", CM_TABLE)),
    ],
    params: {
      CallMgrBindingContext:
        "Stand-alone CM: your per-binding context, given to NDIS in `NdisOpenAdapterEx`. MCM: your miniport adapter context, set with `NdisMSetMiniportAttributes`.",
      AddressFamily: "The `CO_ADDRESS_FAMILY` the client is opening; one that you registered.",
      NdisAfHandle:
        "Opaque NDIS handle for this open instance of the AF; keep it for later `NdisCm*` / `NdisMCm*` calls about it.",
      CallMgrAfContext:
        "Out: set `*CallMgrAfContext` to your per-open state; NDIS passes it back to `ProtocolCmRegisterSap`, `ProtocolCoCreateVc`, `ProtocolCmCloseAf` and others.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: ready to serve requests on this AF. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmOpenAddressFamilyComplete` / `NdisMCmOpenAddressFamilyComplete`. `NDIS_STATUS_RESOURCES`: per-open state could not be allocated. Any other failure refuses the open.",
    obligation:
      "Set `*CallMgrAfContext` and keep `NdisAfHandle`; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmOpenAddressFamilyComplete` (MCM: `NdisMCmOpenAddressFamilyComplete`) exactly once — never both.",
  },

  PROTOCOL_CM_REG_SAP: {
    summary:
      "NDIS calls the call manager's `ProtocolCmRegisterSap` when a client registers a service access point with `NdisClRegisterSap` so that it can receive incoming calls.",
    remarks: [
      "Triggered by the client's `NdisClRegisterSap` on an AF it has open. Validate `Sap`, register it with the network if the medium needs that, allocate per-SAP state holding `NdisSapHandle`, and set `*CallMgrSapContext`.",
      "If the SAP is malformed or another client already owns it, return `NDIS_STATUS_INVALID_DATA`.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmRegisterSapComplete` (MCM: `NdisMCmRegisterSapComplete`) exactly once; a pended result reaches the client in `ProtocolClRegisterSapComplete`.",
      "Calls that match the SAP are later offered to the client with `NdisCmDispatchIncomingCall` (MCM: `NdisMCmDispatchIncomingCall`). " +
        declare("PROTOCOL_CM_REG_SAP", "MyCmRegisterSap", field("CmRegisterSapHandler", CM_TABLE)),
    ],
    params: {
      CallMgrAfContext: "Your per-open context for the AF the SAP is registered on, as set in `ProtocolCmOpenAf`.",
      Sap: "The medium-specific `CO_SAP` the client wants to listen on.",
      NdisSapHandle: "Opaque NDIS handle for this SAP; store it in your per-SAP state.",
      CallMgrSapContext:
        "Out: set `*CallMgrSapContext` to your per-SAP state; NDIS passes it back to `ProtocolCmDeregisterSap`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the SAP is registered. `NDIS_STATUS_PENDING`: you will finish later with `NdisCmRegisterSapComplete` / `NdisMCmRegisterSapComplete`. `NDIS_STATUS_RESOURCES`: per-SAP state could not be allocated. `NDIS_STATUS_INVALID_DATA`: the SAP is invalid, unsupported or already taken. Other failures are passed to the client.",
    obligation:
      "Register the SAP and set `*CallMgrSapContext`; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCmRegisterSapComplete` (MCM: `NdisMCmRegisterSapComplete`) exactly once — never both.",
  },

  // ---------------------------------------------------------------------------------------------
  // Client: PROTOCOL_CL_*
  // ---------------------------------------------------------------------------------------------

  PROTOCOL_CL_ADD_PARTY_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClAddPartyComplete` with the result of an `NdisClAddParty` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmAddParty` pended and the CM called `NdisCmAddPartyComplete` (MCM: `NdisMCmAddPartyComplete`).",
      "On `NDIS_STATUS_SUCCESS`, store `NdisPartyHandle` in the per-party context; you need it for `NdisClDropParty`, or `NdisClCloseCall` if it becomes the last party. Check `CallParameters` in case the CM changed them.",
      "On failure the party was not added: free or recycle the per-party context and the call-parameter buffer you allocated.",
      declare("PROTOCOL_CL_ADD_PARTY_COMPLETE", "MyClAddPartyComplete", field("ClAddPartyCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the add-party request, as reported by the call manager.",
      ProtocolPartyContext: "Your per-party context, the one you passed to `NdisClAddParty`.",
      NdisPartyHandle: "NDIS handle for the new party; meaningful only when `Status` is `NDIS_STATUS_SUCCESS`.",
      CallParameters: "The call parameters you supplied, possibly updated by the call manager.",
    },
    obligation:
      "Completion callback — nothing to complete; on success store `NdisPartyHandle`, on failure release the per-party context you allocated for `NdisClAddParty`.",
  },

  PROTOCOL_CL_CALL_CONNECTED: {
    summary:
      "NDIS calls the client's `ProtocolClCallConnected` when an incoming call the client accepted is fully established and data can flow on the VC.",
    remarks: [
      "Triggered when the call manager, after the client accepted in `ProtocolClIncomingCall` or via `NdisClIncomingCallComplete`, calls `NdisCmDispatchCallConnected` (MCM: `NdisMCmDispatchCallConnected`).",
      "Mark the VC as connected; from here on the client may send with `NdisCoSendNetBufferLists`, and receives arrive in `ProtocolCoReceiveNetBufferLists`.",
      "Nothing is returned or completed. The call manager created this VC, so the client never deletes it; the CM does after the call is closed.",
      declare("PROTOCOL_CL_CALL_CONNECTED", "MyClCallConnected", field("ClCallConnectedHandler", CL_TABLE)),
    ],
    params: {
      ProtocolVcContext: "Your per-VC context for the incoming call's VC, returned from your `ProtocolCoCreateVc`.",
    },
    obligation:
      "Mark the VC ready for transfers; do not send on an incoming-call VC before this callback has arrived, and never delete that VC yourself.",
  },

  PROTOCOL_CL_CLOSE_AF_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClCloseAfComplete` when an `NdisClCloseAddressFamily` request that returned `NDIS_STATUS_PENDING` has been finished by the call manager.",
    remarks: [
      "Reached after the call manager's `ProtocolCmCloseAf` pended and the CM called `NdisCmCloseAddressFamilyComplete` (MCM: `NdisMCmCloseAddressFamilyComplete`).",
      "On success the AF handle is gone: free the per-AF context (e.g. `NdisFreeMemory` or a lookaside list) and continue whatever needed the close, such as an unbind.",
      "On failure the AF is still open, usually because calls or SAPs remained on it.",
      declare("PROTOCOL_CL_CLOSE_AF_COMPLETE", "MyClCloseAfComplete", field("ClCloseAfCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the close, as reported by the call manager.",
      ProtocolAfContext: "Your per-AF context, the one you passed to `NdisClOpenAddressFamilyEx`.",
    },
    obligation:
      "Completion callback — nothing to complete; on success release the per-AF context and never use that AF handle again.",
  },

  PROTOCOL_CL_CLOSE_CALL_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClCloseCallComplete` with the result of an `NdisClCloseCall` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmCloseCall` pended and the CM called `NdisCmCloseCallComplete` (MCM: `NdisMCmCloseCallComplete`). When `NdisClCloseCall` returned a final status instead, the client runs this logic itself.",
      "On success with a VC the client created: delete it with `NdisCoDeleteVc` (the CM then sees `ProtocolCoDeleteVc`), or keep it for another `NdisClMakeCall`. Free or recycle the party context if one is passed.",
      "With a VC the call manager created, treat its handle as invalid now: no more `NdisCl*` or `NdisCo*` calls on it. The CM deletes it later, which runs the client's `ProtocolCoDeleteVc`.",
      declare("PROTOCOL_CL_CLOSE_CALL_COMPLETE", "MyClCloseCallComplete", field("ClCloseCallCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the close; on failure it is the status the call manager's `ProtocolCmCloseCall` produced.",
      ProtocolVcContext: "Your per-VC context for the closed call (given to `NdisCoCreateVc` or returned from `ProtocolCoCreateVc`).",
      ProtocolPartyContext:
        "Your per-party context for the last party of a multipoint VC you created; NULL otherwise.",
    },
    obligation:
      "Completion callback — nothing to complete; afterwards delete the VC with `NdisCoDeleteVc` if the client created it (or reuse it), and stop using the handle of a VC the call manager created.",
  },

  PROTOCOL_CL_DEREGISTER_SAP_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClDeregisterSapComplete` when an `NdisClDeregisterSap` request that returned `NDIS_STATUS_PENDING` has been finished by the call manager.",
    remarks: [
      "Reached after the call manager's `ProtocolCmDeregisterSap` pended and the CM called `NdisCmDeregisterSapComplete` (MCM: `NdisMCmDeregisterSapComplete`).",
      "On success no more incoming calls arrive for that SAP: free the per-SAP context and the SAP description you allocated. On failure the SAP stays registered.",
      declare("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", "MyClDeregisterSapComplete", field("ClDeregisterSapCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the deregistration, as reported by the call manager.",
      ProtocolSapContext: "Your per-SAP context, the one you passed to `NdisClRegisterSap`.",
    },
    obligation:
      "Completion callback — nothing to complete; on success release the per-SAP context and stop using that SAP handle.",
  },

  PROTOCOL_CL_DROP_PARTY_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClDropPartyComplete` with the result of an `NdisClDropParty` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmDropParty` pended and the CM called `NdisCmDropPartyComplete` (MCM: `NdisMCmDropPartyComplete`).",
      "On success the party handle is invalid: free or recycle the per-party context. If the drop was part of shutting the call down, continue with `NdisClCloseCall` once only one party remains.",
      declare("PROTOCOL_CL_DROP_PARTY_COMPLETE", "MyClDropPartyComplete", field("ClDropPartyCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the drop, as reported by the call manager.",
      ProtocolPartyContext: "Your per-party context for the dropped party.",
    },
    obligation:
      "Completion callback — nothing to complete; on success release the per-party context and never use that party handle again.",
  },

  PROTOCOL_CL_INCOMING_CALL: {
    summary:
      "NDIS calls the client's `ProtocolClIncomingCall` to offer an incoming call that the call manager matched to one of the client's registered SAPs.",
    remarks: [
      "Triggered by the CM's `NdisCmDispatchIncomingCall` (MCM: `NdisMCmDispatchIncomingCall`), issued after the CM created and activated a VC for the call; the client already saw that VC in its `ProtocolCoCreateVc`.",
      "Inspect `CallParameters`, adjust them if the signalling protocol allows, and copy anything you need later. A client that never takes calls can just return `NDIS_STATUS_NOT_SUPPORTED`.",
      "Return `NDIS_STATUS_SUCCESS` to accept, a failure status to reject, or `NDIS_STATUS_PENDING` and later call `NdisClIncomingCallComplete` exactly once; a pended answer reaches the CM in `ProtocolCmIncomingCallComplete`.",
      "If accepted, `ProtocolClCallConnected` follows when data can flow; if the CM dislikes your changes it tears the call down instead (`ProtocolClIncomingCloseCall`, then `ProtocolCoDeleteVc`). " +
        declare("PROTOCOL_CL_INCOMING_CALL", "MyClIncomingCall", field("ClIncomingCallHandler", CL_TABLE)),
    ],
    params: {
      ProtocolSapContext: "Your per-SAP context for the SAP this call was matched to, as passed to `NdisClRegisterSap`.",
      ProtocolVcContext: "Your per-VC context for the VC the CM created for this call, returned from your `ProtocolCoCreateVc`.",
      CallParameters: "The offered `CO_CALL_PARAMETERS`; you may modify them within what the signalling protocol permits.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the call is accepted. `NDIS_STATUS_PENDING`: the answer comes later through `NdisClIncomingCallComplete`. Any other status (for example `NDIS_STATUS_NOT_SUPPORTED`): the call is rejected.",
    obligation:
      "Accept (`NDIS_STATUS_SUCCESS`) or reject (failure status) the offer, or return `NDIS_STATUS_PENDING` and later call `NdisClIncomingCallComplete` exactly once — never both; do not delete the VC, the call manager owns it.",
  },

  PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE: {
    summary:
      "NDIS calls the client's `ProtocolClIncomingCallQoSChange` when the remote side has changed the quality of service of an established call.",
    remarks: [
      "Triggered by the call manager's `NdisCmDispatchIncomingCallQoSChange` (MCM: `NdisMCmDispatchIncomingCallQoSChange`) after the peer renegotiated the call parameters.",
      "Decide whether the new `CallParameters` are acceptable. If so, adapt sending to them; if not, tear the call down with `NdisClCloseCall`.",
      "Nothing is returned or completed.",
      declare("PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE", "MyClIncomingCallQoSChange", field("ClIncomingCallQoSChangeHandler", CL_TABLE)),
    ],
    params: {
      ProtocolVcContext: "Your per-VC context for the call whose parameters changed.",
      CallParameters: "The new `CO_CALL_PARAMETERS` now in effect for the call.",
    },
    obligation:
      "Accept the new call parameters and adjust to them, or close the call with `NdisClCloseCall` if the client cannot live with them.",
  },

  PROTOCOL_CL_INCOMING_CLOSE_CALL: {
    summary:
      "NDIS calls the client's `ProtocolClIncomingCloseCall` when the call manager ends a call from the network side, because the peer hung up or the network failed.",
    remarks: [
      "Triggered by the CM's `NdisCmDispatchIncomingCloseCall` (MCM: `NdisMCmDispatchIncomingCloseCall`). From now on do not send on the VC and expect nothing more to arrive.",
      "Answer with `NdisClCloseCall`; on a multipoint VC the client created, first drop every party but one with `NdisClDropParty`. That close follows the normal path through `ProtocolCmCloseCall` to `ProtocolClCloseCallComplete`.",
      "The VC's creator deletes it afterwards. For a VC the client created, delete it with `NdisCoDeleteVc` once the close has completed, or keep it for another `NdisClMakeCall` if `CloseStatus` was success; a VC the CM created is left to the CM.",
      declare("PROTOCOL_CL_INCOMING_CLOSE_CALL", "MyClIncomingCloseCall", field("ClIncomingCloseCallHandler", CL_TABLE)),
    ],
    params: {
      CloseStatus:
        "Why the call is ending: normally `NDIS_STATUS_SUCCESS` when the remote side closed it; any other value reports a network problem.",
      ProtocolVcContext: "Your per-VC context for the call being closed.",
      CloseData: "Optional close message from the peer, or diagnostic data defined by the call manager; may be NULL.",
      Size: "Length of `CloseData` in bytes; zero when `CloseData` is NULL.",
    },
    obligation:
      "Stop using the VC and call `NdisClCloseCall` (after dropping extra parties on a multipoint VC you created); if the client created the VC, delete or reuse it once the close has completed.",
  },

  PROTOCOL_CL_INCOMING_DROP_PARTY: {
    summary:
      "NDIS calls the client's `ProtocolClIncomingDropParty` when the call manager removes a party from the client's multipoint call from the network side.",
    remarks: [
      "Triggered by the CM's `NdisCmDispatchIncomingDropParty` (MCM: `NdisMCmDispatchIncomingDropParty`), because the remote party left or the network failed.",
      "Acknowledge with `NdisClDropParty` for that party, or with `NdisClCloseCall` if it was the last party on the VC.",
      "After that, treat the party handle as invalid; free the per-party context or keep it for a later `NdisClAddParty`. Clients that never build multipoint calls can simply return.",
      declare("PROTOCOL_CL_INCOMING_DROP_PARTY", "MyClIncomingDropParty", field("ClIncomingDropPartyHandler", CL_TABLE)),
    ],
    params: {
      DropStatus:
        "Why the party is being dropped: normally `NDIS_STATUS_SUCCESS` when the remote party left; another status reports a network problem found by the call manager.",
      ProtocolPartyContext: "Your per-party context for the party being dropped (given to `NdisClAddParty` or `NdisClMakeCall`).",
      CloseData: "Optional close message from the peer, or diagnostic data defined by the call manager; may be NULL.",
      Size: "Length of `CloseData` in bytes; zero when `CloseData` is NULL.",
    },
    obligation:
      "Acknowledge the drop by calling `NdisClDropParty` for the party (or `NdisClCloseCall` if it was the last one), then stop using its party handle.",
  },

  PROTOCOL_CL_MAKE_CALL_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClMakeCallComplete` with the result of an `NdisClMakeCall` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmMakeCall` pended and the CM called `NdisCmMakeCallComplete` (MCM: `NdisMCmMakeCallComplete`).",
      "On failure, release or recycle the party context and the `CallParameters` buffer you allocated, and delete the VC you created with `NdisCoDeleteVc` (or keep it for another attempt).",
      "On success, keep `NdisPartyHandle` for a multipoint call and check whether the CM changed `CallParameters` (`CALL_PARAMETERS_CHANGED`). If the result is unacceptable and cannot be renegotiated, e.g. with `NdisClModifyCallQoS`, close the call with `NdisClCloseCall` and free resources in `ProtocolClCloseCallComplete`.",
      declare("PROTOCOL_CL_MAKE_CALL_COMPLETE", "MyClMakeCallComplete", field("ClMakeCallCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the make-call request; `NDIS_STATUS_SUCCESS` means the VC is active and ready for transfers.",
      ProtocolVcContext: "Your per-VC context, the one you passed to `NdisCoCreateVc` for this outgoing call.",
      NdisPartyHandle:
        "On success of a multipoint call, the NDIS handle for the first party; store it. NULL otherwise.",
      CallParameters: "The call parameters you passed to `NdisClMakeCall`, possibly modified by the call manager.",
    },
    obligation:
      "Completion callback — nothing to complete; on failure clean up and delete (or reuse) the VC you created, on success keep the party handle and accept or close the call.",
  },

  PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClModifyCallQoSComplete` with the result of an `NdisClModifyCallQoS` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmModifyCallQoS` pended and the CM called `NdisCmModifyCallQoSComplete` (MCM: `NdisMCmModifyCallQoSComplete`).",
      "On success the new parameters are in effect. On failure the call keeps its previous parameters; keep using it that way, or close it with `NdisClCloseCall` if it no longer suits you.",
      declare("PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE", "MyClModifyCallQoSComplete", field("ClModifyCallQoSCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the QoS change, as reported by the call manager.",
      ProtocolVcContext: "Your per-VC context for the call whose parameters you asked to change.",
      CallParameters: "The call parameters you passed to `NdisClModifyCallQoS`, possibly adjusted by the call manager.",
    },
    obligation:
      "Completion callback — nothing to complete; adopt the new parameters on success, and on failure carry on with the old ones or close the call.",
  },

  PROTOCOL_CL_NOTIFY_CLOSE_AF: {
    summary:
      "NDIS calls the client's `ProtocolClNotifyCloseAf` when the call manager asks, with `NdisCmNotifyCloseAddressFamily`, that the client close an address family it has open.",
    remarks: [
      "Triggered by the CM's `NdisCmNotifyCloseAddressFamily` (MCM: `NdisMCmNotifyCloseAddressFamily`), typically because the CM is unbinding or going away.",
      "Wind everything down in order: drop extra parties with `NdisClDropParty`, close each call with `NdisClCloseCall`, deregister each SAP with `NdisClDeregisterSap`, then close the AF with `NdisClCloseAddressFamily`.",
      "Those steps usually pend, so return `NDIS_STATUS_PENDING` and call `NdisClNotifyCloseAddressFamilyComplete` exactly once when all are done; NDIS then calls the CM's `ProtocolCmNotifyCloseAfComplete`. A non-pending return means the close is already over. The AF handle stays usable while the notification is pending.",
      declare("PROTOCOL_CL_NOTIFY_CLOSE_AF", "MyClNotifyCloseAf", field("ClNotifyCloseAfHandler", CL_TABLE)),
    ],
    params: {
      ClientAfContext: "Your per-AF context for the address family to close, as passed to `NdisClOpenAddressFamilyEx`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the client has already closed the address family. `NDIS_STATUS_PENDING`: the close is under way and `NdisClNotifyCloseAddressFamilyComplete` follows. Any other status: the client failed the request for its own reasons.",
    obligation:
      "Close all calls, SAPs and then the AF itself; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisClNotifyCloseAddressFamilyComplete` exactly once — never both.",
  },

  PROTOCOL_CL_OPEN_AF_COMPLETE: {
    summary:
      "Legacy NDIS 5.x `ProtocolClOpenAfComplete`: NDIS called it with the result of a pended `NdisClOpenAddressFamily`; NDIS 6 clients implement `ProtocolClOpenAfCompleteEx` instead.",
    remarks: [
      "Legacy: this handler belonged in `ClOpenAfCompleteHandler` of the NDIS 5 `NDIS_CLIENT_CHARACTERISTICS` passed to `NdisClOpenAddressFamily`. The header still defines a role type for it, but there is no current reference page.",
      "Replacement: `PROTOCOL_CL_OPEN_AF_COMPLETE_EX` (`ProtocolClOpenAfCompleteEx`), registered in `ClOpenAfCompleteHandlerEx` of " + CL_TABLE + ". It takes `Status` last and runs at PASSIVE_LEVEL.",
      "When porting, move the logic over unchanged: on success keep `NdisAfHandle`, on failure release the per-AF context.",
    ],
    params: {
      Status: "Final result of the NDIS 5 address-family open.",
      ProtocolAfContext: "Your per-AF context, the one you passed when opening the address family.",
      NdisAfHandle: "NDIS handle for the opened AF when `Status` is success; keep it for later `NdisCl*` calls.",
    },
    obligation:
      "Legacy NDIS 5 handler: on success save `NdisAfHandle`, on failure free the per-AF context; new drivers implement `ProtocolClOpenAfCompleteEx` instead.",
  },

  PROTOCOL_CL_OPEN_AF_COMPLETE_EX: {
    summary:
      "NDIS calls the client's `ProtocolClOpenAfCompleteEx` with the result of an `NdisClOpenAddressFamilyEx` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmOpenAf` pended and the CM called `NdisCmOpenAddressFamilyComplete` (MCM: `NdisMCmOpenAddressFamilyComplete`).",
      "Unlike most CoNDIS callbacks it runs at PASSIVE_LEVEL, so it may call PASSIVE-only functions. It is a natural place to register SAPs with `NdisClRegisterSap` or pre-create VCs with `NdisCoCreateVc`.",
      "On success save `NdisAfHandle` in the per-AF context; every later `NdisCl*` / `NdisCo*` call on this AF needs it. On failure `NdisAfHandle` is NULL and NDIS has already cleaned up its side; release only your own context.",
      declare("PROTOCOL_CL_OPEN_AF_COMPLETE_EX", "MyClOpenAfCompleteEx", field("ClOpenAfCompleteHandlerEx", CL_TABLE)),
    ],
    params: {
      ProtocolAfContext: "Your per-AF context, the one you passed to `NdisClOpenAddressFamilyEx`.",
      NdisAfHandle: "NDIS handle for the opened AF when `Status` is `NDIS_STATUS_SUCCESS`; NULL otherwise.",
      Status:
        "Final result of the open: `NDIS_STATUS_SUCCESS`, `NDIS_STATUS_RESOURCES` when state could not be allocated, or `NDIS_STATUS_FAILURE` e.g. when the AF is unknown or a binding is closing.",
    },
    obligation:
      "Completion callback — nothing to complete; on success store `NdisAfHandle` for later calls, on failure free the per-AF context you allocated for `NdisClOpenAddressFamilyEx`.",
  },

  PROTOCOL_CL_REGISTER_SAP_COMPLETE: {
    summary:
      "NDIS calls the client's `ProtocolClRegisterSapComplete` with the result of an `NdisClRegisterSap` request that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the call manager's `ProtocolCmRegisterSap` pended and the CM called `NdisCmRegisterSapComplete` (MCM: `NdisMCmRegisterSapComplete`).",
      "On success keep `NdisSapHandle`; you need it for `NdisClDeregisterSap`. Matching calls now arrive in `ProtocolClIncomingCall`.",
      "On failure free or recycle the per-SAP context and the SAP buffer you allocated.",
      declare("PROTOCOL_CL_REGISTER_SAP_COMPLETE", "MyClRegisterSapComplete", field("ClRegisterSapCompleteHandler", CL_TABLE)),
    ],
    params: {
      Status: "Final result of the registration, as reported by the call manager.",
      ProtocolSapContext: "Your per-SAP context, the one you passed to `NdisClRegisterSap`.",
      Sap: "The SAP description you passed to `NdisClRegisterSap`.",
      NdisSapHandle: "NDIS handle for the registered SAP; meaningful only when `Status` is `NDIS_STATUS_SUCCESS`.",
    },
    obligation:
      "Completion callback — nothing to complete; on success store `NdisSapHandle` for `NdisClDeregisterSap`, on failure release the per-SAP context and SAP buffer.",
  },

  // ---------------------------------------------------------------------------------------------
  // Shared by clients and call managers: PROTOCOL_CO_*
  // ---------------------------------------------------------------------------------------------

  PROTOCOL_CO_AF_REGISTER_NOTIFY: {
    summary:
      "NDIS calls `ProtocolCoAfRegisterNotify` to tell a bound client that a call manager has registered an address family on the underlying adapter.",
    remarks: [
      "Triggered when a CM calls `NdisCmRegisterAddressFamilyEx` or an MCM calls `NdisMCmRegisterAddressFamilyEx` on an adapter the client is bound to.",
      "Runs at PASSIVE_LEVEL, which is why it may call PASSIVE-only functions such as `NdisClOpenAddressFamilyEx`.",
      "Examine `AddressFamily`. If the client cannot use this call manager, just return; NDIS may offer other AFs later. Otherwise allocate a per-AF context and call `NdisClOpenAddressFamilyEx`; a pended open completes in `ProtocolClOpenAfCompleteEx`. Stand-alone call managers register this handler too but simply return.",
      declare("PROTOCOL_CO_AF_REGISTER_NOTIFY", "MyCoAfRegisterNotify", field("CoAfRegisterNotifyHandler", PROTO_CO_TABLE)),
    ],
    params: {
      ProtocolBindingContext: "Your per-binding context, given to NDIS in `NdisOpenAdapterEx`.",
      AddressFamily:
        "The `CO_ADDRESS_FAMILY` (signalling support) the call manager just registered; pass it to `NdisClOpenAddressFamilyEx` to open it.",
    },
    obligation:
      "Decide whether to use the advertised address family and, if so, open it with `NdisClOpenAddressFamilyEx`; a stand-alone call manager just returns.",
  },

  PROTOCOL_CO_CREATE_VC: {
    summary:
      "NDIS calls `ProtocolCoCreateVc` in a client or call manager when the other side creates a VC on their shared address family with `NdisCoCreateVc`.",
    remarks: [
      "A client's `NdisCoCreateVc` (before `NdisClMakeCall`) runs the call manager's handler; a CM's `NdisCoCreateVc` or MCM's `NdisMCmCreateVc` (before dispatching an incoming call) runs the client's.",
      "Allocate and initialise per-VC state, store `NdisVcHandle` in it, and set `*ProtocolVcContext`. If allocation fails, free everything and return `NDIS_STATUS_RESOURCES`.",
      "This call is synchronous: never return `NDIS_STATUS_PENDING`; that leaves the VC unusable and NDIS then has it deleted. A call manager should not start call setup here; that belongs in `ProtocolCmMakeCall`. The reverse operation is `ProtocolCoDeleteVc`.",
      declare("PROTOCOL_CO_CREATE_VC", "MyCoCreateVc", clientAndCm("ClCreateVcHandler", "CmCreateVcHandler")),
    ],
    params: {
      ProtocolAfContext:
        "Your per-AF context: a call manager's from `ProtocolCmOpenAf`, a client's as passed to `NdisClOpenAddressFamilyEx`.",
      NdisVcHandle: "Opaque NDIS handle for the new VC; save it, every later `NdisCo*` / `NdisCl*` / `NdisCm*` call on the VC needs it.",
      ProtocolVcContext: "Out: set `*ProtocolVcContext` to your per-VC state; NDIS passes it back in every later callback about this VC.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: per-VC state is ready. `NDIS_STATUS_RESOURCES`: it could not be allocated. Another failure status also refuses the VC. `NDIS_STATUS_PENDING` is never allowed here.",
    obligation:
      "Must finish synchronously — never return `NDIS_STATUS_PENDING`; allocate per-VC state, save `NdisVcHandle`, and set `*ProtocolVcContext` before returning success.",
  },

  PROTOCOL_CO_DELETE_VC: {
    summary:
      "NDIS calls `ProtocolCoDeleteVc` in a client or call manager when the VC's creator deletes it with `NdisCoDeleteVc`, so the other side frees its per-VC state.",
    remarks: [
      "A client deleting its own VC after a close runs the call manager's handler; a CM deleting the VC it made for an incoming call (`NdisCoDeleteVc`, MCM: `NdisMCmDeleteVc`) runs the client's.",
      "Free or recycle what `ProtocolCoCreateVc` allocated. Once you return success, the `NdisVcHandle` stored in that context is no longer valid.",
      "This call is synchronous: never return `NDIS_STATUS_PENDING`. Return `NDIS_STATUS_NOT_ACCEPTED` if work is still outstanding on the VC.",
      declare("PROTOCOL_CO_DELETE_VC", "MyCoDeleteVc", clientAndCm("ClDeleteVcHandler", "CmDeleteVcHandler")),
    ],
    params: {
      ProtocolVcContext: "Your per-VC context, set in `ProtocolCoCreateVc`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: all per-VC resources are released or ready for reuse. `NDIS_STATUS_NOT_ACCEPTED`: the VC is still active with operations outstanding, so it cannot go yet. Another failure status refuses the deletion for a driver-specific reason. `NDIS_STATUS_PENDING` is not allowed.",
    obligation:
      "Must finish synchronously — never return `NDIS_STATUS_PENDING`; release the per-VC state from `ProtocolCoCreateVc` and stop using the VC handle.",
  },

  PROTOCOL_CO_OID_REQUEST: {
    summary:
      "NDIS calls `ProtocolCoOidRequest` when the peer client, call manager or MCM on the same address family sends the driver an OID query or set.",
    remarks: [
      "Triggered by `NdisCoOidRequest` with an AF handle (client to CM or back) or by an MCM's `NdisMCmOidRequest`. NULL VC and party contexts mean the request concerns the whole AF; otherwise it targets that VC or party.",
      "Carry out the query or set in `OidRequest`. If the buffer is too small, fail with `NDIS_STATUS_INVALID_LENGTH` or `NDIS_STATUS_BUFFER_TOO_SHORT` and fill in `BytesNeeded`. The requester owns the request memory and frees it.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCoOidRequestComplete` (MCM: `NdisMCmOidRequestComplete`) exactly once; the requester then sees `ProtocolCoOidRequestComplete`.",
      declare("PROTOCOL_CO_OID_REQUEST", "MyCoOidRequest", clientAndCm("ClOidRequestHandler", "CmOidRequestHandler")),
    ],
    params: {
      ProtocolAfContext: "Your per-AF context: a client's as passed to `NdisClOpenAddressFamilyEx`, a call manager's from `ProtocolCmOpenAf`.",
      ProtocolVcContext: "Your per-VC context when the request is about one VC; NULL otherwise.",
      ProtocolPartyContext: "Your per-party context when the request is about one party of a multipoint VC; NULL otherwise.",
      OidRequest: "The `NDIS_OID_REQUEST` to carry out; write query results and byte counts back into it.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the request was carried out. `NDIS_STATUS_PENDING`: you will finish later with `NdisCoOidRequestComplete` / `NdisMCmOidRequestComplete`. `NDIS_STATUS_INVALID_LENGTH` or `NDIS_STATUS_BUFFER_TOO_SHORT`: the buffer is too small and `BytesNeeded` says how much is required. `NDIS_STATUS_NOT_SUPPORTED`: the OID is not recognised. Other failures reject the request for driver-specific reasons.",
    obligation:
      "Handle the request and either return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisCoOidRequestComplete` (MCM: `NdisMCmOidRequestComplete`) exactly once — never both.",
  },

  PROTOCOL_CO_OID_REQUEST_COMPLETE: {
    summary:
      "NDIS calls `ProtocolCoOidRequestComplete` with the final result of an OID request the driver issued with `NdisCoOidRequest` or `NdisMCmOidRequest` that returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Reached after the target finished the pended request with `NdisCoOidRequestComplete`, `NdisMCmOidRequestComplete` or, for a miniport, `NdisMCoOidRequestComplete`; `Status` is the value the target passed.",
      "On success, `BytesRead` / `BytesWritten` in `OidRequest` say how much was transferred; use query results as needed. On `NDIS_STATUS_INVALID_LENGTH` or `NDIS_STATUS_BUFFER_TOO_SHORT`, `BytesNeeded` gives the size to retry with. On other errors, free the request and decide whether the binding can go on.",
      "It can run before your `NdisCoOidRequest` call has even returned, so do not depend on state you set after making that call.",
      declare("PROTOCOL_CO_OID_REQUEST_COMPLETE", "MyCoOidRequestComplete", clientAndCm("ClOidRequestCompleteHandler", "CmOidRequestCompleteHandler")),
    ],
    params: {
      ProtocolAfContext: "Your per-AF context for the AF the request was made on.",
      ProtocolVcContext: "Your per-VC context if the request was about one VC; NULL otherwise.",
      ProtocolPartyContext: "Your per-party context if the request was about one party; NULL otherwise.",
      OidRequest: "The `NDIS_OID_REQUEST` you originally issued, now holding results and byte counts.",
      Status: "Final status chosen by the target driver or NDIS; it decides how to treat the data in `OidRequest`.",
    },
    obligation:
      "Completion callback — nothing to complete; consume the result, then free the `NDIS_OID_REQUEST` and its buffer that you allocated.",
  },

  PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS: {
    summary:
      "NDIS calls `ProtocolCoReceiveNetBufferLists` to deliver data received on a VC to the bound CoNDIS client or call manager.",
    remarks: [
      "Triggered by the miniport's `NdisMCoIndicateReceiveNetBufferLists` for a VC this driver shares (or by loopback). It may run on several processors at once, so protect shared state.",
      "If `ReceiveFlags` has `NDIS_RECEIVE_FLAGS_RESOURCES` set, the lists go back to the miniport as soon as you return: copy what you need and keep nothing. Otherwise you own them until you give them back with `NdisReturnNetBufferLists`.",
      "`NetBufferLists` is a chain of `NumberOfNetBufferLists` entries; process all of them.",
      declare("PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS", "MyCoReceiveNetBufferLists", field("CoReceiveNetBufferListsHandler", PROTO_CO_TABLE)),
    ],
    params: {
      ProtocolBindingContext: "Your per-binding context, given to NDIS in `NdisOpenAdapterEx`.",
      ProtocolVcContext: "Your per-VC context for the VC the data arrived on (given to `NdisCoCreateVc` or returned from `ProtocolCoCreateVc`).",
      NetBufferLists: "First entry of a linked chain of `NET_BUFFER_LIST` structures allocated by the miniport.",
      NumberOfNetBufferLists: "How many `NET_BUFFER_LIST` structures the chain holds.",
      ReceiveFlags:
        "Receive attributes such as `NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL` and `NDIS_RECEIVE_FLAGS_RESOURCES` (you may not keep the lists).",
    },
    obligation:
      "Give every retained `NET_BUFFER_LIST` back with `NdisReturnNetBufferLists`, and retain none when `NDIS_RECEIVE_FLAGS_RESOURCES` is set.",
  },

  PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE: {
    summary:
      "NDIS calls `ProtocolCoSendNetBufferListsComplete` to return `NET_BUFFER_LIST` structures the driver sent on a VC with `NdisCoSendNetBufferLists` once the send has finished.",
    remarks: [
      "Sends are always asynchronous: every list handed to `NdisCoSendNetBufferLists` comes back here after the miniport calls `NdisMCoSendNetBufferListsComplete`, possibly batched with others.",
      "Read each list's completion status, then free or reuse the lists and the data they describe; ownership is yours again.",
      "Before closing a call, wait until every send outstanding on its VC has come back here.",
      declare("PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE", "MyCoSendNetBufferListsComplete", field("CoSendNetBufferListsCompleteHandler", PROTO_CO_TABLE)),
    ],
    params: {
      ProtocolVcContext: "Your per-VC context for the VC the data was sent on.",
      NetBufferLists: "Chain of the `NET_BUFFER_LIST` structures being returned, each carrying its own completion status.",
      SendCompleteFlags: "Completion attributes, such as `NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL` when the caller is at DISPATCH_LEVEL.",
    },
    obligation:
      "Take back every returned `NET_BUFFER_LIST`, check its status, and free or reuse it; do not close the call until all sends on the VC have completed here.",
  },

  PROTOCOL_CO_STATUS_EX: {
    summary:
      "NDIS calls `ProtocolCoStatusEx` to pass a status indication from the underlying CoNDIS miniport, or from NDIS itself, to a client or call manager.",
    remarks: [
      "Triggered by the miniport's `NdisMCoIndicateStatusEx` or generated by NDIS. A NULL `ProtocolVcContext` means the change concerns the adapter as a whole; otherwise only the drivers sharing that VC are told.",
      "Indications are serialised per binding. Track link state from these indications rather than by polling with OID queries.",
      "Nothing is returned or completed.",
      declare("PROTOCOL_CO_STATUS_EX", "MyCoStatusEx", field("CoStatusHandlerEx", PROTO_CO_TABLE)),
    ],
    params: {
      ProtocolBindingContext: "Your per-binding context, given to NDIS in `NdisOpenAdapterEx`.",
      ProtocolVcContext:
        "Your per-VC context when the indication concerns one VC; NULL for adapter-wide indications (even though the header does not mark it optional).",
      StatusIndication: "The `NDIS_STATUS_INDICATION` describing what changed.",
    },
    obligation: "Read the `NDIS_STATUS_INDICATION` and update binding or per-VC state accordingly; there is nothing to complete.",
  },

  // ---------------------------------------------------------------------------------------------
  // CoNDIS miniport (and MCM miniport side): MINIPORT_CO_*
  // ---------------------------------------------------------------------------------------------

  MINIPORT_CO_ACTIVATE_VC: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoActivateVc` to program a VC with the call parameters a call manager supplied through `NdisCmActivateVc`.",
    remarks: [
      "Triggered by a call manager's `NdisCmActivateVc` during make-call, incoming-call or QoS-change handling. It may arrive several times for one VC to change the parameters of a live call.",
      "Validate `CallParameters` against what the adapter can do and return `NDIS_STATUS_INVALID_DATA` if they cannot be met; a failed change must leave the VC working with its old parameters. With `ROUND_UP_FLOW` / `ROUND_DOWN_FLOW` set, write back the values actually used.",
      "Then prepare the adapter for traffic on the VC. Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoActivateVcComplete` exactly once; NDIS then calls the CM's `ProtocolCmActivateVcComplete`.",
      declare("MINIPORT_CO_ACTIVATE_VC", "MyCoActivateVc", field("CoActivateVcHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportVcContext: "Your per-VC context, set in `MiniportCoCreateVc`.",
      CallParameters:
        "The call parameters the call manager wants on the VC; when flow-rounding flags are set, write back the parameters actually in use.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the VC is active with these parameters. `NDIS_STATUS_PENDING`: you will finish later with `NdisMCoActivateVcComplete`. `NDIS_STATUS_INVALID_DATA`: the parameters are invalid for this medium or adapter. `NDIS_STATUS_RESOURCES`: state for the active VC could not be allocated.",
    obligation:
      "Validate and apply the call parameters; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoActivateVcComplete` exactly once — never both.",
  },

  MINIPORT_CO_CREATE_VC: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoCreateVc` when a client or call manager creates a VC on the adapter, so the miniport can set up per-VC state.",
    remarks: [
      "Triggered when a protocol bound to the adapter calls `NdisCoCreateVc`; the VC is not active until `MiniportCoActivateVc` runs.",
      "Allocate and initialise per-VC state, keep `NdisVcHandle` in it (later `NdisMCo*` calls need it), and set `*MiniportVcContext`.",
      "This call is synchronous: never return `NDIS_STATUS_PENDING`, which brings the whole system down. Return `NDIS_STATUS_RESOURCES` if allocation fails. The counterpart is `MiniportCoDeleteVc`.",
      declare("MINIPORT_CO_CREATE_VC", "MyCoCreateVc", field("CoCreateVcHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportAdapterContext: "Your per-adapter context, set with `NdisMSetMiniportAttributes` in `MiniportInitializeEx`.",
      NdisVcHandle: "Opaque NDIS handle for the new VC; store it in your per-VC state.",
      MiniportVcContext: "Out: set `*MiniportVcContext` to your per-VC state; NDIS passes it to every later `MiniportCo*` handler for this VC.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: per-VC state is ready. `NDIS_STATUS_RESOURCES`: it could not be allocated. `NDIS_STATUS_PENDING` is forbidden.",
    obligation:
      "Must finish synchronously — never return `NDIS_STATUS_PENDING`; set `*MiniportVcContext` and keep `NdisVcHandle` before returning success.",
  },

  MINIPORT_CO_DEACTIVATE_VC: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoDeactivateVc` when a call manager deactivates a VC with `NdisCmDeactivateVc`, so the adapter stops all traffic on it.",
    remarks: [
      "Triggered by `NdisCmDeactivateVc` (MCM: `NdisMCmDeactivateVc`), normally while a call is being closed. It comes once to shut the VC down, even if `MiniportCoActivateVc` ran several times.",
      "Deprogram the adapter for this VC and mark it inactive so nothing more is sent or indicated on it.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoDeactivateVcComplete` exactly once; NDIS then calls the CM's `ProtocolCmDeactivateVcComplete`.",
      declare("MINIPORT_CO_DEACTIVATE_VC", "MyCoDeactivateVc", field("CoDeactivateVcHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportVcContext: "Your per-VC context, set in `MiniportCoCreateVc`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: all traffic on the VC has stopped and it is marked unusable. `NDIS_STATUS_PENDING`: you will finish later with `NdisMCoDeactivateVcComplete`.",
    obligation:
      "Stop all traffic on the VC; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoDeactivateVcComplete` exactly once — never both.",
  },

  MINIPORT_CO_DELETE_VC: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoDeleteVc` when the VC's creator deletes it with `NdisCoDeleteVc`, so the miniport frees its per-VC state.",
    remarks: [
      "Triggered by `NdisCoDeleteVc` (MCM: `NdisMCmDeleteVc`) once the VC has no call and has been deactivated.",
      "Free everything allocated for the VC, including the context block created in `MiniportCoCreateVc`.",
      "This call is synchronous: never return `NDIS_STATUS_PENDING`, which brings the whole system down.",
      declare("MINIPORT_CO_DELETE_VC", "MyCoDeleteVc", field("CoDeleteVcHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportVcContext: "Your per-VC context, set in `MiniportCoCreateVc`; free it here.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: every per-VC resource has been freed. It is the only documented result; `NDIS_STATUS_PENDING` is forbidden.",
    obligation:
      "Must finish synchronously — never return `NDIS_STATUS_PENDING`; free all per-VC state including the context from `MiniportCoCreateVc`.",
  },

  MINIPORT_CO_OID_REQUEST: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoOidRequest` to query or set information on the adapter or on one of its VCs.",
    remarks: [
      "Triggered by a bound protocol's `NdisCoOidRequest` or by NDIS itself. `MiniportVcContext` is NULL unless the request targets a VC. The handler table is registered with `NdisSetOptionalHandlers` from `MiniportSetOptions`.",
      "NDIS does not check OID contents, so validate them and fail bad values with `NDIS_STATUS_INVALID_DATA`. Between a surprise removal and `MiniportHaltEx`, fail requests with `NDIS_STATUS_NOT_ACCEPTED`.",
      "Return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoOidRequestComplete` exactly once. CoNDIS OID requests are not serialised: another can arrive while one is pending.",
      declare("MINIPORT_CO_OID_REQUEST", "MyCoOidRequest", field("CoOidRequestHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportAdapterContext: "Your per-adapter context, set up in `MiniportInitializeEx`.",
      MiniportVcContext: "Your per-VC context when the request is about one VC; NULL for adapter-wide requests.",
      NdisRequest:
        "The `NDIS_OID_REQUEST` to handle (the reference page's sample calls it `OidRequest`); results and byte counts go back into it.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: done. `NDIS_STATUS_PENDING`: you will finish later with `NdisMCoOidRequestComplete`. `NDIS_STATUS_INVALID_OID`: unknown request. `NDIS_STATUS_NOT_SUPPORTED`: known but not supported. `NDIS_STATUS_BUFFER_TOO_SHORT` / `NDIS_STATUS_INVALID_LENGTH`: buffer size wrong for the OID. `NDIS_STATUS_INVALID_DATA`: a value is out of range. `NDIS_STATUS_NOT_ACCEPTED`: the adapter is being removed. `NDIS_STATUS_REQUEST_ABORTED`: processing stopped, e.g. by a reset or cancellation.",
    obligation:
      "Validate and handle the request; return a final status, or return `NDIS_STATUS_PENDING` and later call `NdisMCoOidRequestComplete` exactly once — never both.",
  },

  MINIPORT_CO_SEND_NET_BUFFER_LISTS: {
    summary:
      "NDIS calls the CoNDIS miniport's `MiniportCoSendNetBufferLists` to transmit a chain of `NET_BUFFER_LIST` structures on a VC for a protocol's `NdisCoSendNetBufferLists`.",
    remarks: [
      "Accept every send; queue what cannot go out at once. The lists and their resources are yours until you complete them.",
      "Transmit in the order given, and across calls in the order received; pad frames shorter than the medium's minimum. Guard your queues against your other handlers, for example with spin locks.",
      "Complete every list with `NdisMCoSendNetBufferListsComplete` (batching allowed), with each list's status set, and do not touch a list afterwards. NDIS then calls the sender's `ProtocolCoSendNetBufferListsComplete`.",
      declare("MINIPORT_CO_SEND_NET_BUFFER_LISTS", "MyCoSendNetBufferLists", field("CoSendNetBufferListsHandler", MINIPORT_CO_TABLE)),
    ],
    params: {
      MiniportVcContext: "Your per-VC context for the VC to send on, set in `MiniportCoCreateVc`.",
      NetBufferLists: "First entry of a linked chain of `NET_BUFFER_LIST` structures holding the data to transmit.",
      SendFlags: "Send attributes, such as `NDIS_SEND_FLAGS_DISPATCH_LEVEL` or `NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK`; zero when none apply.",
    },
    obligation:
      "Accept every list and complete each one exactly once with `NdisMCoSendNetBufferListsComplete`; never touch a list after completing it.",
  },

  // ---------------------------------------------------------------------------------------------
  // Legacy NDIS 5.x pointer typedefs (no role type): CO_* and W_CO_*
  // ---------------------------------------------------------------------------------------------

  CO_RECEIVE_PACKET_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for `ProtocolCoReceivePacket`, which received `NDIS_PACKET` data on a VC; NDIS 6 drivers implement `ProtocolCoReceiveNetBufferLists` instead.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x builds and defined without a `_Function_class_` role type, so it cannot be declared the NDIS 6 way. NDIS called it for each packet a miniport indicated with `NdisMCoIndicateReceivePacket`.",
      "Replacement: `PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS` (`ProtocolCoReceiveNetBufferLists`) in `CoReceiveNetBufferListsHandler` of " + PROTO_CO_TABLE + "; retained data goes back with `NdisReturnNetBufferLists` instead of `NdisReturnPackets`.",
    ],
    params: {
      ProtocolBindingContext: "Your per-binding context from the NDIS 5 adapter open.",
      ProtocolVcContext: "Your per-VC context for the VC the packet arrived on.",
      Packet: "The received `NDIS_PACKET`.",
    },
    returns:
      "How many times the protocol will later call `NdisReturnPackets` for this packet; zero means it keeps nothing and the packet goes straight back to the miniport.",
    obligation:
      "Legacy NDIS 5 handler: return the number of references you keep on `Packet` and release each with `NdisReturnPackets`; port to `ProtocolCoReceiveNetBufferLists` for NDIS 6.",
  },

  CO_REQUEST_COMPLETE_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for `ProtocolCoRequestComplete`, which finished a pended `NdisCoRequest`; NDIS 6 drivers implement `ProtocolCoOidRequestComplete` instead.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x builds and defined without a `_Function_class_` role type. NDIS called it when an `NDIS_REQUEST` issued with `NdisCoRequest` had pended and the target finished it.",
      "Replacement: `PROTOCOL_CO_OID_REQUEST_COMPLETE` (`ProtocolCoOidRequestComplete`) in `ClOidRequestCompleteHandler` / `CmOidRequestCompleteHandler`; it works on `NDIS_OID_REQUEST` and takes `Status` last.",
    ],
    params: {
      Status: "Final status of the request.",
      ProtocolAfContext: "Your per-AF context for the AF the request was made on.",
      ProtocolVcContext: "Your per-VC context if the request was about one VC; NULL otherwise.",
      ProtocolPartyContext: "Your per-party context if the request was about one party; NULL otherwise.",
      NdisRequest: "The NDIS 5 `NDIS_REQUEST` you issued, now holding the results.",
    },
    obligation:
      "Legacy NDIS 5 handler: consume the result and free the `NDIS_REQUEST` you allocated; port to `ProtocolCoOidRequestComplete` for NDIS 6.",
  },

  CO_REQUEST_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for `ProtocolCoRequest`, which served `NdisCoRequest` queries and sets between a client and its call manager; NDIS 6 uses `ProtocolCoOidRequest`.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x builds and defined without a `_Function_class_` role type. It handled `NDIS_REQUEST` structures sent by the peer on the same address family.",
      "Replacement: `PROTOCOL_CO_OID_REQUEST` (`ProtocolCoOidRequest`) in `ClOidRequestHandler` / `CmOidRequestHandler`, which works on `NDIS_OID_REQUEST` and completes pended requests with `NdisCoOidRequestComplete`.",
    ],
    params: {
      ProtocolAfContext: "Your per-AF context for the AF the request arrived on.",
      ProtocolVcContext: "Your per-VC context if the request targets one VC; NULL otherwise.",
      ProtocolPartyContext: "Your per-party context if the request targets one party; NULL otherwise.",
      NdisRequest: "The NDIS 5 `NDIS_REQUEST` to carry out; results go back into it.",
    },
    returns:
      "A final `NDIS_STATUS` for the request, or `NDIS_STATUS_PENDING` when it will be finished later with `NdisCoRequestComplete`.",
    obligation:
      "Legacy NDIS 5 handler: answer the request with a final status, or pend it and call `NdisCoRequestComplete` exactly once; port to `ProtocolCoOidRequest` for NDIS 6.",
  },

  CO_SEND_COMPLETE_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for `ProtocolCoSendComplete`, which handed back a packet sent with `NdisCoSendPackets`; NDIS 6 uses `ProtocolCoSendNetBufferListsComplete`.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x builds and defined without a `_Function_class_` role type. NDIS called it once per packet after the miniport reported the send done (`NdisMCoSendComplete`).",
      "Replacement: `PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE` (`ProtocolCoSendNetBufferListsComplete`) in `CoSendNetBufferListsCompleteHandler` of " + PROTO_CO_TABLE + "; the per-send status moves into each `NET_BUFFER_LIST`.",
    ],
    params: {
      Status: "Final status of the send of `Packet`.",
      ProtocolVcContext: "Your per-VC context for the VC the packet was sent on.",
      Packet: "The `NDIS_PACKET` being returned to its owner.",
    },
    obligation:
      "Legacy NDIS 5 handler: reclaim and free or reuse the returned packet; port to `ProtocolCoSendNetBufferListsComplete` for NDIS 6.",
  },

  CO_STATUS_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for `ProtocolCoStatus`, which received status indications from a CoNDIS miniport; NDIS 6 drivers implement `ProtocolCoStatusEx` instead.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x builds and defined without a `_Function_class_` role type. NDIS called it for indications made with `NdisMCoIndicateStatus`, adapter-wide or for one VC.",
      "Replacement: `PROTOCOL_CO_STATUS_EX` (`ProtocolCoStatusEx`) in `CoStatusHandlerEx` of " + PROTO_CO_TABLE + "; the status code and buffer are packed into one `NDIS_STATUS_INDICATION`.",
    ],
    params: {
      ProtocolBindingContext: "Your per-binding context from the NDIS 5 adapter open.",
      ProtocolVcContext: "Your per-VC context if the indication concerns one VC; NULL otherwise.",
      GeneralStatus: "The status code being indicated.",
      StatusBuffer: "Indication-specific data accompanying `GeneralStatus`.",
      StatusBufferSize: "Size of `StatusBuffer` in bytes.",
    },
    obligation:
      "Legacy NDIS 5 handler: update binding or per-VC state from the indication; port to `ProtocolCoStatusEx` for NDIS 6.",
  },

  W_CO_REQUEST_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for a CoNDIS miniport's `MiniportCoRequest`, which handled `NDIS_REQUEST` queries and sets; NDIS 6 miniports implement `MiniportCoOidRequest` instead.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x miniport builds and defined without a `_Function_class_` role type, so it cannot be declared the NDIS 6 way.",
      "Replacement: `MINIPORT_CO_OID_REQUEST` (`MiniportCoOidRequest`) in `CoOidRequestHandler` of " + MINIPORT_CO_TABLE + "; it takes an `NDIS_OID_REQUEST` and completes pended requests with `NdisMCoOidRequestComplete`.",
    ],
    params: {
      MiniportAdapterContext: "Your per-adapter context.",
      MiniportVcContext: "Your per-VC context when the request targets one VC; NULL for adapter-wide requests.",
      NdisRequest: "The NDIS 5 `NDIS_REQUEST` to carry out; results go back into it.",
    },
    returns:
      "A final `NDIS_STATUS` for the request, or `NDIS_STATUS_PENDING` when the miniport will finish it later with `NdisMCoRequestComplete`.",
    obligation:
      "Legacy NDIS 5 handler: answer with a final status, or pend and call `NdisMCoRequestComplete` exactly once; port to `MiniportCoOidRequest` for NDIS 6.",
  },

  W_CO_SEND_PACKETS_HANDLER: {
    summary:
      "Legacy NDIS 5.x pointer type for a CoNDIS miniport's `MiniportCoSendPackets`, which transmitted an array of `NDIS_PACKET`s on a VC; NDIS 6 uses `MiniportCoSendNetBufferLists`.",
    remarks: [
      "Legacy: compiled only for NDIS 5.x miniport builds and defined without a `_Function_class_` role type. Each packet was handed back with `NdisMCoSendComplete`.",
      "Replacement: `MINIPORT_CO_SEND_NET_BUFFER_LISTS` (`MiniportCoSendNetBufferLists`) in `CoSendNetBufferListsHandler` of " + MINIPORT_CO_TABLE + ", completing with `NdisMCoSendNetBufferListsComplete`.",
    ],
    params: {
      MiniportVcContext: "Your per-VC context for the VC to send on.",
      PacketArray: "Array of pointers to the `NDIS_PACKET`s to transmit, in order.",
      NumberOfPackets: "Number of entries in `PacketArray`.",
    },
    obligation:
      "Legacy NDIS 5 handler: transmit or queue every packet and complete each with `NdisMCoSendComplete` exactly once; port to `MiniportCoSendNetBufferLists` for NDIS 6.",
  },
};
