// af.c - address families and SAPs: open (pended on a link-speed query), close (pended while VCs remain),
// SAP registration, client OIDs, and asking clients to close their families when we unbind.
#include "cm.h"

#define EXCM_DEFAULT_LINK_SPEED 1550000     // units of 100 bit/s, as NDIS reports link speeds

// Removes the AF from the binding; unbind waits for that list to empty.
static VOID
ExCmRetireAf(_In_ PEXCM_AF Af)
{
    PEXCM_BINDING Binding = Af->Binding;

    NdisAcquireSpinLock(&Binding->Lock);
    RemoveEntryList(&Af->Link);
    if (Binding->Unbinding && IsListEmpty(&Binding->AfList)) {
        NdisSetEvent(&Binding->AfsClosed);
    }
    NdisReleaseSpinLock(&Binding->Lock);
    NdisFreeMemory(Af, sizeof(*Af), 0);
}

// Ends an open, successfully unless the binding began to unbind meanwhile. Returns the open's final status.
static NDIS_STATUS
ExCmFinishOpenAf(_In_ PEXCM_AF Af, _In_ NDIS_STATUS QueryStatus)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;

    if (QueryStatus != NDIS_STATUS_SUCCESS) {
        // Not fatal: some miniports do not answer this OID. Assume a nominal rate.
        Af->LinkSpeed.Outbound = Af->LinkSpeed.Inbound = EXCM_DEFAULT_LINK_SPEED;
    }
    NdisAcquireSpinLock(&Af->Binding->Lock);
    if (Af->Binding->Unbinding) {
        Status = NDIS_STATUS_FAILURE;
    } else {
        Af->Open = TRUE;    // incoming SETUPs may now be offered on its SAPs
    }
    NdisReleaseSpinLock(&Af->Binding->Lock);
    return Status;
}

_Use_decl_annotations_
NDIS_STATUS
ExCmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle,
           PNDIS_HANDLE CallMgrAfContext)
{
    PEXCM_BINDING Binding = (PEXCM_BINDING)CallMgrBindingContext;
    PEXCM_AF Af;
    NDIS_STATUS Status;

    if (AddressFamily->AddressFamily != ExCmAddressFamily.AddressFamily ||
        AddressFamily->MajorVersion != ExCmAddressFamily.MajorVersion) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    Af = NdisAllocateMemoryWithTagPriority(ExCmProtocolHandle, sizeof(*Af), EXCM_POOL_TAG, NormalPoolPriority);
    if (Af == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Af, sizeof(*Af));
    Af->Binding = Binding;
    Af->NdisAfHandle = NdisAfHandle;
    Af->RefCount = 1;
    InitializeListHead(&Af->SapList);
    NdisAcquireSpinLock(&Binding->Lock);
    InsertTailList(&Binding->AfList, &Af->Link);
    NdisReleaseSpinLock(&Binding->Lock);
    *CallMgrAfContext = Af;

    // Incoming calls are offered with parameters sized to the link, so the open waits for the link speed.
    Af->LinkQuery.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
    Af->LinkQuery.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
    Af->LinkQuery.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
    Af->LinkQuery.RequestType = NdisRequestQueryInformation;
    Af->LinkQuery.DATA.QUERY_INFORMATION.Oid = OID_GEN_CO_LINK_SPEED;
    Af->LinkQuery.DATA.QUERY_INFORMATION.InformationBuffer = &Af->LinkSpeed;
    Af->LinkQuery.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(Af->LinkSpeed);

    Status = NdisCoOidRequest(Binding->NdisBindingHandle, NULL, NULL, NULL, &Af->LinkQuery);
    if (Status == NDIS_STATUS_PENDING) {
        return NDIS_STATUS_PENDING;     // ExCmOidRequestComplete completes the open
    }
    // The query finished here, so the open does too: return its final status and let NDIS tell the
    // client. Calling NdisCmOpenAddressFamilyComplete as well would complete the open twice.
    Status = ExCmFinishOpenAf(Af, Status);
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmRetireAf(Af);
    }
    return Status;
}

// Completion of the link-speed query ExCmOpenAf pended on; it is the only CoNDIS OID ExCm issues.
_Use_decl_annotations_
VOID
ExCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
                       PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
    PEXCM_AF Af = CONTAINING_RECORD(OidRequest, EXCM_AF, LinkQuery);
    NDIS_HANDLE AfHandle = Af->NdisAfHandle;
    NDIS_STATUS OpenStatus = ExCmFinishOpenAf(Af, Status);

    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);

    // The one completion of the pended open, with a final status (never PENDING).
    NdisCmOpenAddressFamilyComplete(OpenStatus, AfHandle, Af);
    if (OpenStatus != NDIS_STATUS_SUCCESS) {
        ExCmRetireAf(Af);   // after a failed open NDIS keeps no reference to our context
    }
}

_Use_decl_annotations_
VOID
ExCmReferenceAf(PEXCM_AF Af)
{
    NdisAcquireSpinLock(&Af->Binding->Lock);
    Af->RefCount++;
    NdisReleaseSpinLock(&Af->Binding->Lock);
}

_Use_decl_annotations_
VOID
ExCmDereferenceAf(PEXCM_AF Af)
{
    NDIS_HANDLE AfHandle = Af->NdisAfHandle;
    LONG Remaining;

    NdisAcquireSpinLock(&Af->Binding->Lock);
    Remaining = --Af->RefCount;
    NdisReleaseSpinLock(&Af->Binding->Lock);
    if (Remaining != 0) {
        return;
    }
    // The open's reference lasts until ProtocolCmCloseAf, so reaching zero here means a close is
    // pending: this is its one completion. The AF handle is dead afterwards and is not used again.
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, AfHandle);
    ExCmRetireAf(Af);
}

_Use_decl_annotations_
NDIS_STATUS
ExCmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
    PEXCM_AF Af = (PEXCM_AF)CallMgrAfContext;
    LONG Remaining;

    NdisAcquireSpinLock(&Af->Binding->Lock);
    Af->Open = FALSE;
    Remaining = --Af->RefCount;     // drop the open's reference
    NdisReleaseSpinLock(&Af->Binding->Lock);

    if (Remaining == 0) {
        ExCmRetireAf(Af);
        return NDIS_STATUS_SUCCESS; // nothing in flight: a final status, NDIS completes the close
    }
    // A VC that we created may still be on its way out: we delete it only after completing its close
    // call, and the client can close the AF in between. The last ExCmDereferenceAf completes this.
    return NDIS_STATUS_PENDING;
}

// SAPs are bookkeeping only (the network names the selector in each SETUP), so both SAP handlers
// finish synchronously and never call NdisCmRegisterSapComplete / NdisCmDeregisterSapComplete.
_Use_decl_annotations_
NDIS_STATUS
ExCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
    PEXCM_AF Af = (PEXCM_AF)CallMgrAfContext;
    PEXCM_SAP Entry;

    if (Sap->SapLength != sizeof(ULONG)) {
        return NDIS_STATUS_INVALID_DATA;
    }
    Entry = NdisAllocateMemoryWithTagPriority(ExCmProtocolHandle, sizeof(*Entry), EXCM_POOL_TAG, NormalPoolPriority);
    if (Entry == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Entry->Af = Af;
    Entry->NdisSapHandle = NdisSapHandle;
    NdisMoveMemory(&Entry->Selector, Sap->Sap, sizeof(ULONG));
    NdisAcquireSpinLock(&Af->Binding->Lock);
    InsertTailList(&Af->SapList, &Entry->Link);
    NdisReleaseSpinLock(&Af->Binding->Lock);
    *CallMgrSapContext = Entry;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
ExCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
    PEXCM_SAP Entry = (PEXCM_SAP)CallMgrSapContext;
    PEXCM_BINDING Binding = Entry->Af->Binding;

    NdisAcquireSpinLock(&Binding->Lock);
    RemoveEntryList(&Entry->Link);
    NdisReleaseSpinLock(&Binding->Lock);
    NdisFreeMemory(Entry, sizeof(*Entry), 0);
    return NDIS_STATUS_SUCCESS;
}

// No client OID means anything to ExCm. A final status, so no NdisCoOidRequestComplete.
_Use_decl_annotations_
NDIS_STATUS
ExCmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
               PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

// The client's answer to NdisCmNotifyCloseAddressFamily. Its close arrives separately in ExCmCloseAf,
// and that is what unbind waits for.
_Use_decl_annotations_
VOID
ExCmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(CallMgrAfContext);
    if (Status != NDIS_STATUS_SUCCESS) {
        EXCM_TRACE("client did not agree to close its address family: 0x%x\n", (unsigned)Status);
    }
}

// Unbind: ask each client to close its AF, then wait until all are gone. NdisCmNotifyCloseAddressFamily
// runs only at PASSIVE_LEVEL, so it is called here, with no spin lock held, one AF at a time.
_Use_decl_annotations_
VOID
ExCmCloseAllAfs(PEXCM_BINDING Binding)
{
    PEXCM_AF Af;
    PLIST_ENTRY Entry;
    NDIS_STATUS Status;
    BOOLEAN Empty;

    do {
        Af = NULL;
        NdisAcquireSpinLock(&Binding->Lock);
        for (Entry = Binding->AfList.Flink; Entry != &Binding->AfList; Entry = Entry->Flink) {
            PEXCM_AF Candidate = CONTAINING_RECORD(Entry, EXCM_AF, Link);
            if (Candidate->Open && !Candidate->CloseNotified) {
                Candidate->CloseNotified = TRUE;
                Candidate->RefCount++;      // keeps Af valid across the call below
                Af = Candidate;
                break;
            }
        }
        NdisReleaseSpinLock(&Binding->Lock);
        if (Af != NULL) {
            Status = NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle);
            if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS) {
                EXCM_TRACE("NdisCmNotifyCloseAddressFamily failed: 0x%x\n", (unsigned)Status);
            }
            // PENDING: the answer comes to ExCmNotifyCloseAfComplete. Either way our reference must go
            // so that the client's close can complete.
            ExCmDereferenceAf(Af);
        }
    } while (Af != NULL);

    NdisAcquireSpinLock(&Binding->Lock);
    Empty = IsListEmpty(&Binding->AfList);
    NdisReleaseSpinLock(&Binding->Lock);
    if (!Empty) {
        NdisWaitEvent(&Binding->AfsClosed, 0);
    }
}
