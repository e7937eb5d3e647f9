// vc.c - per-VC and per-party state: ProtocolCoCreateVc / ProtocolCoDeleteVc, references, lookups.
#include "cm.h"

// References we hand out carry the top bit, so they never collide with the network's for incoming calls.
#define EXCM_LOCAL_REF 0x80000000UL

_Use_decl_annotations_
PEXCM_VC
ExCmAllocateVc(PEXCM_BINDING Binding, PEXCM_AF Af, BOOLEAN CreatedByCm)
{
    PEXCM_VC Vc = NdisAllocateMemoryWithTagPriority(ExCmProtocolHandle, sizeof(*Vc), EXCM_POOL_TAG, NormalPoolPriority);

    if (Vc == NULL) {
        return NULL;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    // ProtocolCmCloseCall may have to finish from a work item; allocating it now means a close can
    // never fail halfway for lack of memory.
    Vc->WorkItem = NdisAllocateIoWorkItem(Binding->NdisBindingHandle);
    if (Vc->WorkItem == NULL) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
        return NULL;
    }
    InitializeListHead(&Vc->Link);
    InitializeListHead(&Vc->PartyList);
    Vc->Binding = Binding;
    Vc->Af = Af;
    Vc->RefCount = 1;
    Vc->CreatedByCm = CreatedByCm;
    if (Af != NULL) {
        ExCmReferenceAf(Af);    // an AF cannot finish closing while one of its VCs exists
    }
    return Vc;
}

_Use_decl_annotations_
VOID
ExCmDereferenceVc(PEXCM_VC Vc)
{
    PEXCM_AF Af = Vc->Af;

    if (NdisInterlockedDecrement(&Vc->RefCount) != 0) {
        return;
    }
    NdisFreeIoWorkItem(Vc->WorkItem);
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    if (Af != NULL) {
        ExCmDereferenceAf(Af);
    }
}

_Use_decl_annotations_
VOID
ExCmLinkVc(PEXCM_VC Vc, ULONG CallRef)
{
    PEXCM_BINDING Binding = Vc->Binding;

    NdisAcquireSpinLock(&Binding->Lock);
    Vc->CallRef = (CallRef != 0) ? CallRef : (EXCM_LOCAL_REF | Binding->NextRef++);
    InsertTailList(&Binding->VcList, &Vc->Link);
    NdisReleaseSpinLock(&Binding->Lock);
}

// From here on, signalling for the old call reference finds nothing: a late message must never reach
// a VC that is being reused for another call or deleted.
_Use_decl_annotations_
VOID
ExCmUnlinkVc(PEXCM_VC Vc)
{
    NdisAcquireSpinLock(&Vc->Binding->Lock);
    RemoveEntryList(&Vc->Link);
    InitializeListHead(&Vc->Link);
    Vc->CallRef = 0;
    NdisReleaseSpinLock(&Vc->Binding->Lock);
}

_Use_decl_annotations_
PEXCM_VC
ExCmLookupVc(PEXCM_BINDING Binding, ULONG CallRef)
{
    PLIST_ENTRY Entry;
    PEXCM_VC Found = NULL;

    NdisAcquireSpinLock(&Binding->Lock);
    for (Entry = Binding->VcList.Flink; Entry != &Binding->VcList; Entry = Entry->Flink) {
        PEXCM_VC Vc = CONTAINING_RECORD(Entry, EXCM_VC, Link);
        if (Vc->CallRef == CallRef) {
            NdisInterlockedIncrement(&Vc->RefCount);
            Found = Vc;
            break;
        }
    }
    NdisReleaseSpinLock(&Binding->Lock);
    return Found;
}

_Use_decl_annotations_
PEXCM_PARTY
ExCmAllocateParty(PEXCM_VC Vc, NDIS_HANDLE NdisPartyHandle)
{
    PEXCM_PARTY Party = NdisAllocateMemoryWithTagPriority(ExCmProtocolHandle, sizeof(*Party), EXCM_POOL_TAG,
                                                          NormalPoolPriority);
    if (Party == NULL) {
        return NULL;
    }
    NdisZeroMemory(Party, sizeof(*Party));
    Party->Vc = Vc;
    Party->NdisPartyHandle = NdisPartyHandle;
    NdisAcquireSpinLock(&Vc->Binding->Lock);
    Party->PartyRef = EXCM_LOCAL_REF | Vc->Binding->NextRef++;
    InsertTailList(&Vc->PartyList, &Party->Link);
    Vc->PartyCount++;
    NdisReleaseSpinLock(&Vc->Binding->Lock);
    return Party;
}

_Use_decl_annotations_
PEXCM_PARTY
ExCmLookupParty(PEXCM_VC Vc, ULONG PartyRef)
{
    PLIST_ENTRY Entry;
    PEXCM_PARTY Found = NULL;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList; Entry = Entry->Flink) {
        PEXCM_PARTY Party = CONTAINING_RECORD(Entry, EXCM_PARTY, Link);
        if (Party->PartyRef == PartyRef) {
            Found = Party;
            break;
        }
    }
    NdisReleaseSpinLock(&Vc->Binding->Lock);
    return Found;
}

// Unlinking touches the VC, so callers do it while the VC is certainly alive (before a completion
// that lets the client delete it); freeing the party afterwards touches only the party.
_Use_decl_annotations_
VOID
ExCmUnlinkParty(PEXCM_PARTY Party)
{
    PEXCM_VC Vc = Party->Vc;

    NdisAcquireSpinLock(&Vc->Binding->Lock);
    RemoveEntryList(&Party->Link);
    Vc->PartyCount--;
    NdisReleaseSpinLock(&Vc->Binding->Lock);
}

// A client creates a VC before it makes an outgoing call. Creating (and deleting) a VC is synchronous
// by contract: NDIS_STATUS_PENDING from here would leave NDIS holding a VC that nobody can use.
_Use_decl_annotations_
NDIS_STATUS
ExCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PEXCM_AF Af = (PEXCM_AF)ProtocolAfContext;
    PEXCM_VC Vc = ExCmAllocateVc(Af->Binding, Af, FALSE);   // the client's VC: the client deletes it

    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

// The client deleted its VC. NDIS only allows that with no call on it and after deactivation, so all
// that is left is our memory. Never pends.
_Use_decl_annotations_
NDIS_STATUS
ExCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    PEXCM_VC Vc = (PEXCM_VC)ProtocolVcContext;

    NT_ASSERT(!Vc->CreatedByCm);
    ExCmUnlinkVc(Vc);
    ExCmDereferenceVc(Vc);
    return NDIS_STATUS_SUCCESS;
}
