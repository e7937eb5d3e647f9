// af.c - address families and SAPs: open (pended until the firmware reports the line rate), close
// (pended while VCs remain), SAP registration, and the call-manager OID handlers.
#include "mcm.h"

static VOID
ExMcmRetireAf(_In_ PEXMCM_AF Af)
{
    NdisAcquireSpinLock(&Af->Adapter->Lock);
    RemoveEntryList(&Af->Link);
    NdisReleaseSpinLock(&Af->Adapter->Lock);
    NdisFreeMemory(Af, sizeof(*Af), 0);
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle,
            PNDIS_HANDLE CallMgrAfContext)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)CallMgrBindingContext;   // for an MCM: its adapter context
    PEXMCM_AF Af;

    if (AddressFamily->AddressFamily != ExMcmAddressFamily.AddressFamily ||
        AddressFamily->MajorVersion != ExMcmAddressFamily.MajorVersion) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    Af = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(*Af), EXMCM_POOL_TAG, NormalPoolPriority);
    if (Af == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Af, sizeof(*Af));
    Af->Adapter = Adapter;
    Af->NdisAfHandle = NdisAfHandle;
    Af->RefCount = 1;
    InitializeListHead(&Af->SapList);
    NdisAcquireSpinLock(&Adapter->Lock);
    Af->QueryRef = Adapter->NextRef++;
    InsertTailList(&Adapter->AfList, &Af->Link);
    NdisReleaseSpinLock(&Adapter->Lock);
    *CallMgrAfContext = Af;

    // Calls are admitted against the line rate, which only the firmware knows. Ask, and finish the open
    // when it answers (ExMcmOnLinkReport, from the DPC).
    ExMcmHwSignal(Adapter, ExMcmSigLinkQuery, Af->QueryRef, 0);
    return NDIS_STATUS_PENDING;
}

// The firmware's LINK REPORT: the one completion of the open that ExMcmOpenAf pended.
_Use_decl_annotations_
VOID
ExMcmOnLinkReport(PEXMCM_ADAPTER Adapter, const EXMCM_SIG_MSG *Msg)
{
    PLIST_ENTRY Entry;
    PEXMCM_AF Af = NULL;

    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->LinkSpeed = Msg->Cause;
    for (Entry = Adapter->AfList.Flink; Entry != &Adapter->AfList && Af == NULL; Entry = Entry->Flink) {
        PEXMCM_AF Candidate = CONTAINING_RECORD(Entry, EXMCM_AF, Link);
        if (!Candidate->Open && Candidate->QueryRef == Msg->CallRef) {
            Candidate->Open = TRUE;
            Candidate->QueryRef = 0;
            Af = Candidate;
        }
    }
    NdisReleaseSpinLock(&Adapter->Lock);
    if (Af != NULL) {
        NdisMCmOpenAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle, Af);
    }
}

_Use_decl_annotations_
VOID
ExMcmReferenceAf(PEXMCM_AF Af)
{
    NdisAcquireSpinLock(&Af->Adapter->Lock);
    Af->RefCount++;
    NdisReleaseSpinLock(&Af->Adapter->Lock);
}

_Use_decl_annotations_
VOID
ExMcmDereferenceAf(PEXMCM_AF Af)
{
    NDIS_HANDLE AfHandle = Af->NdisAfHandle;
    LONG Remaining;

    NdisAcquireSpinLock(&Af->Adapter->Lock);
    Remaining = --Af->RefCount;
    NdisReleaseSpinLock(&Af->Adapter->Lock);
    if (Remaining == 0) {
        // The open holds a reference until ProtocolCmCloseAf, so zero means a close is pending and this
        // is its one completion. The AF handle is dead afterwards.
        NdisMCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, AfHandle);
        ExMcmRetireAf(Af);
    }
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
    PEXMCM_AF Af = (PEXMCM_AF)CallMgrAfContext;
    LONG Remaining;

    NdisAcquireSpinLock(&Af->Adapter->Lock);
    Af->Open = FALSE;
    Remaining = --Af->RefCount;     // the open's reference
    NdisReleaseSpinLock(&Af->Adapter->Lock);
    if (Remaining == 0) {
        ExMcmRetireAf(Af);
        return NDIS_STATUS_SUCCESS; // nothing in flight: a final status, so NDIS completes the close
    }
    // A VC we created may still be on its way out (we delete it after completing its close call); the
    // last ExMcmDereferenceAf completes the close.
    return NDIS_STATUS_PENDING;
}

// SAPs are bookkeeping only, so both SAP handlers finish synchronously and call no *SapComplete.
_Use_decl_annotations_
NDIS_STATUS
ExMcmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
    PEXMCM_AF Af = (PEXMCM_AF)CallMgrAfContext;
    PEXMCM_SAP Entry;

    if (Sap->SapLength != sizeof(ULONG)) {
        return NDIS_STATUS_INVALID_DATA;
    }
    Entry = NdisAllocateMemoryWithTagPriority(Af->Adapter->MiniportAdapterHandle, sizeof(*Entry), EXMCM_POOL_TAG,
                                              NormalPoolPriority);
    if (Entry == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Entry->Af = Af;
    Entry->NdisSapHandle = NdisSapHandle;
    NdisMoveMemory(&Entry->Selector, Sap->Sap, sizeof(ULONG));
    NdisAcquireSpinLock(&Af->Adapter->Lock);
    InsertTailList(&Af->SapList, &Entry->Link);
    NdisReleaseSpinLock(&Af->Adapter->Lock);
    *CallMgrSapContext = Entry;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
    PEXMCM_SAP Entry = (PEXMCM_SAP)CallMgrSapContext;
    PEXMCM_ADAPTER Adapter = Entry->Af->Adapter;

    NdisAcquireSpinLock(&Adapter->Lock);
    RemoveEntryList(&Entry->Link);
    NdisReleaseSpinLock(&Adapter->Lock);
    NdisFreeMemory(Entry, sizeof(*Entry), 0);
    return NDIS_STATUS_SUCCESS;
}

// Call-manager OIDs from clients: none is supported, and a final status needs no NdisMCmOidRequestComplete.
_Use_decl_annotations_
NDIS_STATUS
ExMcmCmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
                  PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

// ExMcm sends no OIDs to clients (no NdisMCmOidRequest), so nothing ever completes here.
_Use_decl_annotations_
VOID
ExMcmCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                          NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    UNREFERENCED_PARAMETER(Status);
}

// ExMcm never asks clients to close their AFs (NDIS unbinds them before halting the adapter), so this
// required entry is never called.
_Use_decl_annotations_
VOID
ExMcmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(CallMgrAfContext);
    UNREFERENCED_PARAMETER(Status);
}
