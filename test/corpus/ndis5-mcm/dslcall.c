/*
 * dslcall.c - DSLMCM's call-manager handlers. Dialling and hanging up take the modem a while: make call and close
 * call pend, and the poll timer (dslhw.c) completes them.
 */
#include "dsl.h"

NDIS_STATUS
DslCmCreateVc(
    IN  NDIS_HANDLE     ProtocolAfContext,
    IN  NDIS_HANDLE     NdisVcHandle,
    OUT PNDIS_HANDLE    ProtocolVcContext
    )
{
    PDSL_ADAPTER Adapter = (PDSL_ADAPTER)ProtocolAfContext;
    PDSL_VC Vc;

    Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(DSL_VC), DSL_TAG, NormalPoolPriority);
    if (Vc == NULL)
    {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Vc, sizeof(DSL_VC));
    Vc->Adapter = Adapter;
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmDeleteVc(
    IN NDIS_HANDLE ProtocolVcContext
    )
{
    NdisFreeMemory(ProtocolVcContext, sizeof(DSL_VC), 0);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmOpenAf(
    IN  NDIS_HANDLE         CallMgrBindingContext,
    IN  PCO_ADDRESS_FAMILY  AddressFamily,
    IN  NDIS_HANDLE         NdisAfHandle,
    OUT PNDIS_HANDLE        CallMgrAfContext
    )
{
    PDSL_ADAPTER Adapter = (PDSL_ADAPTER)CallMgrBindingContext;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_PPP)
    {
        return NDIS_STATUS_FAILURE;
    }
    Adapter->NdisAfHandle = NdisAfHandle;
    *CallMgrAfContext = Adapter;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmCloseAf(
    IN NDIS_HANDLE CallMgrAfContext
    )
{
    ((PDSL_ADAPTER)CallMgrAfContext)->NdisAfHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmRegisterSap(
    IN  NDIS_HANDLE  CallMgrAfContext,
    IN  PCO_SAP      Sap,
    IN  NDIS_HANDLE  NdisSapHandle,
    OUT PNDIS_HANDLE CallMgrSapContext
    )
{
    PDSL_ADAPTER Adapter = (PDSL_ADAPTER)CallMgrAfContext;

    UNREFERENCED_PARAMETER(Sap);
    Adapter->NdisSapHandle = NdisSapHandle;     /* any SAP: the line has one number */
    *CallMgrSapContext = Adapter;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmDeregisterSap(
    IN NDIS_HANDLE CallMgrSapContext
    )
{
    ((PDSL_ADAPTER)CallMgrSapContext)->NdisSapHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCmMakeCall(
    IN     NDIS_HANDLE          CallMgrVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters,
    IN     NDIS_HANDLE          NdisPartyHandle OPTIONAL,
    OUT    PNDIS_HANDLE         CallMgrPartyContext OPTIONAL
    )
{
    PDSL_VC Vc = (PDSL_VC)CallMgrVcContext;
    PDSL_ADAPTER Adapter = Vc->Adapter;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    if (NdisPartyHandle != NULL)
    {
        return NDIS_STATUS_NOT_SUPPORTED;
    }

    DSL_LOCK(Adapter);
    if (Adapter->LineVc != NULL)
    {
        DSL_UNLOCK(Adapter);
        return NDIS_STATUS_RESOURCES;      /* the line is busy */
    }
    Adapter->LineVc = Vc;
    Vc->CallParameters = CallParameters;
    Vc->State = VcIdle;
    DSL_UNLOCK(Adapter);

    /* DslPollTimer completes the call when the modem reports the line up (or gives up). */
    return NDIS_STATUS_PENDING;         /* completed by DslPollTimer */
}

NDIS_STATUS
DslCmCloseCall(
    IN NDIS_HANDLE  CallMgrVcContext,
    IN NDIS_HANDLE  CallMgrPartyContext OPTIONAL,
    IN PVOID        CloseData OPTIONAL,
    IN UINT         Size OPTIONAL
    )
{
    PDSL_VC Vc = (PDSL_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    /* No more data on the VC from here; our own miniport deactivates it at once. */
    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        DBGPRINT("NdisMCmDeactivateVc failed %x\n", Status);
    }

    DSL_LOCK(Vc->Adapter);
    Vc->State = VcClosing;
    Vc->VcFlags |= fVC_CLOSE_PENDED;
    DSL_UNLOCK(Vc->Adapter);

    DslHwHangUp(Vc->Adapter);
    return NDIS_STATUS_PENDING;         /* DslPollTimer completes the close when the line is down */
}

VOID
DslCmIncomingCallComplete(
    IN NDIS_STATUS          Status,
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    PDSL_VC Vc = (PDSL_VC)CallMgrVcContext;
    PDSL_ADAPTER Adapter = Vc->Adapter;
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;

    UNREFERENCED_PARAMETER(CallParameters);

    if (Status == NDIS_STATUS_SUCCESS)
    {
        NdisMCmDispatchCallConnected(VcHandle);
        return;
    }

    /* Refused: drop the line, deactivate and delete the VC we created in DslPollTimer. */
    DslHwHangUp(Adapter);
    DSL_LOCK(Adapter);
    Adapter->LineVc = NULL;
    DSL_UNLOCK(Adapter);

    Status = NdisMCmDeactivateVc(VcHandle);
    if (Status == NDIS_STATUS_SUCCESS)
    {
        Status = NdisMCmDeleteVc(VcHandle);
    }
    if (Status == NDIS_STATUS_SUCCESS)
    {
        NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
    }
}

NDIS_STATUS
DslCmAddParty(
    IN     NDIS_HANDLE          CallMgrVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters,
    IN     NDIS_HANDLE          NdisPartyHandle,
    OUT    PNDIS_HANDLE         CallMgrPartyContext
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    return NDIS_STATUS_NOT_SUPPORTED;
}

NDIS_STATUS
DslCmDropParty(
    IN NDIS_HANDLE  CallMgrPartyContext,
    IN PVOID        CloseData OPTIONAL,
    IN UINT         Size OPTIONAL
    )
{
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    return NDIS_STATUS_NOT_SUPPORTED;
}

/* An MCM's activations and deactivations finish synchronously; NDIS never calls these two. */
VOID
DslCmActivateVcComplete(
    IN NDIS_STATUS          Status,
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
}

VOID
DslCmDeactivateVcComplete(
    IN NDIS_STATUS  Status,
    IN NDIS_HANDLE  CallMgrVcContext
    )
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(CallMgrVcContext);
}

NDIS_STATUS
DslCmModifyCallQoS(
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}

NDIS_STATUS
DslCmRequest(
    IN     NDIS_HANDLE   ProtocolAfContext,
    IN     NDIS_HANDLE   ProtocolVcContext OPTIONAL,
    IN     NDIS_HANDLE   ProtocolPartyContext OPTIONAL,
    IN OUT PNDIS_REQUEST NdisRequest
    )
{
    PDSL_ADAPTER Adapter = (PDSL_ADAPTER)ProtocolAfContext;
    PDSL_VC Vc = (PDSL_VC)ProtocolVcContext;

    UNREFERENCED_PARAMETER(ProtocolPartyContext);

    /* The modem's firmware answers requests; DslPollTimer completes them. */
    DSL_LOCK(Adapter);
    if (Adapter->PendingRequest != NULL)
    {
        DSL_UNLOCK(Adapter);
        return NDIS_STATUS_RESOURCES;
    }
    Adapter->PendingRequest = NdisRequest;
    Adapter->PendingRequestVc = (Vc != NULL) ? Vc->NdisVcHandle : NULL;
    DSL_UNLOCK(Adapter);
    return NDIS_STATUS_PENDING;         /* DslPollTimer completes the request */
}

VOID
DslCmRequestComplete(
    IN NDIS_STATUS   Status,
    IN NDIS_HANDLE   ProtocolAfContext OPTIONAL,
    IN NDIS_HANDLE   ProtocolVcContext OPTIONAL,
    IN NDIS_HANDLE   ProtocolPartyContext OPTIONAL,
    IN PNDIS_REQUEST NdisRequest
    )
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(NdisRequest);
    DBGPRINT("request complete %x\n", Status);
}
