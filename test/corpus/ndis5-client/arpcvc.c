/*
 * arpcvc.c - ARPCL's VCs: outgoing calls on VCs we create, and the call manager's indications.
 */
#include "arpc.h"

NDIS_STATUS
ArpcCreateVc(
    IN  NDIS_HANDLE     ProtocolAfContext,
    IN  NDIS_HANDLE     NdisVcHandle,
    OUT PNDIS_HANDLE    ProtocolVcContext
    )
{
    PARPC_INTERFACE pIf = (PARPC_INTERFACE)ProtocolAfContext;
    PARPC_VC pVc;

    pVc = NdisAllocateMemoryWithTagPriority(pIf->NdisBindingHandle, sizeof(ARPC_VC), ARPC_TAG, NormalPoolPriority);
    if (pVc == NULL)
    {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(pVc, sizeof(ARPC_VC));
    pVc->pIf = pIf;
    pVc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = pVc;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
ArpcDeleteVc(
    IN NDIS_HANDLE ProtocolVcContext
    )
{
    NdisFreeMemory(ProtocolVcContext, sizeof(ARPC_VC), 0);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
ArpcConnect(
    IN PARPC_INTERFACE pIf
    )
{
    PARPC_VC pVc = NULL;
    NDIS_STATUS Status;

    pVc = NdisAllocateMemoryWithTagPriority(pIf->NdisBindingHandle, sizeof(ARPC_VC), ARPC_TAG, NormalPoolPriority);
    if (pVc == NULL)
    {
        Status = NDIS_STATUS_RESOURCES;
        goto Done;
    }
    NdisZeroMemory(pVc, sizeof(ARPC_VC));
    pVc->pIf = pIf;
    pVc->Flags = ARPC_VC_OWNER;

    Status = NdisCoCreateVc(pIf->NdisBindingHandle, pIf->NdisAfHandle, pVc, &pVc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        goto FreeVc;
    }

    Status = NdisClMakeCall(pVc->NdisVcHandle, &pVc->CallParams, NULL, NULL);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcMakeCallComplete(Status, pVc, NULL, &pVc->CallParams);
    }
    Status = NDIS_STATUS_PENDING;
    goto Done;

FreeVc:
    NdisFreeMemory(pVc, sizeof(ARPC_VC), 0);
Done:
    return Status;
}

VOID
ArpcMakeCallComplete(
    IN NDIS_STATUS          Status,
    IN NDIS_HANDLE          ProtocolVcContext,
    IN NDIS_HANDLE          NdisPartyHandle OPTIONAL,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    PARPC_VC pVc = (PARPC_VC)ProtocolVcContext;

    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallParameters);

    if (Status == NDIS_STATUS_SUCCESS)
    {
        pVc->Flags |= ARPC_VC_CALL_UP;
        return;
    }
    /* The call failed; the VC is ours, so we delete it. */
    if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
    {
        NdisFreeMemory(pVc, sizeof(ARPC_VC), 0);
    }
}

VOID
ArpcCloseVc(
    IN PARPC_VC pVc
    )
{
    NDIS_STATUS Status;

    ARPC_LOCK_IF(pVc->pIf);
    pVc->Flags &= ~ARPC_VC_CALL_UP;
    ARPC_UNLOCK_IF(pVc->pIf);

    Status = NdisClCloseCall(pVc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcCloseCallComplete(Status, pVc, NULL);
    }
}

VOID
ArpcCloseCallComplete(
    IN NDIS_STATUS  Status,
    IN NDIS_HANDLE  ProtocolVcContext,
    IN NDIS_HANDLE  ProtocolPartyContext OPTIONAL
    )
{
    PARPC_VC pVc = (PARPC_VC)ProtocolVcContext;

    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);

    if (pVc->Flags & ARPC_VC_OWNER)
    {
        if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
        {
            NdisFreeMemory(pVc, sizeof(ARPC_VC), 0);
        }
    }
}

NDIS_STATUS
ArpcIncomingCall(
    IN     NDIS_HANDLE          ProtocolSapContext,
    IN     NDIS_HANDLE          ProtocolVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters
    )
{
    UNREFERENCED_PARAMETER(ProtocolSapContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_ACCEPTED;        /* ARPCL only calls out */
}

VOID
ArpcIncomingCloseCall(
    IN NDIS_STATUS  CloseStatus,
    IN NDIS_HANDLE  ProtocolVcContext,
    IN PVOID        CloseData OPTIONAL,
    IN UINT         Size OPTIONAL
    )
{
    UNREFERENCED_PARAMETER(CloseStatus);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    ArpcCloseVc((PARPC_VC)ProtocolVcContext);
}

VOID ArpcCallConnected(IN NDIS_HANDLE ProtocolVcContext) { UNREFERENCED_PARAMETER(ProtocolVcContext); }
VOID ArpcIncomingQoSChange(IN NDIS_HANDLE ProtocolVcContext, IN PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(ProtocolVcContext); UNREFERENCED_PARAMETER(CallParameters);
}
VOID ArpcModifyQoSComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext, IN PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolVcContext); UNREFERENCED_PARAMETER(CallParameters);
}
VOID ArpcAddPartyComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext, IN NDIS_HANDLE NdisPartyHandle, IN PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(NdisPartyHandle); UNREFERENCED_PARAMETER(CallParameters);
}
VOID ArpcDropPartyComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext)
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolPartyContext);
}
VOID ArpcIncomingDropParty(IN NDIS_STATUS DropStatus, IN NDIS_HANDLE ProtocolPartyContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL)
{
    UNREFERENCED_PARAMETER(DropStatus); UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(CloseData); UNREFERENCED_PARAMETER(Size);
}
