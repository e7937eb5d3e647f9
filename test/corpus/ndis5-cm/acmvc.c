/*
 * acmvc.c - VC contexts of ACMSIG: the create/delete handlers for client VCs, our own VCs for incoming calls,
 * the deferred deactivation result, and the signalling transmit path.
 */
#include "acm.h"

static VOID
AcmDeactivateWorkItem(
    IN PNDIS_WORK_ITEM  WorkItem,
    IN PVOID            Context
    )
{
    PACM_VC pVc = (PACM_VC)Context;

    UNREFERENCED_PARAMETER(WorkItem);
    /* As NDIS would have, had NdisCmDeactivateVc pended. */
    AcmDeactivateVcComplete(pVc->DeactivateStatus, pVc);
}

PACM_VC
AcmAllocateVc(
    IN PACM_AF  pAf,
    IN ULONG    Flags
    )
{
    PACM_VC pVc;

    pVc = (PACM_VC)NdisAllocateMemoryWithTagPriority(pAf->pAdapter->NdisBindingHandle, sizeof(ACM_VC), ACM_TAG, NormalPoolPriority);
    if (pVc == NULL)
    {
        return NULL;
    }
    NdisZeroMemory(pVc, sizeof(ACM_VC));
    NdisAllocateSpinLock(&pVc->Lock);
    NdisInitializeWorkItem(&pVc->WorkItem, AcmDeactivateWorkItem, pVc);
    pVc->pAf = pAf;
    pVc->Flags = Flags;
    return pVc;
}

VOID
AcmFreeVc(
    IN PACM_VC pVc
    )
{
    NdisFreeSpinLock(&pVc->Lock);
    NdisFreeMemory(pVc, sizeof(ACM_VC), 0);
}

NDIS_STATUS
AcmCreateVc(
    IN  NDIS_HANDLE     ProtocolAfContext,
    IN  NDIS_HANDLE     NdisVcHandle,
    OUT PNDIS_HANDLE    ProtocolVcContext
    )
{
    PACM_VC pVc = AcmAllocateVc((PACM_AF)ProtocolAfContext, 0);

    if (pVc == NULL)
    {
        return NDIS_STATUS_RESOURCES;
    }
    pVc->NdisVcHandle = NdisVcHandle;      /* the client created this VC; it deletes it */
    *ProtocolVcContext = pVc;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
AcmDeleteVc(
    IN NDIS_HANDLE ProtocolVcContext
    )
{
    AcmFreeVc((PACM_VC)ProtocolVcContext);
    return NDIS_STATUS_SUCCESS;
}

/*
 * Deletes a VC that we created for an incoming call, once its call is gone and it is deactivated.
 */
VOID
AcmDeleteOwnVc(
    IN PACM_VC pVc
    )
{
    NDIS_STATUS Status;

    Status = NdisCoDeleteVc(pVc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        /* NDIS still sees a call on it: keep the memory rather than free something still in use. */
        ACM_TRACE(("ACMSIG: NdisCoDeleteVc failed %x\n", Status));
        return;
    }
    AcmFreeVc(pVc);
}

/*
 * SETUP from the network: create a VC, activate it, and AcmActivateVcComplete offers the call.
 */
VOID
AcmOnSetup(
    IN PACM_AF  pAf,
    IN ULONG    CallRef
    )
{
    PACM_ADAPTER pAdapter = pAf->pAdapter;
    PACM_VC pVc;
    NDIS_STATUS Status;

    if (pAf->NdisSapHandle == NULL)
    {
        return;     /* nobody listens */
    }
    pVc = AcmAllocateVc(pAf, VC_FLAG_CM_CREATED);
    if (pVc == NULL)
    {
        return;
    }
    pVc->CallRef = CallRef;
    pVc->pCallParameters = &pVc->IncomingParameters;

    Status = NdisCoCreateVc(pAdapter->NdisBindingHandle, pAf->NdisAfHandle, pVc, &pVc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        AcmFreeVc(pVc);
        return;
    }

    ACM_ACQUIRE_ADAPTER_LOCK(pAdapter);
    InsertTailList(&pAdapter->VcList, &pVc->Link);
    ACM_RELEASE_ADAPTER_LOCK(pAdapter);

    Status = NdisCmActivateVc(pVc->NdisVcHandle, pVc->pCallParameters);
    if (Status != NDIS_STATUS_PENDING)
    {
        AcmActivateVcComplete(Status, pVc, pVc->pCallParameters);
    }
}

VOID
AcmSendSignal(
    IN PACM_VC  pVc,
    IN ULONG    Message
    )
{
#if 0
    /* Old framing, kept until the new link firmware is everywhere. */
    NdisCoSendPackets(pVc->NdisVcHandle, NULL, 0);
#endif
    ACM_TRACE(("ACMSIG: send message %u for call %u\n", Message, pVc->CallRef));
}
