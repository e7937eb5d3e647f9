// call.c - the call lifecycle: make call, incoming call, close call, multipoint leaves, and the
// activation / deactivation completions that drive them.
//
// The rule this file keeps: a handler that returns NDIS_STATUS_PENDING gets exactly one matching
// NdisCm*Complete later, from another context, with a final status. A handler that returns a final
// status gets none, because NDIS reports that status to the client itself.
#include "cm.h"

static VOID
ExCmSignal(_In_ PEXCM_BINDING Binding, _In_ EXCM_SIG_TYPE Type, _In_ ULONG CallRef, _In_ ULONG PartyRef)
{
    NDIS_STATUS Status = ExCmSigSend(Binding, Type, CallRef, PartyRef);

    if (Status != NDIS_STATUS_SUCCESS) {
        // Used for messages whose loss the network recovers from (it clears calls whose peer is silent).
        EXCM_TRACE("signalling message %u not sent: 0x%x\n", (unsigned)Type, (unsigned)Status);
    }
}

// Result of NdisCoDeleteVc on one of our own VCs.
static VOID
ExCmOwnVcDeleted(_In_ PEXCM_VC Vc, _In_ NDIS_STATUS DeleteStatus)
{
    if (DeleteStatus != NDIS_STATUS_SUCCESS) {
        // NDIS still sees a call or an activation on the VC: our state machine is wrong. Keep the
        // memory rather than free something NDIS may still hand back to us.
        EXCM_TRACE("NdisCoDeleteVc failed: 0x%x\n", (unsigned)DeleteStatus);
        return;
    }
    ExCmDereferenceVc(Vc);  // the handle is gone; our memory goes once signalling lookups are done
}

// ---- Outgoing calls ----

_Use_decl_annotations_
NDIS_STATUS
ExCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle,
             PNDIS_HANDLE CallMgrPartyContext)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    PEXCM_PARTY Party = NULL;
    NDIS_STATUS Status;

    // Failures returned from here are final: NDIS reports them, so no NdisCmMakeCallComplete follows.
    if (CallParameters->CallMgrParameters == NULL || CallParameters->MediaParameters == NULL) {
        return NDIS_STATUS_INVALID_DATA;
    }
    if (NdisPartyHandle != NULL) {
        Party = ExCmAllocateParty(Vc, NdisPartyHandle);     // multipoint: the first leaf comes with the call
        if (Party == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        *CallMgrPartyContext = Party;
    }
    ExCmLinkVc(Vc, 0);
    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Vc->State = ExCmVcCalling;
    Vc->RemoteReleased = FALSE;
    Vc->CallParameters = CallParameters;    // the client keeps them alive until the call completes
    Vc->CallingParty = Party;
    NdisReleaseSpinLock(&Vc->Binding->Lock);

    Status = ExCmSigSend(Vc->Binding, ExCmSigSetup, Vc->CallRef, Party != NULL ? Party->PartyRef : 0);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisAcquireSpinLock(&Vc->Binding->Lock);
        Vc->State = ExCmVcIdle;
        Vc->CallingParty = NULL;
        NdisReleaseSpinLock(&Vc->Binding->Lock);
        ExCmUnlinkVc(Vc);
        if (Party != NULL) {
            ExCmUnlinkParty(Party);
            NdisFreeMemory(Party, sizeof(*Party), 0);
        }
        return Status;
    }
    // CONNECT (then activation) or RELEASE from the network completes it, in ExCmFinishMakeCall.
    return NDIS_STATUS_PENDING;
}

// The one place where a pended make call is completed.
static VOID
ExCmFinishMakeCall(_In_ PEXCM_VC Vc, _In_ NDIS_STATUS Status)
{
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    PCO_CALL_PARAMETERS CallParameters = Vc->CallParameters;
    PEXCM_PARTY Party;
    BOOLEAN RemoteReleased;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Party = Vc->CallingParty;
    Vc->CallingParty = NULL;
    Vc->State = (Status == NDIS_STATUS_SUCCESS) ? ExCmVcConnected : ExCmVcIdle;
    RemoteReleased = Vc->RemoteReleased;
    NdisReleaseSpinLock(&Vc->Binding->Lock);

    if (Status != NDIS_STATUS_SUCCESS) {
        if (!RemoteReleased) {
            ExCmSignal(Vc->Binding, ExCmSigRelease, Vc->CallRef, 0);
        }
        // Undo before completing: after a failed completion the client may delete its VC at once,
        // and with it this memory (ExCmDeleteVc).
        ExCmUnlinkVc(Vc);
        if (Party != NULL) {
            ExCmUnlinkParty(Party);
        }
    }
    // SUCCESS can only come from a successful NdisCmActivateVc (ExCmActivateVcComplete).
    NdisCmMakeCallComplete(Status, VcHandle, Party != NULL ? Party->NdisPartyHandle : NULL, Party, CallParameters);

    if (Status != NDIS_STATUS_SUCCESS && Party != NULL) {
        NdisFreeMemory(Party, sizeof(*Party), 0);   // the leaf died with the failed completion
    } else if (Status == NDIS_STATUS_SUCCESS && RemoteReleased) {
        // The far end hung up while we were activating: the client must now close the call.
        NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, VcHandle, NULL, 0);
    }
}

// ---- Incoming calls ----

static VOID
ExCmOnSetup(_In_ PEXCM_BINDING Binding, _In_ const EXCM_SIG_MSG *Msg)
{
    PEXCM_AF Af = NULL;
    NDIS_HANDLE SapHandle = NULL;
    PLIST_ENTRY AfEntry, SapEntry;
    PEXCM_VC Vc = NULL;
    NDIS_STATUS Status = NDIS_STATUS_FAILURE;

    NdisAcquireSpinLock(&Binding->Lock);
    for (AfEntry = Binding->AfList.Flink; AfEntry != &Binding->AfList && Af == NULL; AfEntry = AfEntry->Flink) {
        PEXCM_AF Candidate = CONTAINING_RECORD(AfEntry, EXCM_AF, Link);
        for (SapEntry = Candidate->SapList.Flink; Candidate->Open && SapEntry != &Candidate->SapList;
             SapEntry = SapEntry->Flink) {
            PEXCM_SAP Sap = CONTAINING_RECORD(SapEntry, EXCM_SAP, Link);
            if (Sap->Selector == Msg->Selector) {
                SapHandle = Sap->NdisSapHandle;
                Af = Candidate;
                Af->RefCount++;     // until the VC holds its own reference
                break;
            }
        }
    }
    NdisReleaseSpinLock(&Binding->Lock);

    if (Af != NULL) {
        Vc = ExCmAllocateVc(Binding, Af, TRUE);
        ExCmDereferenceAf(Af);
    }
    if (Vc != NULL) {
        // We create the VC for an incoming call, so deleting it later is our job.
        Status = NdisCoCreateVc(Binding->NdisBindingHandle, Af->NdisAfHandle, Vc, &Vc->NdisVcHandle);
        if (Status != NDIS_STATUS_SUCCESS) {
            ExCmDereferenceVc(Vc);
        }
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmSignal(Binding, ExCmSigRelease, Msg->CallRef, 0);  // no listener, or no resources
        return;
    }

    Vc->NdisSapHandle = SapHandle;
    Vc->Incoming.Call.CallMgrParameters = &Vc->Incoming.CallMgr;
    Vc->Incoming.Call.MediaParameters = &Vc->Incoming.Media;
    Vc->Incoming.CallMgr.Transmit.PeakBandwidth = Af->LinkSpeed.Outbound / 80;  // 100 bit/s -> bytes/s
    Vc->Incoming.CallMgr.Receive.PeakBandwidth = Af->LinkSpeed.Inbound / 80;
    Vc->Incoming.CallMgr.Transmit.ServiceType = SERVICETYPE_BESTEFFORT;
    Vc->Incoming.CallMgr.Receive.ServiceType = SERVICETYPE_BESTEFFORT;
    Vc->Incoming.Media.Flags = TRANSMIT_VC | RECEIVE_VC;
    Vc->CallParameters = &Vc->Incoming.Call;
    Vc->State = ExCmVcOffering;
    ExCmLinkVc(Vc, Msg->CallRef);

    // The order for an incoming call: create, activate, then offer (ExCmActivateVcComplete).
    Status = NdisCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING) {
        // NDIS calls ProtocolCmActivateVcComplete only for a pended activation; otherwise we do.
        ExCmActivateVcComplete(Status, Vc, Vc->CallParameters);
    }
}

static VOID
ExCmOfferCall(_In_ PEXCM_VC Vc, _In_ NDIS_STATUS ActivateStatus)
{
    NDIS_STATUS Status;

    if (ActivateStatus != NDIS_STATUS_SUCCESS) {
        // Never active, so nothing to deactivate: refuse the call and delete the VC we created.
        ExCmSignal(Vc->Binding, ExCmSigRelease, Vc->CallRef, 0);
        ExCmUnlinkVc(Vc);
        Status = NdisCoDeleteVc(Vc->NdisVcHandle);
        ExCmOwnVcDeleted(Vc, Status);
        return;
    }
    Status = NdisCmDispatchIncomingCall(Vc->NdisSapHandle, Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING) {
        // The client answered at once; NDIS will not call ProtocolCmIncomingCallComplete, so we do.
        ExCmIncomingCallComplete(Status, Vc, Vc->CallParameters);
    }
}

_Use_decl_annotations_
VOID
ExCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    BOOLEAN RemoteReleased;
    NDIS_STATUS DeactivateStatus;

    UNREFERENCED_PARAMETER(CallParameters);

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Vc->State = (Status == NDIS_STATUS_SUCCESS) ? ExCmVcConnected : ExCmVcRejecting;
    RemoteReleased = Vc->RemoteReleased;
    NdisReleaseSpinLock(&Vc->Binding->Lock);

    if (!RemoteReleased) {
        ExCmSignal(Vc->Binding, Status == NDIS_STATUS_SUCCESS ? ExCmSigConnect : ExCmSigRelease, Vc->CallRef, 0);
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        NdisCmDispatchCallConnected(Vc->NdisVcHandle);
        if (RemoteReleased) {
            // The caller gave up while the client was deciding: the client must close the call.
            NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, 0);
        }
        return;
    }
    // Refused: deactivate, then delete the VC we created for the offer (ExCmDeactivateVcComplete).
    DeactivateStatus = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (DeactivateStatus != NDIS_STATUS_PENDING) {
        ExCmDeactivateVcComplete(DeactivateStatus, Vc);
    }
}

// ---- Closing calls ----

_Use_decl_annotations_
NDIS_STATUS
ExCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    PEXCM_PARTY Party = (PEXCM_PARTY)CallMgrPartyContext;  // non-NULL only on a multipoint call
    BOOLEAN RemoteReleased;
    NDIS_STATUS Status;

    // Final statuses, so no NdisCmCloseCallComplete follows: our RELEASE carries no user data, and a
    // multipoint call closes only when one leaf is left.
    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;
    }
    if (Party != NULL && Vc->PartyCount > 1) {
        return NDIS_STATUS_FAILURE;
    }

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Vc->State = ExCmVcClosing;
    RemoteReleased = Vc->RemoteReleased;
    // The completion names the last leaf by NDIS's handle, or passes NULL on a point-to-point call.
    Vc->ClosingPartyHandle = (Party != NULL) ? Party->NdisPartyHandle : NULL;
    NdisReleaseSpinLock(&Vc->Binding->Lock);
    if (Party != NULL) {
        ExCmUnlinkParty(Party);
        NdisFreeMemory(Party, sizeof(*Party), 0);  // per-party state goes with the close
    }
    if (!RemoteReleased) {
        ExCmSignal(Vc->Binding, ExCmSigRelease, Vc->CallRef, 0);
    }

    // No more data moves on this VC. Deactivation may pend; then NDIS calls ExCmDeactivateVcComplete.
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        // Deactivated already, but the close is still owed a completion, and we return PENDING below.
        // Completing from a work item keeps "returned PENDING" strictly before "completed".
        Vc->DeactivateStatus = Status;
        NdisQueueIoWorkItem(Vc->WorkItem, ExCmDeactivateWorkItem, Vc);
    }
    // Always pend: the completion must come before we may delete a VC that we created, and both happen
    // in ExCmDeactivateVcComplete.
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
ExCmDeactivateWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PEXCM_VC Vc = (PEXCM_VC)WorkItemContext;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ExCmDeactivateVcComplete(Vc->DeactivateStatus, Vc);    // as NDIS would have, had deactivation pended
}

_Use_decl_annotations_
VOID
ExCmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    PEXCM_BINDING Binding = Vc->Binding;
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    BOOLEAN CreatedByCm = Vc->CreatedByCm;
    NDIS_HANDLE PartyHandle;
    EXCM_VC_STATE State;
    NDIS_STATUS DeleteStatus;

    NdisAcquireSpinLock(&Binding->Lock);
    State = Vc->State;
    PartyHandle = Vc->ClosingPartyHandle;
    Vc->ClosingPartyHandle = NULL;
    if (State == ExCmVcClosing || State == ExCmVcRejecting) {
        Vc->State = ExCmVcIdle;
    }
    NdisReleaseSpinLock(&Binding->Lock);

    if (State == ExCmVcSignalling) {
        Binding->EventStatus = Status;      // ExCmSigStop waits for this at PASSIVE_LEVEL
        NdisSetEvent(&Binding->Event);
    } else if (State == ExCmVcClosing) {
        ExCmUnlinkVc(Vc);
        // The call is gone on the network whatever the miniport said, so the close succeeds. Everything
        // needed from Vc was read above: once the client hears of this completion it may delete a VC it
        // owns, and ExCmDeleteVc frees this memory.
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);
        if (CreatedByCm) {
            // We created this VC for an incoming call: deleting it is our job, and only ours.
            DeleteStatus = NdisCoDeleteVc(VcHandle);
            ExCmOwnVcDeleted(Vc, DeleteStatus);
        }
    } else if (State == ExCmVcRejecting) {
        ExCmUnlinkVc(Vc);
        DeleteStatus = NdisCoDeleteVc(VcHandle);
        ExCmOwnVcDeleted(Vc, DeleteStatus);
    }
}

_Use_decl_annotations_
VOID
ExCmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    EXCM_VC_STATE State;

    UNREFERENCED_PARAMETER(CallParameters);

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    State = Vc->State;
    NdisReleaseSpinLock(&Vc->Binding->Lock);

    if (State == ExCmVcSignalling) {
        Vc->Binding->EventStatus = Status;  // ExCmSigStart waits for this at PASSIVE_LEVEL
        NdisSetEvent(&Vc->Binding->Event);
    } else if (State == ExCmVcActivating) {
        ExCmFinishMakeCall(Vc, Status);
    } else if (State == ExCmVcOffering) {
        ExCmOfferCall(Vc, Status);
    }
}

// Our links run at a fixed rate. A final status, so no NdisCmModifyCallQoSComplete.
_Use_decl_annotations_
NDIS_STATUS
ExCmModifyCallQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}

// ---- Multipoint leaves ----

_Use_decl_annotations_
NDIS_STATUS
ExCmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle,
             PNDIS_HANDLE CallMgrPartyContext)
{
    PEXCM_VC Vc = (PEXCM_VC)CallMgrVcContext;
    PEXCM_PARTY Party;
    BOOLEAN CanGrow;
    NDIS_STATUS Status;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    CanGrow = (Vc->State == ExCmVcConnected && Vc->PartyCount != 0);
    NdisReleaseSpinLock(&Vc->Binding->Lock);
    if (!CanGrow) {
        return NDIS_STATUS_FAILURE;     // only a connected multipoint call can grow
    }
    Party = ExCmAllocateParty(Vc, NdisPartyHandle);
    if (Party == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Party->AddParameters = CallParameters;
    *CallMgrPartyContext = Party;
    Status = ExCmSigSend(Vc->Binding, ExCmSigAddParty, Vc->CallRef, Party->PartyRef);
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmUnlinkParty(Party);
        NdisFreeMemory(Party, sizeof(*Party), 0);
        return Status;
    }
    return NDIS_STATUS_PENDING;     // ADD PARTY ACK or REJECT completes it (ExCmOnAddPartyResult)
}

static VOID
ExCmOnAddPartyResult(_In_ PEXCM_VC Vc, _In_ ULONG PartyRef, _In_ NDIS_STATUS Status)
{
    PEXCM_PARTY Party = ExCmLookupParty(Vc, PartyRef);
    PCO_CALL_PARAMETERS AddParameters;

    if (Party == NULL || Party->AddParameters == NULL) {
        return;     // not an ADD PARTY that is pending
    }
    AddParameters = Party->AddParameters;
    Party->AddParameters = NULL;
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmUnlinkParty(Party);
    }
    NdisCmAddPartyComplete(Status, Party->NdisPartyHandle, Party, AddParameters);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Party, sizeof(*Party), 0);
    }
}

_Use_decl_annotations_
NDIS_STATUS
ExCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PEXCM_PARTY Party = (PEXCM_PARTY)CallMgrPartyContext;
    NDIS_STATUS Status;

    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;
    }
    Status = ExCmSigSend(Party->Vc->Binding, ExCmSigDropParty, Party->Vc->CallRef, Party->PartyRef);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;      // final: the leaf stays attached
    }
    Party->Dropping = TRUE;
    return NDIS_STATUS_PENDING;     // DROP PARTY ACK completes it (ExCmOnDropPartyAck)
}

static VOID
ExCmOnDropPartyAck(_In_ PEXCM_VC Vc, _In_ ULONG PartyRef)
{
    PEXCM_PARTY Party = ExCmLookupParty(Vc, PartyRef);
    NDIS_HANDLE PartyHandle;

    if (Party == NULL || !Party->Dropping) {
        return;
    }
    PartyHandle = Party->NdisPartyHandle;
    ExCmUnlinkParty(Party);
    NdisFreeMemory(Party, sizeof(*Party), 0);
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle);  // the party handle is dead after this
}

// ---- Signalling from the network (up to DISPATCH_LEVEL, from sig.c) ----

static VOID
ExCmOnConnect(_In_ PEXCM_VC Vc)
{
    NDIS_STATUS Status;
    BOOLEAN Expected;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Expected = (Vc->State == ExCmVcCalling);
    if (Expected) {
        Vc->State = ExCmVcActivating;
    }
    NdisReleaseSpinLock(&Vc->Binding->Lock);
    if (!Expected) {
        return;
    }
    // Report the call only once the miniport is ready to carry it.
    Status = NdisCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING) {
        ExCmActivateVcComplete(Status, Vc, Vc->CallParameters);
    }
}

static VOID
ExCmOnRelease(_In_ PEXCM_VC Vc)
{
    EXCM_VC_STATE State;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Vc->RemoteReleased = TRUE;
    State = Vc->State;
    NdisReleaseSpinLock(&Vc->Binding->Lock);

    if (State == ExCmVcCalling) {
        ExCmFinishMakeCall(Vc, NDIS_STATUS_FAILURE);    // the far end refused the SETUP
    } else if (State == ExCmVcConnected) {
        // The client answers with NdisClCloseCall, which runs through ExCmCloseCall.
        NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, 0);
    }
    // Activating or offering: that step checks RemoteReleased when it finishes. Closing: already going.
}

_Use_decl_annotations_
VOID
ExCmOnSignal(PEXCM_BINDING Binding, const EXCM_SIG_MSG *Msg)
{
    PEXCM_VC Vc;

    if (Msg->Type == ExCmSigSetup) {
        ExCmOnSetup(Binding, Msg);
        return;
    }
    Vc = ExCmLookupVc(Binding, Msg->CallRef);
    if (Vc == NULL) {
        return;     // late signalling for a call that is already gone
    }
    switch (Msg->Type) {
    case ExCmSigConnect:        ExCmOnConnect(Vc); break;
    case ExCmSigRelease:        ExCmOnRelease(Vc); break;
    case ExCmSigAddPartyAck:    ExCmOnAddPartyResult(Vc, Msg->PartyRef, NDIS_STATUS_SUCCESS); break;
    case ExCmSigAddPartyReject: ExCmOnAddPartyResult(Vc, Msg->PartyRef, NDIS_STATUS_FAILURE); break;
    case ExCmSigDropPartyAck:   ExCmOnDropPartyAck(Vc, Msg->PartyRef); break;
    default:                    break;
    }
    ExCmDereferenceVc(Vc);  // the lookup's reference kept Vc valid through the handlers above
}
