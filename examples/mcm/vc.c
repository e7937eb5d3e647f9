// vc.c - VCs on both sides of the MCM: ProtocolCoCreateVc / ProtocolCoDeleteVc (what NDIS calls for an MCM
// instead of MiniportCoCreateVc / MiniportCoDeleteVc), the hardware activation entry points, the data
// path and miniport OIDs, plus per-VC and per-party bookkeeping.
#include "mcm.h"

#define EXMCM_LOCAL_REF 0x80000000UL    // our references never collide with the network's

_Use_decl_annotations_
PEXMCM_VC
ExMcmAllocateVc(PEXMCM_AF Af, BOOLEAN CreatedByCm)
{
    PEXMCM_ADAPTER Adapter = Af->Adapter;
    PEXMCM_VC Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(*Vc), EXMCM_POOL_TAG,
                                                     NormalPoolPriority);
    if (Vc == NULL) {
        return NULL;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    Vc->WorkItem = NdisAllocateIoWorkItem(Adapter->MiniportAdapterHandle);  // so that closing cannot fail
    if (Vc->WorkItem == NULL) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
        return NULL;
    }
    InitializeListHead(&Vc->Link);
    InitializeListHead(&Vc->PartyList);
    Vc->Adapter = Adapter;
    Vc->Af = Af;
    Vc->RefCount = 1;
    Vc->CreatedByCm = CreatedByCm;
    ExMcmReferenceAf(Af);
    return Vc;
}

_Use_decl_annotations_
VOID
ExMcmDereferenceVc(PEXMCM_VC Vc)
{
    PEXMCM_AF Af = Vc->Af;

    if (NdisInterlockedDecrement(&Vc->RefCount) == 0) {
        NdisFreeIoWorkItem(Vc->WorkItem);
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
        ExMcmDereferenceAf(Af);
    }
}

_Use_decl_annotations_
VOID
ExMcmLinkVc(PEXMCM_VC Vc, ULONG CallRef)
{
    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->CallRef = (CallRef != 0) ? CallRef : (EXMCM_LOCAL_REF | Vc->Adapter->NextRef++);
    InsertTailList(&Vc->Adapter->VcList, &Vc->Link);
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
}

// After this no signalling or received frame can reach the VC under its old call reference.
_Use_decl_annotations_
VOID
ExMcmUnlinkVc(PEXMCM_VC Vc)
{
    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    RemoveEntryList(&Vc->Link);
    InitializeListHead(&Vc->Link);
    Vc->CallRef = 0;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
}

_Use_decl_annotations_
PEXMCM_VC
ExMcmLookupVc(PEXMCM_ADAPTER Adapter, ULONG CallRef)
{
    PLIST_ENTRY Entry;
    PEXMCM_VC Found = NULL;

    NdisAcquireSpinLock(&Adapter->Lock);
    for (Entry = Adapter->VcList.Flink; Entry != &Adapter->VcList && Found == NULL; Entry = Entry->Flink) {
        PEXMCM_VC Vc = CONTAINING_RECORD(Entry, EXMCM_VC, Link);
        if (Vc->CallRef == CallRef) {
            NdisInterlockedIncrement(&Vc->RefCount);
            Found = Vc;
        }
    }
    NdisReleaseSpinLock(&Adapter->Lock);
    return Found;
}

_Use_decl_annotations_
PEXMCM_PARTY
ExMcmAllocateParty(PEXMCM_VC Vc, NDIS_HANDLE NdisPartyHandle)
{
    PEXMCM_PARTY Party = NdisAllocateMemoryWithTagPriority(Vc->Adapter->MiniportAdapterHandle, sizeof(*Party),
                                                           EXMCM_POOL_TAG, NormalPoolPriority);
    if (Party == NULL) {
        return NULL;
    }
    NdisZeroMemory(Party, sizeof(*Party));
    Party->Vc = Vc;
    Party->NdisPartyHandle = NdisPartyHandle;
    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Party->PartyRef = EXMCM_LOCAL_REF | Vc->Adapter->NextRef++;
    InsertTailList(&Vc->PartyList, &Party->Link);
    Vc->PartyCount++;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    return Party;
}

_Use_decl_annotations_
PEXMCM_PARTY
ExMcmLookupParty(PEXMCM_VC Vc, ULONG PartyRef)
{
    PLIST_ENTRY Entry;
    PEXMCM_PARTY Found = NULL;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList && Found == NULL; Entry = Entry->Flink) {
        PEXMCM_PARTY Party = CONTAINING_RECORD(Entry, EXMCM_PARTY, Link);
        Found = (Party->PartyRef == PartyRef) ? Party : NULL;
    }
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    return Found;
}

// Touches the VC: callers unlink while the VC is certainly alive, then free the party on its own.
_Use_decl_annotations_
VOID
ExMcmUnlinkParty(PEXMCM_PARTY Party)
{
    NdisAcquireSpinLock(&Party->Vc->Adapter->Lock);
    RemoveEntryList(&Party->Link);
    Party->Vc->PartyCount--;
    NdisReleaseSpinLock(&Party->Vc->Adapter->Lock);
}

// ---- Call-manager side: VCs that a client creates ----

// For an MCM, NDIS passes the CM's AF context here. Synchronous by contract: never NDIS_STATUS_PENDING.
_Use_decl_annotations_
NDIS_STATUS
ExMcmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PEXMCM_VC Vc = ExMcmAllocateVc((PEXMCM_AF)ProtocolAfContext, FALSE);   // the client's VC: it deletes it

    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

// The client deleted its VC, which it can do only with no call on it. Never pends.
_Use_decl_annotations_
NDIS_STATUS
ExMcmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    PEXMCM_VC Vc = (PEXMCM_VC)ProtocolVcContext;

    NT_ASSERT(!Vc->CreatedByCm);
    ExMcmUnlinkVc(Vc);
    ExMcmDereferenceVc(Vc);
    return NDIS_STATUS_SUCCESS;
}

// ---- Miniport side ----

// Opens the VC in the hardware. The call code calls this itself before NdisMCmActivateVc; it is also
// registered, and answers synchronously either way.
_Use_decl_annotations_
NDIS_STATUS
ExMcmCoActivateVc(NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PEXMCM_VC Vc = (PEXMCM_VC)MiniportVcContext;

    if (CallParameters->CallMgrParameters != NULL &&
        CallParameters->CallMgrParameters->Transmit.PeakBandwidth * 80 > Vc->Adapter->LinkSpeed) {
        return NDIS_STATUS_INVALID_DATA;     // asks for more than the line carries
    }
    ExMcmHwVcControl(Vc->Adapter, Vc->CallRef, TRUE);
    Vc->HwOpen = TRUE;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmCoDeactivateVc(NDIS_HANDLE MiniportVcContext)
{
    PEXMCM_VC Vc = (PEXMCM_VC)MiniportVcContext;

    if (Vc->HwOpen) {
        Vc->HwOpen = FALSE;
        ExMcmHwVcControl(Vc->Adapter, Vc->CallRef, FALSE);
    }
    return NDIS_STATUS_SUCCESS;
}

// Frames go to the adapter by programmed I/O and are complete when this returns. A VC without an open
// hardware channel (no call, or a call being closed) fails its sends instead of transmitting.
_Use_decl_annotations_
VOID
ExMcmCoSendNbls(NDIS_HANDLE MiniportVcContext, PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags)
{
    PEXMCM_VC Vc = (PEXMCM_VC)MiniportVcContext;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER Nb;
    BOOLEAN Open;

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Open = (Vc->State == ExMcmVcConnected && Vc->HwOpen);
    NdisReleaseSpinLock(&Vc->Adapter->Lock);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Open && Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {
            ExMcmHwTransmit(Vc->Adapter, Vc->CallRef, Nb);
        }
        NET_BUFFER_LIST_STATUS(Nbl) = Open ? NDIS_STATUS_SUCCESS : NDIS_STATUS_CLOSING;
    }
    NdisMCoSendNetBufferListsComplete(Vc->NdisVcHandle, NetBufferLists,
                                      (SendFlags & NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

// OIDs from clients to the miniport side, answered synchronously (never pended, so never cancelled).
_Use_decl_annotations_
NDIS_STATUS
ExMcmCoOidRequest(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE MiniportVcContext, PNDIS_OID_REQUEST NdisRequest)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportAdapterContext;
    PNDIS_CO_LINK_SPEED Speed = (PNDIS_CO_LINK_SPEED)NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;

    UNREFERENCED_PARAMETER(MiniportVcContext);
    if (NdisRequest->RequestType != NdisRequestQueryInformation ||
        NdisRequest->DATA.QUERY_INFORMATION.Oid != OID_GEN_CO_LINK_SPEED) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    if (NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(*Speed)) {
        NdisRequest->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(*Speed);
        return NDIS_STATUS_BUFFER_TOO_SHORT;
    }
    Speed->Outbound = Speed->Inbound = Adapter->LinkSpeed;
    NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(*Speed);
    return NDIS_STATUS_SUCCESS;
}
