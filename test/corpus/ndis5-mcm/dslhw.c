/*
 * dslhw.c - DSLMCM's modem poll timer (DISPATCH_LEVEL): finishes dialling, hanging up and firmware requests,
 * and offers incoming calls.
 */
#include "dsl.h"

static BOOLEAN DslHwLineIsUp(IN PDSL_ADAPTER Adapter) { return Adapter->LineUp; }
static BOOLEAN DslHwRinging(IN PDSL_ADAPTER Adapter) { return Adapter->RingIndicated; }

VOID
DslHwHangUp(
    IN PDSL_ADAPTER Adapter
    )
{
    Adapter->LineUp = FALSE;
}

static VOID
DslOfferIncomingCall(
    IN PDSL_ADAPTER Adapter
    )
{
    PDSL_VC Vc;
    NDIS_STATUS Status;

    Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(DSL_VC), DSL_TAG, NormalPoolPriority);
    if (Vc == NULL)
    {
        return;
    }
    NdisZeroMemory(Vc, sizeof(DSL_VC));
    Vc->Adapter = Adapter;
    Vc->VcFlags = fVC_INCOMING;
    Vc->CallParameters = &Vc->IncomingParameters;

    Status = NdisMCmCreateVc(Adapter->MiniportAdapterHandle, Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        goto FreeVc;
    }
    Status = NdisMCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        goto DeleteVc;
    }
    Adapter->LineVc = Vc;
    Status = NdisMCmDispatchIncomingCall(Adapter->NdisSapHandle, Vc->NdisVcHandle, Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING)
    {
        DslCmIncomingCallComplete(Status, Vc, Vc->CallParameters);
    }
    return;

DeleteVc:
    if (NdisMCmDeleteVc(Vc->NdisVcHandle) != NDIS_STATUS_SUCCESS)
    {
        return;     /* NDIS still holds it; leak rather than free in-use memory */
    }
FreeVc:
    NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
}

VOID
DslPollTimer(
    IN PVOID SystemSpecific1,
    IN PVOID FunctionContext,
    IN PVOID SystemSpecific2,
    IN PVOID SystemSpecific3
    )
{
    PDSL_ADAPTER Adapter = (PDSL_ADAPTER)FunctionContext;
    PDSL_VC Vc;
    PNDIS_REQUEST Request;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);

    DSL_LOCK(Adapter);
    Request = Adapter->PendingRequest;
    Adapter->PendingRequest = NULL;
    Vc = Adapter->LineVc;
    DSL_UNLOCK(Adapter);

    if (Request != NULL)
    {
        NdisMCmRequestComplete(NDIS_STATUS_SUCCESS, Adapter->NdisAfHandle, Adapter->PendingRequestVc, NULL, Request);
    }

    if (Vc == NULL)
    {
        if (DslHwRinging(Adapter) && Adapter->NdisSapHandle != NULL)
        {
            DslOfferIncomingCall(Adapter);
        }
    }
    else if (Vc->State == VcIdle && DslHwLineIsUp(Adapter))
    {
        /* Outgoing call connected: activate, then complete DslCmMakeCall. */
        Status = NdisMCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
        if (Status == NDIS_STATUS_SUCCESS)
        {
            Vc->State = VcActive;
        }
        else
        {
            Adapter->LineVc = NULL;
        }
        NdisMCmMakeCallComplete(Status, Vc->NdisVcHandle, NULL, NULL, Vc->CallParameters);
    }
    else if (Vc->State == VcClosing && !DslHwLineIsUp(Adapter))
    {
        Adapter->LineVc = NULL;
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
        if (Vc->VcFlags & fVC_INCOMING)
        {
            /* We created it for an incoming call; the client's VCs are deleted by the client. */
            if (NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
            {
                NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
            }
        }
    }

    NdisMSetTimer(&Adapter->PollTimer, DSL_POLL_MS);
}
