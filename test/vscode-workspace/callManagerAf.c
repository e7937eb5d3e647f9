// Address-family and SAP handlers of the sample call manager.
#include "callManager.h"

_Use_decl_annotations_
NDIS_STATUS
CmOpenAf(
    NDIS_HANDLE CallMgrBindingContext,
    PCO_ADDRESS_FAMILY AddressFamily,
    NDIS_HANDLE NdisAfHandle,
    PNDIS_HANDLE CallMgrAfContext
    )
{
    PCM_ADAPTER Adapter = (PCM_ADAPTER)CallMgrBindingContext;
    PCM_AF Af;

    UNREFERENCED_PARAMETER(AddressFamily);

    Af = NdisAllocateMemoryWithTagPriority(Adapter->NdisBindingHandle, sizeof(CM_AF), CM_POOL_TAG, NormalPoolPriority);
    if (Af == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Af, sizeof(CM_AF));
    Af->Adapter = Adapter;
    Af->NdisAfHandle = NdisAfHandle;

    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->OpenAfCount++;
    NdisReleaseSpinLock(&Adapter->Lock);

    *CallMgrAfContext = Af;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmCloseAf(
    NDIS_HANDLE CallMgrAfContext
    )
{
    PCM_AF Af = (PCM_AF)CallMgrAfContext;

    Af->Closing = TRUE;
    // Completed once every VC on the AF is gone.
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
NDIS_STATUS
CmRegisterSap(
    NDIS_HANDLE CallMgrAfContext,
    PCO_SAP Sap,
    NDIS_HANDLE NdisSapHandle,
    PNDIS_HANDLE CallMgrSapContext
    )
{
    PCM_AF Af = (PCM_AF)CallMgrAfContext;

    UNREFERENCED_PARAMETER(Sap);

    Af->NdisSapHandle = NdisSapHandle;
    *CallMgrSapContext = Af;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmDeregisterSap(
    NDIS_HANDLE CallMgrSapContext
    )
{
    PCM_AF Af = (PCM_AF)CallMgrSapContext;

    Af->NdisSapHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}
