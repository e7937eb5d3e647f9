// Our own prose for the call-manager functions and macros (NdisCm*, NdisMCm*).
// Facts (prototype, IRQL, minimum NDIS version, completion pairs) come from facts.generated.ts;
// this file only explains them. Written by the project; see each entry's reference page for the source.
import type { EntryProse } from '../types';

export const CALL_MANAGER_FUNCTION_PROSE: Record<string, EntryProse> = {
  // ---------------------------------------------------------------------------------------------
  // Stand-alone call manager (protocol driver): NdisCm*
  // ---------------------------------------------------------------------------------------------

  NdisCmActivateVc: {
    summary:
      "Passes call and media parameters for a VC down to the underlying miniport so it can carry traffic, or changes the parameters of an already active VC.",
    remarks: [
      "NDIS forwards the parameters to the miniport's `MiniportCoActivateVc`. If the miniport pends, it later calls `NdisMCoActivateVcComplete`, and NDIS then runs the CM's `ProtocolCmActivateVcComplete`.",
      "Activate before any data moves. Outgoing call: after the network has agreed to the call and before `NdisCmMakeCallComplete`. Incoming call: after `NdisCoCreateVc` and before `NdisCmDispatchIncomingCall`.",
      "Call it again each time the parameters of a live VC change (network conditions, or a client's `NdisClModifyCallQoS`). If the miniport refuses the values, the CM may adjust them and retry; how often is up to the CM.",
      "Only stand-alone call managers call this; an integrated miniport call manager (MCM) calls `NdisMCmActivateVc`.",
    ],
    params: {
      NdisVcHandle:
        "The VC to activate: the handle from `NdisCoCreateVc` for an incoming call the CM set up, or the one NDIS passed to `ProtocolCoCreateVc` for a client-created VC.",
      CallParameters:
        "CM-allocated, resident `CO_CALL_PARAMETERS` holding the media-specific settings the miniport should apply. Keep it allocated until activation has completed; it comes back in `ProtocolCmActivateVcComplete`.",
    },
    returns:
      "`NDIS_STATUS_PENDING`: the miniport is still working, and NDIS calls `ProtocolCmActivateVcComplete` with the final status. Any other value is already final (success, or the miniport's reason for refusing), and the CM should run its own `ProtocolCmActivateVcComplete` logic itself.",
  },

  NdisCmAddPartyComplete: {
    summary:
      "Reports the final outcome of a client's add-party request that the stand-alone call manager's `ProtocolCmAddParty` handler pended.",
    remarks: [
      "Call it exactly once, and only when `ProtocolCmAddParty` returned `NDIS_STATUS_PENDING`. NDIS then calls the client's `ProtocolClAddPartyComplete`.",
      "On success, pass the CM's per-party state in `CallMgrPartyContext`; NDIS hands it back in every later `ProtocolCm*` call about this party. On failure the context is ignored and the CM can free whatever it set aside for the party.",
      "If the client asked for traffic parameters that differ from those of the multipoint VC, the CM chooses: set up per-party values (if the medium allows), force the VC's values, change the VC for all parties, or fail the request.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmAddPartyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisPartyHandle: "The party handle NDIS passed to the pended `ProtocolCmAddParty`.",
      CallMgrPartyContext:
        "On success, the CM's resident per-party state (usually a pointer to it). May be NULL on failure, because NDIS ignores it then.",
      CallParameters: "`CO_CALL_PARAMETERS` for the party being added, as the CM finally settled them.",
    },
  },

  NdisCmCloseAddressFamilyComplete: {
    summary:
      "Finishes a client's close of an address family after the stand-alone call manager's `ProtocolCmCloseAf` handler returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmCloseAf`. NDIS then calls the client's `ProtocolClCloseAfComplete`; only after that can the client free its per-AF state.",
      "Release the CM's own per-AF resources first: the moment this call is made, `NdisAfHandle` is no longer valid for the CM and must not be passed to NDIS again.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmCloseAddressFamilyComplete`.",
    ],
    params: {
      Status:
        "Pass `NDIS_STATUS_SUCCESS`; closing an address family is not expected to fail, and `NDIS_STATUS_PENDING` is never valid here.",
      NdisAfHandle: "The AF handle NDIS gave `ProtocolCmOpenAf` when this client opened the address family.",
    },
  },

  NdisCmCloseCallComplete: {
    summary:
      "Reports the final result of a client's close-call request that the stand-alone call manager's `ProtocolCmCloseCall` handler pended by returning `NDIS_STATUS_PENDING`.",
    remarks: [
      "Takes three arguments: `Status`, `NdisVcHandle`, `NdisPartyHandle`. `Status` is the final outcome of the close, success or any failure code, but never `NDIS_STATUS_PENDING`.",
      "Use it only for a close that `ProtocolCmCloseCall` pended, and call it exactly once per pended close. If the handler returned any other status, NDIS has already completed the request toward the client, so calling this as well completes it twice.",
      "NDIS then calls the client's `ProtocolClCloseCallComplete`. Pass NULL as `NdisPartyHandle` for a point-to-point VC, and the handle of the last remaining party for a multipoint VC.",
      "Teardown order: finish the network signalling, deactivate the VC with `NdisCmDeactivateVc`, then complete here. After a successful completion neither the VC handle nor the party handle may be used for transfers.",
      "Who deletes the VC depends on who created it. A VC the CM created for an incoming call is deleted by the CM with `NdisCoDeleteVc`, using the same handle. A client-created VC is deleted by the client, and the CM frees its per-VC state when its `ProtocolCoDeleteVc` runs.",
      "Only stand-alone call managers (protocol drivers) call this function. An integrated miniport call manager (MCM) calls `NdisMCmCloseCallComplete`, a macro that expands to this function, so tools must judge the name as spelled in the source.",
      "Requirements: callable at IRQL <= DISPATCH_LEVEL; available to NDIS 5.1 and NDIS 6.0 drivers; declared in ndis.h and linked through ndis.lib; covered by the Static Driver Verifier rule Irql_CallManager_Function.",
    ],
    params: {
      Status:
        "Final outcome of the close: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle:
        "The VC whose call is closing, created with `NdisCoCreateVc` by either the CM or the client. The CM usually reads it from the per-VC state that `CallMgrVcContext` of `ProtocolCmCloseCall` points to.",
      NdisPartyHandle:
        "NULL for a point-to-point VC. For a multipoint VC, the handle of the last remaining party, taken from the per-party state that `CallMgrPartyContext` of `ProtocolCmCloseCall` points to.",
    },
  },

  NdisCmDeactivateVc: {
    summary:
      "Tells NDIS and the underlying miniport that an active VC will carry no more traffic; a required step when a call is torn down.",
    remarks: [
      "Call it during teardown, typically from `ProtocolCmCloseCall` once the network side has closed, and before completing the close or deleting the VC. NDIS forwards it to `MiniportCoDeactivateVc`; a miniport that pends finishes with `NdisMCoDeactivateVcComplete`.",
      "The VC handle stays valid after deactivation, so the VC's creator can reuse it for another call or delete it.",
      "Also call it when a client rejects an incoming call on a VC the CM had already activated.",
      "Only stand-alone call managers call this; an MCM calls `NdisMCmDeactivateVc`.",
    ],
    params: {
      NdisVcHandle:
        "The active VC: from `NdisCoCreateVc` for an incoming call, or from `ProtocolCoCreateVc` for a client-created VC.",
    },
    returns:
      "`NDIS_STATUS_PENDING`: NDIS calls `ProtocolCmDeactivateVcComplete` once the miniport is done. Any other value is final, and the CM should run its own `ProtocolCmDeactivateVcComplete` logic itself.",
  },

  NdisCmDeregisterSapComplete: {
    summary:
      "Finishes a client's SAP deregistration after the stand-alone call manager's `ProtocolCmDeregisterSap` handler returned `NDIS_STATUS_PENDING`.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmDeregisterSap`. NDIS then calls the client's `ProtocolClDeregisterSapComplete`.",
      "Once it returns, `NdisSapHandle` is invalid for the CM: free the per-SAP state and offer no more incoming calls on that SAP.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDeregisterSapComplete`.",
    ],
    params: {
      Status: "Pass `NDIS_STATUS_SUCCESS`. Never `NDIS_STATUS_PENDING`.",
      NdisSapHandle:
        "The SAP being removed; the CM stored it in its per-SAP state when `ProtocolCmRegisterSap` ran.",
    },
  },

  NdisCmDispatchCallConnected: {
    summary:
      "Tells the client that an incoming call it accepted is now fully connected, so data can flow on the VC the call manager created for it.",
    remarks: [
      "Last step of the incoming-call handshake: the client accepts with `NdisClIncomingCallComplete`, NDIS calls the CM's `ProtocolCmIncomingCallComplete`, and the CM calls this from there. NDIS then calls the client's `ProtocolClCallConnected`.",
      "Do not call it for a rejected offer; deactivate the VC (and, as its creator, possibly delete it) instead.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDispatchCallConnected`.",
    ],
    params: {
      NdisVcHandle:
        "The VC the CM created with `NdisCoCreateVc` when the incoming call arrived.",
    },
  },

  NdisCmDispatchIncomingCall: {
    summary:
      "Offers a call that arrived from the network for a registered SAP to the client that registered that SAP.",
    remarks: [
      "Before calling: identify the target SAP, create the VC with `NdisCoCreateVc`, agree on call parameters with the remote side, and activate the VC with `NdisCmActivateVc`.",
      "NDIS calls the client's `ProtocolClIncomingCall`; the client answers with `NdisClIncomingCallComplete`, which reaches the CM's `ProtocolCmIncomingCallComplete`.",
      "Accepted: follow up with `NdisCmDispatchCallConnected`. Rejected: notify the remote node, deactivate the VC and, being its creator, delete it with `NdisCoDeleteVc` if it will not be reused.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDispatchIncomingCall`.",
    ],
    params: {
      NdisSapHandle:
        "The SAP the call is aimed at; NDIS passed this handle to `ProtocolCmRegisterSap` when the client registered the SAP.",
      NdisVcHandle: "The VC the CM created with `NdisCoCreateVc` for this call and has already activated.",
      CallParameters:
        "`CO_CALL_PARAMETERS` with the traffic and media parameters of the offered call. The client may modify them when it accepts, so validate them again in `ProtocolCmIncomingCallComplete`.",
    },
    returns:
      "`NDIS_STATUS_PENDING`: the client has not answered yet, and NDIS calls `ProtocolCmIncomingCallComplete` when it does. Any other value is the client's final answer, and the CM should run its own `ProtocolCmIncomingCallComplete` logic itself.",
  },

  NdisCmDispatchIncomingCallQoSChange: {
    summary:
      "Tells the client that the remote side has asked to change the quality of service of an active call.",
    remarks: [
      "First pass the changed parameters to the miniport with `NdisCmActivateVc`. Once the miniport accepts them, call this; NDIS then calls the client's `ProtocolClIncomingCallQoSChange`.",
      "The client accepts by just updating its own state. If it cannot live with the new QoS, it tears the call down.",
      "Only meaningful when the signalling protocol supports changing QoS on a live call. Only stand-alone call managers call this; an MCM uses `NdisMCmDispatchIncomingCallQoSChange`.",
    ],
    params: {
      NdisVcHandle:
        "The active VC whose QoS is changing: from `NdisCoCreateVc` (incoming call) or from `ProtocolCoCreateVc` (client-created VC).",
      CallParameters: "`CO_CALL_PARAMETERS` carrying the new QoS the remote peer asked for.",
    },
  },

  NdisCmDispatchIncomingCloseCall: {
    summary:
      "Asks the client to tear down an active or offered call, usually because the remote party or the network has closed the connection.",
    remarks: [
      "NDIS calls the client's `ProtocolClIncomingCloseCall`. The client must answer with `NdisClCloseCall` (after dropping all but the last party of a multipoint VC), which arrives at the CM's `ProtocolCmCloseCall` like any other close.",
      "Use `NDIS_STATUS_SUCCESS` for an ordinary remote hang-up. Use an error for a broken path, or when the parameters a client proposed while accepting an incoming call cannot be supported.",
      "When the teardown is done, whoever created the VC deletes it with `NdisCoDeleteVc`.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDispatchIncomingCloseCall`.",
    ],
    params: {
      CloseStatus:
        "Why the call is closing: `NDIS_STATUS_SUCCESS` for a normal close requested by the remote party, or a CM-chosen error for abnormal conditions.",
      NdisVcHandle: "The VC of the call being torn down, created by either the CM or the client.",
      Buffer:
        "Optional resident buffer with protocol-specific close data received from the remote side; NULL when the medium carries none.",
      Size: "Length of `Buffer` in bytes; 0 when `Buffer` is NULL.",
    },
  },

  NdisCmDispatchIncomingDropParty: {
    summary:
      "Tells the client to remove one party from a multipoint VC, typically because that remote party hung up.",
    remarks: [
      "NDIS calls the client's `ProtocolClIncomingDropParty`, and the client then removes the party with `NdisClDropParty`.",
      "Only for a party that is not the last one on the VC. When the last party goes, call `NdisCmDispatchIncomingCloseCall` instead.",
      "`NDIS_STATUS_SUCCESS` means a normal close by the remote party; a CM-chosen error reports a network failure, such as a lost path to that party.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDispatchIncomingDropParty`.",
    ],
    params: {
      DropStatus:
        "Why the party is leaving: usually `NDIS_STATUS_SUCCESS` for a plain remote close, otherwise a CM-chosen error.",
      NdisPartyHandle: "The party to remove. The multipoint VC must still have other connected parties.",
      Buffer:
        "Optional resident buffer with protocol-specific data received from the remote party; NULL when the medium carries none.",
      Size: "Length of `Buffer` in bytes; 0 when `Buffer` is NULL.",
    },
  },

  NdisCmDropPartyComplete: {
    summary:
      "Reports the final outcome of a client's drop-party request that the stand-alone call manager's `ProtocolCmDropParty` handler pended.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmDropParty`. NDIS then calls the client's `ProtocolClDropPartyComplete`; until then neither NDIS nor the client can free the party's state.",
      "After completing with `NDIS_STATUS_SUCCESS`, treat `NdisPartyHandle` as dead; once the call returns, free or recycle the CM's per-party state.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmDropPartyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisPartyHandle:
        "The party the client asked to drop, taken from the per-party state that `CallMgrPartyContext` of `ProtocolCmDropParty` points to.",
    },
  },

  NdisCmMakeCallComplete: {
    summary:
      "Reports the final outcome of a client's outgoing call that the stand-alone call manager's `ProtocolCmMakeCall` handler pended.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmMakeCall`, failures included; NDIS then calls the client's `ProtocolClMakeCallComplete`. Skipping it after a failure leaks state in NDIS, the client and the CM.",
      "Report success only when the VC is ready for data, that is after `NdisCmActivateVc` succeeded. The client cannot send on the VC before a successful completion.",
      "On failure the party handle (if any) is dead once this call is made, and the CM's `ProtocolCoDeleteVc` will later run for the client-created VC so it can free its per-VC state.",
      "If the CM changed the client's call parameters, return the changed set in `CallParameters`; a client that finds them unacceptable tears the call down.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmMakeCallComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle:
        "The client-created VC; the CM received it in `ProtocolCoCreateVc` and keeps it in the per-VC state passed to `ProtocolCmMakeCall`.",
      NdisPartyHandle:
        "For a multipoint call, the initial party's handle from `ProtocolCmMakeCall`; NULL for a point-to-point VC.",
      CallMgrPartyContext:
        "For a multipoint call, the CM's resident per-party state, which NDIS passes back in later `ProtocolCm*` calls about that party; NULL when `NdisPartyHandle` is NULL.",
      CallParameters:
        "On success, the call parameters actually in force for the connection, including any changes the CM made.",
    },
  },

  NdisCmModifyCallQoSComplete: {
    summary:
      "Reports the final outcome of a client's QoS-change request that the stand-alone call manager's `ProtocolCmModifyCallQoS` handler pended.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmModifyCallQoS`. NDIS then calls the client's `ProtocolClModifyCallQoSComplete`.",
      "Before reporting success, pass the accepted parameters to the miniport with `NdisCmActivateVc`.",
      "The CM may settle on a QoS other than the one requested; the client inspects it and either keeps the call or tears it down.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmModifyCallQoSComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle:
        "The VC whose QoS was to change, from the per-VC state that `CallMgrVcContext` of `ProtocolCmModifyCallQoS` points to.",
      CallParameters: "On success, the QoS that both the CM and the miniport accepted.",
    },
  },

  NdisCmNotifyCloseAddressFamily: {
    summary:
      "Asks NDIS to have a client close an address family because the stand-alone call manager is unbinding from the underlying miniport adapter.",
    remarks: [
      "PASSIVE_LEVEL only. Call it from `ProtocolUnbindAdapterEx`, once per AF handle still open on the binding; never from a handler that may run at DISPATCH_LEVEL or while holding a spin lock.",
      "NDIS calls the client's `ProtocolClNotifyCloseAf`, which closes the AF; a client that pends finishes with `NdisClNotifyCloseAddressFamilyComplete`.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmNotifyCloseAddressFamily`.",
    ],
    params: {
      NdisAfHandle: "The AF to close, as NDIS passed it to `ProtocolCmOpenAf` when the client opened it.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the AF was closed. `NDIS_STATUS_PENDING`: the client is still closing it, and NDIS calls `ProtocolCmNotifyCloseAfComplete` when it is done. Any other value: NDIS or the client failed the request.",
  },

  NdisCmOpenAddressFamilyComplete: {
    summary:
      "Reports the final outcome of a client's address-family open that the stand-alone call manager's `ProtocolCmOpenAf` handler pended.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmOpenAf`. NDIS then calls the client's `ProtocolClOpenAfCompleteEx`; until that happens the client can do no further connection-oriented work on the binding.",
      "On success NDIS passes `CallMgrAfContext` to every later `ProtocolCm*` and `ProtocolCo*` call about this open, until the client closes the AF.",
      "On failure, free or recycle the AF context before calling, and treat `NdisAfHandle` as invalid afterwards.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmOpenAddressFamilyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisAfHandle: "The handle NDIS passed to the pended `ProtocolCmOpenAf`.",
      CallMgrAfContext:
        "On success, the CM's resident state for this client's open of the AF (typically recording `NdisAfHandle`); ignored on failure.",
    },
  },

  NdisCmRegisterAddressFamily: {
    summary:
      "Legacy NDIS 5 call with which a stand-alone call manager registered an address family on a binding, handing over its call-manager entry points at the same time.",
    remarks: [
      "Legacy NDIS 5 only: ndis.h declares it just for legacy builds (`NDIS_LEGACY_DRIVER`). NDIS 6 drivers use `NdisCmRegisterAddressFamilyEx`.",
      "In NDIS 6 the entry points no longer travel with the registration. The CM supplies `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS` through `NdisSetOptionalHandlers` and registers each AF with `NdisCmRegisterAddressFamilyEx` from `ProtocolBindAdapterEx`.",
      "When porting, move the `NDIS_CALL_MANAGER_CHARACTERISTICS` assignments into the optional-handler structure and switch request handling to `NDIS_OID_REQUEST`. The miniport call manager counterpart is the equally legacy `NdisMCmRegisterAddressFamily`.",
    ],
    params: {
      NdisBindingHandle: "The binding to the underlying adapter on which the AF is offered.",
      AddressFamily: "`CO_ADDRESS_FAMILY` identifying the address family (and the call manager) being registered.",
      CmCharacteristics: "NDIS 5 `NDIS_CALL_MANAGER_CHARACTERISTICS` table listing the CM's entry points.",
      SizeOfCmCharacteristics: "Size in bytes of the table at `CmCharacteristics`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS` when the AF was registered. Any other value means registration failed and clients are not told about the AF.",
  },

  NdisCmRegisterAddressFamilyEx: {
    summary:
      "Registers an address family that the stand-alone call manager serves on one binding, so that clients bound to the same adapter can open it.",
    remarks: [
      "PASSIVE_LEVEL only. Call it from `ProtocolBindAdapterEx` once `NdisOpenAdapterEx` has set up the binding, once for each AF the CM supports on that binding.",
      "The CM's entry points must already be registered through `NdisSetOptionalHandlers` with `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS`, every field filled in.",
      "After success NDIS calls `ProtocolCoAfRegisterNotify` in each client bound to the same adapter; a client that wants the AF opens it, which reaches the CM's `ProtocolCmOpenAf`.",
      "A CM may register several AFs, but a given AF on a given adapter belongs to one call manager only. MCMs call `NdisMCmRegisterAddressFamilyEx` instead.",
    ],
    params: {
      NdisBindingHandle:
        "The binding handle that `NdisOpenAdapterEx` produced; the AF is tied to this binding.",
      AddressFamily:
        "`CO_ADDRESS_FAMILY` naming the AF offered on this binding; NDIS passes the same pointer to the clients' `ProtocolCoAfRegisterNotify`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the AF is registered and clients will be notified. `NDIS_STATUS_RESOURCES`: NDIS could not allocate its tracking state. `NDIS_STATUS_FAILURE`: for example the caller or the miniport is not connection-oriented, another call manager already registered this AF, or the binding is closing.",
  },

  NdisCmRegisterSapComplete: {
    summary:
      "Reports the final outcome of a client's SAP registration that the stand-alone call manager's `ProtocolCmRegisterSap` handler pended.",
    remarks: [
      "Call it exactly once for a pended `ProtocolCmRegisterSap`. NDIS then calls the client's `ProtocolClRegisterSapComplete`.",
      "On success NDIS passes `CallMgrSapContext` back in every later call about the SAP, and offers for it go out with `NdisCmDispatchIncomingCall` using `NdisSapHandle`.",
      "On failure `NdisSapHandle` is dead as soon as this call is made; NDIS discards its SAP state, and the CM can free or reuse its per-SAP area once the call returns.",
      "Only stand-alone call managers call this; an MCM uses `NdisMCmRegisterSapComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a CM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisSapHandle: "The SAP handle NDIS passed to the pended `ProtocolCmRegisterSap`.",
      CallMgrSapContext: "On success, the CM's resident per-SAP state; ignored on failure.",
    },
  },

  // ---------------------------------------------------------------------------------------------
  // Integrated miniport call manager (MCM): NdisMCm*
  // ---------------------------------------------------------------------------------------------

  NdisMCmActivateVc: {
    summary:
      "Tells NDIS that the miniport call manager has set up, or changed, the call and media parameters of a VC and is ready to transfer data on it.",
    remarks: [
      "Call it after the connection is established and before any data is sent or received: for an outgoing call before `NdisMCmMakeCallComplete`, for an incoming call after `NdisMCmCreateVc` and before `NdisMCmDispatchIncomingCall`.",
      "Call it again whenever the parameters of an active VC change. If the new values cannot be honoured, either deactivate the VC with `NdisMCmDeactivateVc` or restore the previous parameters and tell the client.",
      "The MCM is itself the miniport, so NDIS calls no other driver; whether the MCM has an internal activation routine is a design choice.",
      "Only MCMs call this; stand-alone call managers call `NdisCmActivateVc`.",
    ],
    params: {
      NdisVcHandle:
        "The VC being activated: from `NdisMCmCreateVc` for an incoming call, or from `ProtocolCoCreateVc` for a client-created VC.",
      CallParameters: "MCM-allocated `CO_CALL_PARAMETERS` with the media-specific parameters in force for the VC.",
    },
    returns:
      "`NDIS_STATUS_PENDING`: NDIS calls the MCM's `ProtocolCmActivateVcComplete` when activation finishes. Any other value is final, and the MCM should run its own `ProtocolCmActivateVcComplete` logic itself.",
  },

  NdisMCmAddPartyComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of an add-party request that its `ProtocolCmAddParty` handler pended.",
    remarks: [
      "A macro over `NdisCmAddPartyComplete` with the same rules: call it exactly once for a pended `ProtocolCmAddParty`, and NDIS then calls the client's `ProtocolClAddPartyComplete`.",
      "On success supply the per-party state in `CallMgrPartyContext`; NDIS ignores it on failure.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmAddPartyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisPartyHandle: "The party handle NDIS passed to the pended `ProtocolCmAddParty`.",
      CallMgrPartyContext: "On success, the MCM's resident per-party state; may be NULL on failure.",
      CallParameters: "`CO_CALL_PARAMETERS` for the party being added, as the MCM finally settled them.",
    },
  },

  NdisMCmCloseAddressFamilyComplete: {
    summary:
      "Macro a miniport call manager uses to finish a client's address-family close that its `ProtocolCmCloseAf` handler pended.",
    remarks: [
      "A macro over `NdisCmCloseAddressFamilyComplete`: call it exactly once for a pended `ProtocolCmCloseAf`, and NDIS then calls the client's `ProtocolClCloseAfComplete`.",
      "Free the MCM's per-AF state first; `NdisAfHandle` is invalid for the MCM as soon as this call is made.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmCloseAddressFamilyComplete`.",
    ],
    params: {
      Status: "Pass `NDIS_STATUS_SUCCESS`; never `NDIS_STATUS_PENDING`.",
      NdisAfHandle: "The AF handle NDIS gave `ProtocolCmOpenAf` when this client opened the address family.",
    },
  },

  NdisMCmCloseCallComplete: {
    summary:
      "Macro an integrated miniport call manager uses to report the final result of a close-call request that its `ProtocolCmCloseCall` handler pended.",
    remarks: [
      "A macro that expands to `NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle)`; the reference page names its three arguments `_S_`, `_VH_`, `_PH_`. The expansion hides the MCM spelling, so tools must judge the name as written in the source.",
      "`Status` is the final outcome, success or any failure, never `NDIS_STATUS_PENDING`. Call it exactly once, and only for a close that `ProtocolCmCloseCall` pended; a handler that returned a final status has already completed the request.",
      "NDIS then calls the client's `ProtocolClCloseCallComplete`. `NdisPartyHandle` is NULL for a point-to-point VC and the last remaining party's handle for a multipoint VC.",
      "Teardown order: finish the signalling, deactivate the VC with `NdisMCmDeactivateVc`, then complete. After a successful completion the VC handle (and party handle) can no longer be used for transfers.",
      "Cleanup follows creation. A VC the MCM made with `NdisMCmCreateVc` for an incoming call is deleted by the MCM with `NdisMCmDeleteVc`. A client-created VC is deleted by the client, and the MCM frees its per-VC state in `ProtocolCoDeleteVc`.",
      "Only MCMs use this spelling; stand-alone call managers (protocol drivers) call `NdisCmCloseCallComplete`. Requirements: IRQL <= DISPATCH_LEVEL; NDIS 5.1 and NDIS 6.0; defined in ndis.h, with the expansion linked through ndis.lib; Static Driver Verifier rule Irql_MCM_Function.",
    ],
    params: {
      Status:
        "Final outcome of the close: `NDIS_STATUS_SUCCESS` or an MCM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle:
        "The VC whose call is closing, created by the MCM (`NdisMCmCreateVc`) or by the client; usually read from the per-VC state that `CallMgrVcContext` of `ProtocolCmCloseCall` points to.",
      NdisPartyHandle:
        "NULL for a point-to-point VC; for a multipoint VC, the handle of the last remaining party, from the per-party state that `CallMgrPartyContext` points to.",
    },
  },

  NdisMCmCreateVc: {
    summary: "Creates a VC on which the miniport call manager can offer an incoming call to a client.",
    remarks: [
      "Use it when a call offer arrives for a SAP that a client registered. NDIS calls that client's `ProtocolCoCreateVc`, so both sides share the new VC handle.",
      "Next, activate the VC with `NdisMCmActivateVc` and offer it with `NdisMCmDispatchIncomingCall`.",
      "The MCM created the VC, so only the MCM deletes it, with `NdisMCmDeleteVc`, once the call has been closed or rejected and the VC deactivated.",
      "Treat the returned handle as opaque and keep it in the state `MiniportVcContext` points to. Only MCMs call this; stand-alone call managers and clients call `NdisCoCreateVc`.",
    ],
    params: {
      MiniportAdapterHandle: "The adapter handle NDIS passed to `MiniportInitializeEx`.",
      NdisAfHandle: "The AF handle, received in `ProtocolCmOpenAf`, of the client that the incoming call targets.",
      MiniportVcContext:
        "The MCM's resident per-VC state; NDIS passes it back in every later call about this VC if creation succeeds.",
      NdisVcHandle:
        "Receives the new VC handle. Set the variable to NULL before the call, and save the handle for later calls about this VC.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the VC exists and the handle is valid. `NDIS_STATUS_RESOURCES`: NDIS ran out of memory. `NDIS_STATUS_FAILURE`: `NdisAfHandle` is not valid. Any other error is what the client's `ProtocolCoCreateVc` returned.",
  },

  NdisMCmDeactivateVc: {
    summary:
      "Tells NDIS that the miniport call manager will make no further transfers on an active VC; a required step when a call is torn down.",
    remarks: [
      "Call it during teardown, after the network exchange that closes the connection, and before completing the close with `NdisMCmCloseCallComplete` or deleting the VC.",
      "The VC handle stays valid afterwards; the VC's creator may reuse it for another call or delete it (`NdisMCmDeleteVc` for a VC the MCM created).",
      "Whether the MCM has an internal deactivation routine for its hardware is a design choice.",
      "Only MCMs call this; stand-alone call managers call `NdisCmDeactivateVc`.",
    ],
    params: {
      NdisVcHandle:
        "The VC to deactivate: from `NdisMCmCreateVc` for an incoming call, or from `ProtocolCoCreateVc` for a client-created VC.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: NDIS marked the VC inactive. `NDIS_STATUS_NOT_ACCEPTED`: the VC was already inactive, so the call changed nothing.",
  },

  NdisMCmDeleteVc: {
    summary: "Destroys a VC that the miniport call manager itself created with `NdisMCmCreateVc`.",
    remarks: [
      "Preconditions: no call is active on the VC and it has been deactivated, meaning `NdisMCmDeactivateVc` succeeded on it.",
      "Only a VC's creator may delete it. A client-created VC is deleted by the client, which reaches the MCM's `ProtocolCoDeleteVc`.",
      "NDIS calls the `ProtocolCoDeleteVc` of the client that shares the VC. Once this returns the handle is invalid: free or recycle the per-VC state and never pass the handle again.",
      "Only MCMs call this; stand-alone call managers and clients call `NdisCoDeleteVc`.",
    ],
    params: {
      NdisVcHandle: "The VC to delete, as returned by `NdisMCmCreateVc`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the VC is gone and the handle is dead. `NDIS_STATUS_NOT_ACCEPTED`: the VC is still active, so it was not deleted.",
  },

  NdisMCmDeregisterSapComplete: {
    summary:
      "Macro a miniport call manager uses to finish a client's SAP deregistration that its `ProtocolCmDeregisterSap` handler pended.",
    remarks: [
      "A macro over `NdisCmDeregisterSapComplete`: call it exactly once for a pended `ProtocolCmDeregisterSap`, and NDIS then calls the client's `ProtocolClDeregisterSapComplete`.",
      "`NdisSapHandle` is invalid for the MCM once this returns; offer no more calls on that SAP.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDeregisterSapComplete`.",
    ],
    params: {
      Status: "Pass `NDIS_STATUS_SUCCESS`; never `NDIS_STATUS_PENDING`.",
      NdisSapHandle: "The SAP being removed, as stored when `ProtocolCmRegisterSap` ran.",
    },
  },

  NdisMCmDispatchCallConnected: {
    summary:
      "Macro a miniport call manager uses to tell a client that an incoming call it accepted is fully connected and ready for data.",
    remarks: [
      "A macro over `NdisCmDispatchCallConnected`. Call it from `ProtocolCmIncomingCallComplete` after the client accepted the call; NDIS then calls the client's `ProtocolClCallConnected`.",
      "For a rejected offer, deactivate the VC and delete it with `NdisMCmDeleteVc` instead.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDispatchCallConnected`.",
    ],
    params: {
      NdisVcHandle: "The VC the MCM created with `NdisMCmCreateVc` for this incoming call.",
    },
  },

  NdisMCmDispatchIncomingCall: {
    summary:
      "Macro a miniport call manager uses to offer a call that arrived from the network to the client that registered the target SAP.",
    remarks: [
      "A macro over `NdisCmDispatchIncomingCall`. Beforehand: find the SAP, create the VC with `NdisMCmCreateVc`, settle call parameters, and activate the VC with `NdisMCmActivateVc`.",
      "NDIS calls the client's `ProtocolClIncomingCall`; its answer (`NdisClIncomingCallComplete`) reaches the MCM's `ProtocolCmIncomingCallComplete`. If accepted, follow with `NdisMCmDispatchCallConnected`; if rejected, deactivate the VC and delete it with `NdisMCmDeleteVc`.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDispatchIncomingCall`.",
    ],
    params: {
      NdisSapHandle: "The target SAP; NDIS passed this handle to `ProtocolCmRegisterSap` when the client registered it.",
      NdisVcHandle: "The VC the MCM created with `NdisMCmCreateVc` for this call and has already activated.",
      CallParameters:
        "`CO_CALL_PARAMETERS` describing the offered call; the client may modify them when it accepts.",
    },
    returns:
      "The status of the expanded `NdisCmDispatchIncomingCall`. `NDIS_STATUS_PENDING`: NDIS calls `ProtocolCmIncomingCallComplete` once the client answers. Any other value is the final answer, and the MCM should run its own `ProtocolCmIncomingCallComplete` logic itself.",
  },

  NdisMCmDispatchIncomingCallQoSChange: {
    summary:
      "Macro a miniport call manager uses to tell a client that the remote side asked to change the quality of service of an active call.",
    remarks: [
      "A macro over `NdisCmDispatchIncomingCallQoSChange`. Apply the new parameters to the VC with `NdisMCmActivateVc` first; NDIS then calls the client's `ProtocolClIncomingCallQoSChange`.",
      "The client accepts by updating its state, or rejects by tearing the call down.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDispatchIncomingCallQoSChange`.",
    ],
    params: {
      NdisVcHandle:
        "The active VC whose QoS is changing: from `NdisMCmCreateVc` (incoming call) or from `ProtocolCoCreateVc` (client-created VC).",
      CallParameters: "`CO_CALL_PARAMETERS` carrying the new QoS the remote peer asked for.",
    },
  },

  NdisMCmDispatchIncomingCloseCall: {
    summary:
      "Macro a miniport call manager uses to ask a client to tear down an active or offered call, usually after a remote hang-up or a network failure.",
    remarks: [
      "A macro over `NdisCmDispatchIncomingCloseCall`. NDIS calls the client's `ProtocolClIncomingCloseCall`, and the client answers with `NdisClCloseCall`, which arrives at the MCM's `ProtocolCmCloseCall`.",
      "Afterwards the VC's creator deletes it: the MCM with `NdisMCmDeleteVc`, or the client, which reaches the MCM's `ProtocolCoDeleteVc`.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDispatchIncomingCloseCall`.",
    ],
    params: {
      CloseStatus:
        "Why the call is closing: `NDIS_STATUS_SUCCESS` for a normal remote close, or an MCM-chosen error for abnormal conditions.",
      NdisVcHandle: "The VC of the call being torn down, created by either the MCM or the client.",
      Buffer: "Optional resident buffer with protocol-specific close data from the remote side; NULL when there is none.",
      Size: "Length of `Buffer` in bytes; 0 when `Buffer` is NULL.",
    },
  },

  NdisMCmDispatchIncomingDropParty: {
    summary:
      "Macro a miniport call manager uses to tell a client to remove one party from a multipoint VC, typically because that remote party hung up.",
    remarks: [
      "A macro over `NdisCmDispatchIncomingDropParty`. NDIS calls the client's `ProtocolClIncomingDropParty`, and the client removes the party with `NdisClDropParty`.",
      "Not for the last party on the VC; use `NdisMCmDispatchIncomingCloseCall` for that case.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDispatchIncomingDropParty`.",
    ],
    params: {
      DropStatus:
        "Why the party is leaving: usually `NDIS_STATUS_SUCCESS` for a plain remote close, otherwise an MCM-chosen error.",
      NdisPartyHandle:
        "The party to remove, as received in `ProtocolCmAddParty`; the VC must still have other connected parties.",
      Buffer: "Optional resident buffer with protocol-specific data from the remote party; NULL when there is none.",
      Size: "Length of `Buffer` in bytes; 0 when `Buffer` is NULL.",
    },
  },

  NdisMCmDropPartyComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of a drop-party request that its `ProtocolCmDropParty` handler pended.",
    remarks: [
      "A macro over `NdisCmDropPartyComplete`: call it exactly once for a pended `ProtocolCmDropParty`, and NDIS then calls the client's `ProtocolClDropPartyComplete`.",
      "After a successful completion the party handle is dead; free the per-party state once the call returns.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmDropPartyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisPartyHandle: "The party the client asked to drop, from the MCM's per-party state.",
    },
  },

  NdisMCmMakeCallComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of an outgoing call that its `ProtocolCmMakeCall` handler pended.",
    remarks: [
      "A macro over `NdisCmMakeCallComplete`: call it exactly once for a pended `ProtocolCmMakeCall`, failures included, and NDIS then calls the client's `ProtocolClMakeCallComplete`.",
      "Report success only after the call parameters are set up on the NIC and `NdisMCmActivateVc` has succeeded; the client cannot send on the VC before that.",
      "On failure the party handle (if any) is dead once the call is made, and the MCM's `ProtocolCoDeleteVc` later runs for the client-created VC.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmMakeCallComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or an MCM-chosen failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle: "The client-created VC, received in `ProtocolCoCreateVc`.",
      NdisPartyHandle:
        "For a multipoint call, the initial party's handle from `ProtocolCmMakeCall`; NULL for a point-to-point VC.",
      CallMgrPartyContext:
        "For a multipoint call, the MCM's resident per-party state; NULL when `NdisPartyHandle` is NULL, and ignored on failure.",
      CallParameters: "On success, the call parameters actually in force, including any changes the MCM made.",
    },
  },

  NdisMCmModifyCallQoSComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of a QoS-change request that its `ProtocolCmModifyCallQoS` handler pended.",
    remarks: [
      "A macro over `NdisCmModifyCallQoSComplete`: call it exactly once for a pended `ProtocolCmModifyCallQoS`, and NDIS then calls the client's `ProtocolClModifyCallQoSComplete`.",
      "Apply accepted changes to the VC with `NdisMCmActivateVc` before reporting success; the client checks the returned QoS and may tear the call down.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmModifyCallQoSComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisVcHandle: "The VC whose QoS was to change, from the MCM's per-VC state.",
      CallParameters: "On success, the QoS the MCM accepted for the VC.",
    },
  },

  NdisMCmNotifyCloseAddressFamily: {
    summary:
      "Macro a miniport call manager uses to have a client close an address family because the adapter the MCM manages is halting.",
    remarks: [
      "A macro over `NdisCmNotifyCloseAddressFamily`. PASSIVE_LEVEL only; call it from `MiniportHaltEx`, once per AF handle that a client still has open.",
      "NDIS calls the client's `ProtocolClNotifyCloseAf`, which closes the AF; a client that pends finishes with `NdisClNotifyCloseAddressFamilyComplete`.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmNotifyCloseAddressFamily`.",
    ],
    params: {
      NdisAfHandle: "The AF to close, as NDIS passed it to the MCM's `ProtocolCmOpenAf`.",
    },
    returns:
      "The status of the expanded `NdisCmNotifyCloseAddressFamily`. `NDIS_STATUS_SUCCESS`: the AF was closed. `NDIS_STATUS_PENDING`: NDIS calls the MCM's `ProtocolCmNotifyCloseAfComplete` once the client has closed it. Any other value: the request failed.",
  },

  NdisMCmOidRequest: {
    summary: "Sends an OID query or set request from a miniport call manager to a CoNDIS client.",
    remarks: [
      "The request goes to the client that owns `NdisAfHandle`; NDIS delivers it to that client's `ProtocolCoOidRequest`.",
      "When the call returns `NDIS_STATUS_PENDING`, NDIS later calls the MCM's `ProtocolCoOidRequestComplete` with the result; keep the request structure allocated until then.",
      "Pass a VC or party handle only for VC- or party-specific OIDs, NULL otherwise.",
      "Only MCMs call this; stand-alone call managers and clients use `NdisCoOidRequest`. It replaces the NDIS 5 `NdisMCmRequest`.",
    ],
    params: {
      NdisAfHandle: "The AF, and through it the client, the request is for; received in `ProtocolCmOpenAf`.",
      NdisVcHandle:
        "For a VC-specific OID, the VC (from `NdisMCmCreateVc` or `ProtocolCoCreateVc`); NULL otherwise.",
      NdisPartyHandle: "For a party-specific OID, the party (from `ProtocolCmAddParty`); NULL otherwise.",
      NdisOidRequest:
        "MCM-allocated `NDIS_OID_REQUEST` describing the query or set; results and `BytesNeeded` are written back into it.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: done. `NDIS_STATUS_PENDING`: the result arrives in `ProtocolCoOidRequestComplete`. `NDIS_STATUS_INVALID_OID`, `NDIS_STATUS_NOT_SUPPORTED`, `NDIS_STATUS_NOT_RECOGNIZED`: the client does not handle this OID. `NDIS_STATUS_INVALID_LENGTH`, `NDIS_STATUS_BUFFER_TOO_SHORT`: wrong buffer size (see `BytesNeeded`). `NDIS_STATUS_INVALID_DATA`: bad buffer contents. `NDIS_STATUS_RESOURCES`, `NDIS_STATUS_REQUEST_ABORTED`, `NDIS_STATUS_FAILURE`: out of resources, aborted, or failed otherwise.",
  },

  NdisMCmOidRequestComplete: {
    summary:
      "Macro a miniport call manager uses to finish a client's OID request that its `ProtocolCoOidRequest` handler pended.",
    remarks: [
      "A macro over `NdisCoOidRequestComplete`. Call it exactly once for a request the MCM's `ProtocolCoOidRequest` pended; NDIS then calls the `ProtocolCoOidRequestComplete` of the client that issued `NdisCoOidRequest`.",
      "Unlike the other completion calls, `Status` is the last argument, not the first; check the argument order when adapting code from `NdisMCmRequestComplete` or the `NdisCm*Complete` calls.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCoOidRequestComplete` directly. It replaces the NDIS 5 `NdisMCmRequestComplete`.",
    ],
    params: {
      NdisAfHandle: "The AF handle NDIS passed to the MCM's `ProtocolCoOidRequest`.",
      NdisVcHandle: "The VC handle from that `ProtocolCoOidRequest` call; NULL if the request was not VC-specific.",
      NdisPartyHandle:
        "The party handle from that `ProtocolCoOidRequest` call; NULL if the request was not party-specific.",
      OidRequest: "The client's `NDIS_OID_REQUEST`, with the results filled in.",
      Status:
        "Final status: `NDIS_STATUS_SUCCESS`, `NDIS_STATUS_REQUEST_ABORTED` or another failure code; never `NDIS_STATUS_PENDING`.",
    },
  },

  NdisMCmOpenAddressFamilyComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of an address-family open that its `ProtocolCmOpenAf` handler pended.",
    remarks: [
      "A macro over `NdisCmOpenAddressFamilyComplete`: call it exactly once for a pended `ProtocolCmOpenAf`, and NDIS then calls the client's `ProtocolClOpenAfCompleteEx`.",
      "On success NDIS passes `CallMgrAfContext` to later calls about this open. On failure free the context first and treat `NdisAfHandle` as invalid afterwards.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmOpenAddressFamilyComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisAfHandle: "The handle NDIS passed to the pended `ProtocolCmOpenAf`.",
      CallMgrAfContext: "On success, the MCM's resident state for this client's open of the AF; ignored on failure.",
    },
  },

  NdisMCmRegisterAddressFamily: {
    summary:
      "Legacy NDIS 5 call with which a miniport call manager registered an address family for its adapter, together with its call-manager entry points.",
    remarks: [
      "Legacy NDIS 5 only. NDIS 6 MCMs call `NdisMCmRegisterAddressFamilyEx` from `MiniportInitializeEx` and register their call-manager entry points separately, with `NdisSetOptionalHandlers` and `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS`.",
      "NDIS 5 drivers called it from `MiniportInitialize`, which runs at PASSIVE_LEVEL.",
      "The stand-alone counterpart is the equally legacy `NdisCmRegisterAddressFamily`.",
    ],
    params: {
      MiniportAdapterHandle: "The adapter handle NDIS passed to the miniport's initialize routine.",
      AddressFamily: "`CO_ADDRESS_FAMILY` identifying the address family being registered.",
      CmCharacteristics: "NDIS 5 `NDIS_CALL_MANAGER_CHARACTERISTICS` table listing the MCM's call-manager entry points.",
      SizeOfCmCharacteristics: "Size in bytes of the table at `CmCharacteristics`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS` when the AF was registered; otherwise a failure, for example because the caller is not a connection-oriented miniport or the AF is already registered for the adapter.",
  },

  NdisMCmRegisterAddressFamilyEx: {
    summary:
      "Registers an address family that the miniport call manager serves on one of its adapters, advertising its signalling services to CoNDIS clients.",
    remarks: [
      "PASSIVE_LEVEL only. Call it from `MiniportInitializeEx` once the NIC is fully operational, once for each AF the adapter supports.",
      "After `MiniportInitializeEx` succeeds, NDIS binds clients and calls their `ProtocolCoAfRegisterNotify`; a client that opens the AF reaches the MCM's `ProtocolCmOpenAf`.",
      "A given AF on a given adapter belongs to one call manager only.",
      "Only MCMs call this; stand-alone call managers call `NdisCmRegisterAddressFamilyEx`.",
    ],
    params: {
      MiniportAdapterHandle: "The adapter handle NDIS passed to `MiniportInitializeEx`.",
      AddressFamily:
        "`CO_ADDRESS_FAMILY` naming the AF the MCM supports; clients receive the same pointer in `ProtocolCoAfRegisterNotify`.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: the MCM is now the call manager for the AF and clients will be notified. `NDIS_STATUS_RESOURCES`: NDIS could not allocate its tracking state. `NDIS_STATUS_FAILURE`: for example the caller is not a connection-oriented miniport, or the AF is already registered for this adapter.",
  },

  NdisMCmRegisterSapComplete: {
    summary:
      "Macro a miniport call manager uses to report the final outcome of a SAP registration that its `ProtocolCmRegisterSap` handler pended.",
    remarks: [
      "A macro over `NdisCmRegisterSapComplete`: call it exactly once for a pended `ProtocolCmRegisterSap`, and NDIS then calls the client's `ProtocolClRegisterSapComplete`.",
      "On success, calls for the SAP are later offered with `NdisMCmDispatchIncomingCall`. On failure `NdisSapHandle` is dead once the call is made.",
      "Only MCMs use this spelling; stand-alone call managers call `NdisCmRegisterSapComplete`.",
    ],
    params: {
      Status: "Final outcome: `NDIS_STATUS_SUCCESS` or a failure code. Never `NDIS_STATUS_PENDING`.",
      NdisSapHandle: "The SAP handle NDIS passed to the pended `ProtocolCmRegisterSap`.",
      CallMgrSapContext: "On success, the MCM's resident per-SAP state; ignored on failure.",
    },
  },

  NdisMCmRequest: {
    summary: "Legacy NDIS 5 call with which a miniport call manager sent an `NDIS_REQUEST` query or set to a client.",
    remarks: [
      "Legacy NDIS 5 only: ndis.h declares it just for legacy miniport builds (`NDIS_LEGACY_MINIPORT`). NDIS 6 MCMs use `NdisMCmOidRequest` with an `NDIS_OID_REQUEST`.",
      "A pended request was finished through the MCM's NDIS 5 request-complete handler.",
    ],
    params: {
      NdisAfHandle: "The AF, and through it the client, the request is for; received in `ProtocolCmOpenAf`.",
      NdisVcHandle: "For a VC-specific request, the VC handle; NULL otherwise.",
      NdisPartyHandle: "For a party-specific request, the party handle; NULL otherwise.",
      NdisRequest: "NDIS 5 `NDIS_REQUEST` describing the query or set; results are written back into it.",
    },
    returns:
      "`NDIS_STATUS_SUCCESS`: done. `NDIS_STATUS_PENDING`: the result arrives later through the MCM's request-complete handler. Any other value: the client failed the request.",
  },

  NdisMCmRequestComplete: {
    summary:
      "Legacy NDIS 5 macro with which a miniport call manager finished a client's `NDIS_REQUEST` that it had pended.",
    remarks: [
      "Legacy NDIS 5 only: a macro over `NdisCoRequestComplete`, defined just for legacy miniport builds (`NDIS_LEGACY_MINIPORT`). It completes a pended NDIS 5 `ProtocolCoRequest`, after which NDIS calls the client's `ProtocolCoRequestComplete`.",
      "NDIS 6 MCMs use `NdisMCmOidRequestComplete`. Watch the argument order when porting: here `Status` comes first, in the replacement it comes last.",
    ],
    params: {
      Status: "Final status of the request; never `NDIS_STATUS_PENDING`.",
      NdisAfHandle: "The AF handle NDIS passed with the pended request.",
      NdisVcHandle: "The VC handle passed with the request; NULL if it was not VC-specific.",
      NdisPartyHandle: "The party handle passed with the request; NULL if it was not party-specific.",
      NdisRequest: "The client's `NDIS_REQUEST`, with the results filled in.",
    },
  },
};
