// mpcmcall.c - MPCM's VC and call handlers. Point-to-point and multipoint calls; leaves are added synchronously.
#include "mpcm.h"

_Use_decl_annotations_
NDIS_STATUS
MpcmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PMPCM_AF Af = (PMPCM_AF)ProtocolAfContext;
    PMPCM_VC Vc;

    Vc = NdisAllocateMemoryWithTagPriority(Af->NdisBindingHandle, sizeof(*Vc), MPCM_TAG, NormalPoolPriority);
    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    Vc->WorkItem = NdisAllocateIoWorkItem(Af->NdisBindingHandle);
    if (Vc->WorkItem == NULL) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
        return NDIS_STATUS_RESOURCES;
    }
    Vc->Af = Af;
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    MpcmFreeVc((PMPCM_VC)ProtocolVcContext);
    return NDIS_STATUS_SUCCESS;
}

VOID
MpcmFreeVc(_In_ PMPCM_VC Vc)
{
    NdisFreeIoWorkItem(Vc->WorkItem);
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
}

_Use_decl_annotations_
NDIS_STATUS
MpcmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
    PMPCM_VC Vc = (PMPCM_VC)CallMgrVcContext;
    PMPCM_PARTY Party = NULL;
    NDIS_STATUS Status;

    if (NdisPartyHandle != NULL) {
        Party = NdisAllocateMemoryWithTagPriority(Vc->Af->NdisBindingHandle, sizeof(*Party), MPCM_TAG, NormalPoolPriority);
        if (Party == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        Party->NdisPartyHandle = NdisPartyHandle;
        *CallMgrPartyContext = Party;
        Vc->PartyCount = 1;
    }
    Vc->MakeCallParty = Party;

    // The network connects at once; activation may pend, and MpcmActivateVcComplete then completes the call.
    Status = NdisCmActivateVc(Vc->NdisVcHandle, CallParameters);
    if (Status == NDIS_STATUS_PENDING) {
        return MPCM_STATUS_PENDING;
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Vc->Flags |= MPCM_VC_ACTIVE;
    } else if (Party != NULL) {
        NdisFreeMemory(Party, sizeof(*Party), 0);
    }
    return Status;
}

_Use_decl_annotations_
VOID
MpcmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PMPCM_VC Vc = (PMPCM_VC)CallMgrVcContext;
    PMPCM_PARTY Party = Vc->MakeCallParty;

    if (Status == NDIS_STATUS_SUCCESS) {
        Vc->Flags |= MPCM_VC_ACTIVE;
    }
    // Only MpcmMakeCall activates, so this is always a pended make call.
    NdisCmMakeCallComplete(Status, Vc->NdisVcHandle, (Party != NULL) ? Party->NdisPartyHandle : NULL, Party, CallParameters);
    if (Status != NDIS_STATUS_SUCCESS && Party != NULL) {
        NdisFreeMemory(Party, sizeof(*Party), 0);   // the leaf died with the failed call
        Vc->PartyCount = 0;
    }
}

_Use_decl_annotations_
NDIS_STATUS
MpcmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PMPCM_VC Vc = (PMPCM_VC)CallMgrVcContext;
    PMPCM_PARTY pParty = (PMPCM_PARTY)CallMgrPartyContext;
    NDIS_STATUS Status;

    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;
    }
    if (pParty != NULL && Vc->PartyCount > 1) {
        return NDIS_STATUS_FAILURE;      // drop the other leaves first
    }

    MPCM_LOCK(Vc->Af);
    // Multipoint: the completion names the last leaf; point-to-point: no party.
    Vc->ClosePartyHandle = (pParty != NULL) ? pParty->NdisPartyHandle : NULL;
    MPCM_UNLOCK(Vc->Af);
    if (pParty != NULL) {
        NdisFreeMemory(pParty, sizeof(*pParty), 0);
        Vc->PartyCount = 0;
    }

#if 0
    // Parked: the network's RELEASE is sent by the firmware now.
    Status = MpcmSendRelease(Vc);
#endif

    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        // Finish from a work item, as NDIS would have called MpcmDeactivateVcComplete.
        Vc->DeactivateStatus = Status;
        NdisQueueIoWorkItem(Vc->WorkItem, MpcmDeactivateWorker, Vc);
    }
    return MPCM_STATUS_PENDING;     // MpcmDeactivateVcComplete completes the close
}

_Use_decl_annotations_
VOID
MpcmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
    PMPCM_VC Vc = (PMPCM_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(Status);
    Vc->Flags &= ~MPCM_VC_ACTIVE;
    MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);
}

_Use_decl_annotations_
VOID
MpcmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    // MPCM offers no incoming calls.
}

_Use_decl_annotations_
NDIS_STATUS
MpcmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
    PMPCM_VC Vc = (PMPCM_VC)CallMgrVcContext;
    PMPCM_PARTY Party;

    UNREFERENCED_PARAMETER(CallParameters);
    Party = NdisAllocateMemoryWithTagPriority(Vc->Af->NdisBindingHandle, sizeof(*Party), MPCM_TAG, NormalPoolPriority);
    if (Party == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Party->NdisPartyHandle = NdisPartyHandle;
    Vc->PartyCount++;
    *CallMgrPartyContext = Party;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    NdisFreeMemory(CallMgrPartyContext, sizeof(MPCM_PARTY), 0);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmModifyQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}
