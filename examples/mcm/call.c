// call.c - the call lifecycle of the MCM: make call, incoming call, close call, multipoint leaves, and the
// activation / deactivation continuations. Same shape as the stand-alone example, with every
// call-manager call spelled NdisMCm* and the hardware programmed directly instead of through NDIS.
//
// The rule this file keeps: a handler that returns NDIS_STATUS_PENDING gets exactly one matching
// NdisMCm*Complete later, from another context, with a final status; a handler that returns a final
// status gets none, because NDIS reports that status to the client itself.
#include "mcm.h"

// Opens the VC in the hardware, then tells NDIS it may carry data. ExMcmActivateVcComplete continues.
static VOID
ExMcmActivate(_In_ PEXMCM_VC Vc)
{
    NDIS_STATUS Status = ExMcmCoActivateVc(Vc, Vc->CallParameters);

    if (Status == NDIS_STATUS_SUCCESS) {
        Status = NdisMCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
    }
    if (Status != NDIS_STATUS_PENDING) {
        // The optional-handlers page says NDIS never calls an MCM's ProtocolCmActivateVcComplete, the
        // NdisMCmActivateVc page says it does after a pended activation: we are right under both readings.
        ExMcmActivateVcComplete(Status, Vc, Vc->CallParameters);
    }
}

// Result of NdisMCmDeleteVc on one of our own VCs.
static VOID
ExMcmOwnVcDeleted(_In_ PEXMCM_VC Vc, _In_ NDIS_STATUS DeleteStatus)
{
    if (DeleteStatus != NDIS_STATUS_SUCCESS) {
        // NDIS still sees a call on the VC: our state machine is wrong. Keep the memory rather than free
        // something NDIS may still hand back to us.
        EXMCM_TRACE("NdisMCmDeleteVc failed: 0x%x\n", (unsigned)DeleteStatus);
        return;
    }
    ExMcmDereferenceVc(Vc);
}

// ---- Outgoing calls ----

_Use_decl_annotations_
NDIS_STATUS
ExMcmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle,
              PNDIS_HANDLE CallMgrPartyContext)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    PEXMCM_PARTY Party = NULL;

    // Failures returned from here are final: NDIS reports them, so no NdisMCmMakeCallComplete follows.
    if (CallParameters->CallMgrParameters == NULL || CallParameters->MediaParameters == NULL) {
        return NDIS_STATUS_INVALID_DATA;
    }
    if (NdisPartyHandle != NULL) {
        Party = ExMcmAllocateParty(Vc, NdisPartyHandle);    // multipoint: the first leaf comes with the call
        if (Party == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        *CallMgrPartyContext = Party;
    }
    ExMcmLinkVc(Vc, 0);
    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->State = ExMcmVcCalling;
    Vc->RemoteReleased = FALSE;
    Vc->CallParameters = CallParameters;    // the client keeps them alive until the call completes
    Vc->CallingParty = Party;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    ExMcmHwSignal(Vc->Adapter, ExMcmSigSetup, Vc->CallRef, Party != NULL ? Party->PartyRef : 0);
    // CONNECT (then activation) or RELEASE from the network completes it, in ExMcmFinishMakeCall.
    return NDIS_STATUS_PENDING;
}

// The one place where a pended make call is completed.
static VOID
ExMcmFinishMakeCall(_In_ PEXMCM_VC Vc, _In_ NDIS_STATUS Status)
{
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    PCO_CALL_PARAMETERS CallParameters = Vc->CallParameters;
    PEXMCM_PARTY Party;
    BOOLEAN RemoteReleased;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Party = Vc->CallingParty;
    Vc->CallingParty = NULL;
    Vc->State = (Status == NDIS_STATUS_SUCCESS) ? ExMcmVcConnected : ExMcmVcIdle;
    RemoteReleased = Vc->RemoteReleased;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    if (Status != NDIS_STATUS_SUCCESS) {
        if (!RemoteReleased) {
            ExMcmHwSignal(Vc->Adapter, ExMcmSigRelease, Vc->CallRef, 0);
        }
        // Undo before completing: after a failed completion the client may delete its VC at once.
        ExMcmCoDeactivateVc(Vc);
        ExMcmUnlinkVc(Vc);
        if (Party != NULL) {
            ExMcmUnlinkParty(Party);
        }
    }
    // SUCCESS can only come from a successful NdisMCmActivateVc (ExMcmActivateVcComplete).
    NdisMCmMakeCallComplete(Status, VcHandle, Party != NULL ? Party->NdisPartyHandle : NULL, Party, CallParameters);

    if (Status != NDIS_STATUS_SUCCESS && Party != NULL) {
        NdisFreeMemory(Party, sizeof(*Party), 0);   // the leaf died with the failed completion
    } else if (Status == NDIS_STATUS_SUCCESS && RemoteReleased) {
        NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, VcHandle, NULL, 0);  // hung up meanwhile
    }
}

// ---- Incoming calls ----

static VOID
ExMcmOnSetup(_In_ PEXMCM_ADAPTER Adapter, _In_ const EXMCM_SIG_MSG *Msg)
{
    PEXMCM_AF Af = NULL;
    NDIS_HANDLE SapHandle = NULL;
    PLIST_ENTRY AfEntry, SapEntry;
    PEXMCM_VC Vc = NULL;
    NDIS_STATUS Status = NDIS_STATUS_FAILURE;

    NdisAcquireSpinLock(&Adapter->Lock);
    for (AfEntry = Adapter->AfList.Flink; AfEntry != &Adapter->AfList && Af == NULL; AfEntry = AfEntry->Flink) {
        PEXMCM_AF Candidate = CONTAINING_RECORD(AfEntry, EXMCM_AF, Link);
        for (SapEntry = Candidate->SapList.Flink; Candidate->Open && SapEntry != &Candidate->SapList;
             SapEntry = SapEntry->Flink) {
            PEXMCM_SAP Sap = CONTAINING_RECORD(SapEntry, EXMCM_SAP, Link);
            if (Sap->Selector == Msg->Selector) {
                SapHandle = Sap->NdisSapHandle;
                Af = Candidate;
                Af->RefCount++;     // until the VC holds its own reference
                break;
            }
        }
    }
    NdisReleaseSpinLock(&Adapter->Lock);

    if (Af != NULL) {
        Vc = ExMcmAllocateVc(Af, TRUE);
        ExMcmDereferenceAf(Af);
    }
    if (Vc != NULL) {
        // We create the VC for an incoming call, so deleting it later (NdisMCmDeleteVc) is our job.
        Status = NdisMCmCreateVc(Adapter->MiniportAdapterHandle, Af->NdisAfHandle, Vc, &Vc->NdisVcHandle);
        if (Status != NDIS_STATUS_SUCCESS) {
            ExMcmDereferenceVc(Vc);
        }
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        ExMcmHwSignal(Adapter, ExMcmSigRelease, Msg->CallRef, 0);  // no listener, or no resources
        return;
    }

    Vc->NdisSapHandle = SapHandle;
    Vc->Incoming.Call.CallMgrParameters = &Vc->Incoming.CallMgr;
    Vc->Incoming.Call.MediaParameters = &Vc->Incoming.Media;
    Vc->Incoming.CallMgr.Transmit.ServiceType = SERVICETYPE_BESTEFFORT;
    Vc->Incoming.CallMgr.Receive.ServiceType = SERVICETYPE_BESTEFFORT;
    Vc->Incoming.Media.Flags = TRANSMIT_VC | RECEIVE_VC;
    Vc->CallParameters = &Vc->Incoming.Call;
    Vc->State = ExMcmVcOffering;
    ExMcmLinkVc(Vc, Msg->CallRef);
    ExMcmActivate(Vc);      // the order for an incoming call: create, activate, then offer
}

static VOID
ExMcmOfferCall(_In_ PEXMCM_VC Vc, _In_ NDIS_STATUS ActivateStatus)
{
    NDIS_STATUS Status;

    if (ActivateStatus != NDIS_STATUS_SUCCESS) {
        // Never active, so nothing to deactivate: refuse the call and delete the VC we created.
        ExMcmHwSignal(Vc->Adapter, ExMcmSigRelease, Vc->CallRef, 0);
        ExMcmCoDeactivateVc(Vc);
        ExMcmUnlinkVc(Vc);
        Status = NdisMCmDeleteVc(Vc->NdisVcHandle);
        ExMcmOwnVcDeleted(Vc, Status);
        return;
    }
    Status = NdisMCmDispatchIncomingCall(Vc->NdisSapHandle, Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING) {
        // The client answered at once; NDIS will not call ProtocolCmIncomingCallComplete, so we do.
        ExMcmIncomingCallComplete(Status, Vc, Vc->CallParameters);
    }
}

_Use_decl_annotations_
VOID
ExMcmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    BOOLEAN RemoteReleased;
    NDIS_STATUS DeactivateStatus;

    UNREFERENCED_PARAMETER(CallParameters);

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->State = (Status == NDIS_STATUS_SUCCESS) ? ExMcmVcConnected : ExMcmVcRejecting;
    RemoteReleased = Vc->RemoteReleased;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    if (!RemoteReleased) {
        ExMcmHwSignal(Vc->Adapter, Status == NDIS_STATUS_SUCCESS ? ExMcmSigConnect : ExMcmSigRelease, Vc->CallRef, 0);
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        NdisMCmDispatchCallConnected(Vc->NdisVcHandle);
        if (RemoteReleased) {
            // The caller gave up while the client was deciding: the client must close the call.
            NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, 0);
        }
        return;
    }
    // Refused: deactivate, then delete the VC we created for the offer (ExMcmDeactivateVcComplete).
    DeactivateStatus = NdisMCmDeactivateVc(Vc->NdisVcHandle);
    ExMcmCoDeactivateVc(Vc);
    if (DeactivateStatus != NDIS_STATUS_PENDING) {
        ExMcmDeactivateVcComplete(DeactivateStatus, Vc);
    }
}

// ---- Closing calls ----

_Use_decl_annotations_
NDIS_STATUS
ExMcmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    PEXMCM_PARTY Party = (PEXMCM_PARTY)CallMgrPartyContext;    // non-NULL only on a multipoint call
    BOOLEAN RemoteReleased;
    NDIS_STATUS Status;

    // Final statuses, so no NdisMCmCloseCallComplete follows: RELEASE carries no user data, and a
    // multipoint call closes only when one leaf is left.
    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;
    }
    if (Party != NULL && Vc->PartyCount > 1) {
        return NDIS_STATUS_FAILURE;
    }

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->State = ExMcmVcClosing;
    RemoteReleased = Vc->RemoteReleased;
    // The completion names the last leaf by NDIS's handle, or passes NULL on a point-to-point call.
    Vc->ClosingPartyHandle = (Party != NULL) ? Party->NdisPartyHandle : NULL;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    if (Party != NULL) {
        ExMcmUnlinkParty(Party);
        NdisFreeMemory(Party, sizeof(*Party), 0);
    }
    if (!RemoteReleased) {
        ExMcmHwSignal(Vc->Adapter, ExMcmSigRelease, Vc->CallRef, 0);
    }

    // No more data on this VC: NDIS first, then the hardware.
    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);
    ExMcmCoDeactivateVc(Vc);
    if (Status != NDIS_STATUS_PENDING) {
        // Deactivated already, but the close is still owed its completion and we return PENDING below.
        // Completing from a work item keeps "returned PENDING" strictly before "completed".
        Vc->DeactivateStatus = Status;
        NdisQueueIoWorkItem(Vc->WorkItem, ExMcmDeactivateWorkItem, Vc);
    }
    // Always pend: the completion must come before we may delete a VC that we created, and both happen
    // in ExMcmDeactivateVcComplete.
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
ExMcmDeactivateWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PEXMCM_VC Vc = (PEXMCM_VC)WorkItemContext;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ExMcmDeactivateVcComplete(Vc->DeactivateStatus, Vc);
}

// NDIS may never call this for an MCM (see ExMcmActivate); ExMcm calls it itself whenever
// NdisMCmDeactivateVc did not pend.
_Use_decl_annotations_
VOID
ExMcmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    BOOLEAN CreatedByCm = Vc->CreatedByCm;
    NDIS_HANDLE PartyHandle;
    EXMCM_VC_STATE State;
    NDIS_STATUS DeleteStatus;

    UNREFERENCED_PARAMETER(Status);     // NOT_ACCEPTED only means "already inactive": fine either way

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    State = Vc->State;
    PartyHandle = Vc->ClosingPartyHandle;
    Vc->ClosingPartyHandle = NULL;
    Vc->State = ExMcmVcIdle;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    if (State == ExMcmVcClosing) {
        ExMcmUnlinkVc(Vc);
        // Everything needed from Vc was read above: once the client hears of this completion it may
        // delete a VC it owns, and ExMcmDeleteVc frees this memory.
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);
        if (CreatedByCm) {
            // We created this VC for an incoming call: deleting it is our job, and only ours.
            DeleteStatus = NdisMCmDeleteVc(VcHandle);
            ExMcmOwnVcDeleted(Vc, DeleteStatus);
        }
    } else if (State == ExMcmVcRejecting) {
        ExMcmUnlinkVc(Vc);
        DeleteStatus = NdisMCmDeleteVc(VcHandle);
        ExMcmOwnVcDeleted(Vc, DeleteStatus);
    }
}

_Use_decl_annotations_
VOID
ExMcmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    EXMCM_VC_STATE State;

    UNREFERENCED_PARAMETER(CallParameters);

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    State = Vc->State;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    if (State == ExMcmVcCalling) {
        ExMcmFinishMakeCall(Vc, Status);
    } else if (State == ExMcmVcOffering) {
        ExMcmOfferCall(Vc, Status);
    }
}

// Fixed-rate line. A final status, so no NdisMCmModifyCallQoSComplete.
_Use_decl_annotations_
NDIS_STATUS
ExMcmModifyCallQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}

// ---- Multipoint leaves ----

_Use_decl_annotations_
NDIS_STATUS
ExMcmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle,
              PNDIS_HANDLE CallMgrPartyContext)
{
    PEXMCM_VC Vc = (PEXMCM_VC)CallMgrVcContext;
    PEXMCM_PARTY Party;
    BOOLEAN CanGrow;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    CanGrow = (Vc->State == ExMcmVcConnected && Vc->PartyCount != 0);
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    if (!CanGrow) {
        return NDIS_STATUS_FAILURE;     // only a connected multipoint call can grow
    }
    Party = ExMcmAllocateParty(Vc, NdisPartyHandle);
    if (Party == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Party->AddParameters = CallParameters;
    *CallMgrPartyContext = Party;
    ExMcmHwSignal(Vc->Adapter, ExMcmSigAddParty, Vc->CallRef, Party->PartyRef);
    return NDIS_STATUS_PENDING;     // ADD PARTY ACK or REJECT completes it (ExMcmOnAddPartyResult)
}

static VOID
ExMcmOnAddPartyResult(_In_ PEXMCM_VC Vc, _In_ ULONG PartyRef, _In_ NDIS_STATUS Status)
{
    PEXMCM_PARTY Party = ExMcmLookupParty(Vc, PartyRef);
    PCO_CALL_PARAMETERS AddParameters;

    if (Party == NULL || Party->AddParameters == NULL) {
        return;     // not an ADD PARTY that is pending
    }
    AddParameters = Party->AddParameters;
    Party->AddParameters = NULL;
    if (Status != NDIS_STATUS_SUCCESS) {
        ExMcmUnlinkParty(Party);
    }
    NdisMCmAddPartyComplete(Status, Party->NdisPartyHandle, Party, AddParameters);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Party, sizeof(*Party), 0);
    }
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PEXMCM_PARTY Party = (PEXMCM_PARTY)CallMgrPartyContext;

    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;    // final: no NdisMCmDropPartyComplete
    }
    Party->Dropping = TRUE;
    ExMcmHwSignal(Party->Vc->Adapter, ExMcmSigDropParty, Party->Vc->CallRef, Party->PartyRef);
    return NDIS_STATUS_PENDING;     // DROP PARTY ACK completes it (ExMcmOnDropPartyAck)
}

static VOID
ExMcmOnDropPartyAck(_In_ PEXMCM_VC Vc, _In_ ULONG PartyRef)
{
    PEXMCM_PARTY Party = ExMcmLookupParty(Vc, PartyRef);
    NDIS_HANDLE PartyHandle;

    if (Party == NULL || !Party->Dropping) {
        return;
    }
    PartyHandle = Party->NdisPartyHandle;
    ExMcmUnlinkParty(Party);
    NdisFreeMemory(Party, sizeof(*Party), 0);
    NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle);     // the party handle is dead after this
}

// ---- Signalling from the firmware (DISPATCH_LEVEL, from ExMcmDpc) ----

static VOID
ExMcmOnConnect(_In_ PEXMCM_VC Vc)
{
    BOOLEAN Expected;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Expected = (Vc->State == ExMcmVcCalling && !Vc->HwOpen);
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    if (Expected) {
        ExMcmActivate(Vc);      // report the call only once the hardware carries it
    }
}

static VOID
ExMcmOnRelease(_In_ PEXMCM_VC Vc)
{
    EXMCM_VC_STATE State;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->RemoteReleased = TRUE;
    State = Vc->State;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    if (State == ExMcmVcCalling && !Vc->HwOpen) {
        ExMcmFinishMakeCall(Vc, NDIS_STATUS_FAILURE);   // the far end refused the SETUP
    } else if (State == ExMcmVcConnected) {
        // The client answers with NdisClCloseCall, which runs through ExMcmCloseCall.
        NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, 0);
    }
}

_Use_decl_annotations_
VOID
ExMcmOnSignal(PEXMCM_ADAPTER Adapter, const EXMCM_SIG_MSG *Msg)
{
    PEXMCM_VC Vc;

    if (Msg->Type == ExMcmSigSetup) {
        ExMcmOnSetup(Adapter, Msg);
        return;
    }
    if (Msg->Type == ExMcmSigLinkReport) {
        ExMcmOnLinkReport(Adapter, Msg);
        return;
    }
    Vc = ExMcmLookupVc(Adapter, Msg->CallRef);
    if (Vc == NULL) {
        return;     // late signalling for a call that is already gone
    }
    switch (Msg->Type) {
    case ExMcmSigConnect:        ExMcmOnConnect(Vc); break;
    case ExMcmSigRelease:        ExMcmOnRelease(Vc); break;
    case ExMcmSigAddPartyAck:    ExMcmOnAddPartyResult(Vc, Msg->PartyRef, NDIS_STATUS_SUCCESS); break;
    case ExMcmSigAddPartyReject: ExMcmOnAddPartyResult(Vc, Msg->PartyRef, NDIS_STATUS_FAILURE); break;
    case ExMcmSigDropPartyAck:   ExMcmOnDropPartyAck(Vc, Msg->PartyRef); break;
    default:                     break;
    }
    ExMcmDereferenceVc(Vc);
}
