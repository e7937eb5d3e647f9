/*
 * dslinit.c - DSLMCM's call-manager registration and its miniport VC handlers.
 */
#include "dsl.h"

/*
 * Called from MiniportInitialize (PASSIVE_LEVEL) after the hardware is up.
 */
NDIS_STATUS
DslRegisterCallManager(
    IN PDSL_ADAPTER Adapter
    )
{
    NDIS_CALL_MANAGER_CHARACTERISTICS CmChars;
    CO_ADDRESS_FAMILY Af;
    NDIS_STATUS Status;

    NdisZeroMemory(&CmChars, sizeof(CmChars));
    CmChars.MajorVersion                  = 5;
    CmChars.MinorVersion                  = 0;
    CmChars.CmCreateVcHandler             = DslCmCreateVc;
    CmChars.CmDeleteVcHandler             = DslCmDeleteVc;
    CmChars.CmOpenAfHandler               = DslCmOpenAf;
    CmChars.CmCloseAfHandler              = DslCmCloseAf;
    CmChars.CmRegisterSapHandler          = DslCmRegisterSap;
    CmChars.CmDeregisterSapHandler        = DslCmDeregisterSap;
    CmChars.CmMakeCallHandler             = DslCmMakeCall;
    CmChars.CmCloseCallHandler            = DslCmCloseCall;
    CmChars.CmIncomingCallCompleteHandler = DslCmIncomingCallComplete;
    CmChars.CmAddPartyHandler             = DslCmAddParty;
    CmChars.CmDropPartyHandler            = DslCmDropParty;
    CmChars.CmActivateVcCompleteHandler   = DslCmActivateVcComplete;
    CmChars.CmDeactivateVcCompleteHandler = DslCmDeactivateVcComplete;
    CmChars.CmModifyCallQoSHandler        = DslCmModifyCallQoS;
    CmChars.CmRequestHandler              = DslCmRequest;
    CmChars.CmRequestCompleteHandler      = DslCmRequestComplete;

    Af.AddressFamily = CO_ADDRESS_FAMILY_PPP;
    Af.MajorVersion = 1;
    Af.MinorVersion = 0;

    NdisAllocateSpinLock(&Adapter->Lock);
    NdisMInitializeTimer(&Adapter->PollTimer, Adapter->MiniportAdapterHandle, DslPollTimer, Adapter);

    Status = NdisMCmRegisterAddressFamily(Adapter->MiniportAdapterHandle, &Af, &CmChars, sizeof(CmChars));
    if (Status != NDIS_STATUS_SUCCESS)
    {
        DBGPRINT("NdisMCmRegisterAddressFamily failed %x\n", Status);
        return Status;
    }
    NdisMSetTimer(&Adapter->PollTimer, DSL_POLL_MS);
    return NDIS_STATUS_SUCCESS;
}

/* ---- The miniport side of our VCs ---- */

NDIS_STATUS
DslCoCreateVc(
    IN  NDIS_HANDLE     MiniportAdapterContext,
    IN  NDIS_HANDLE     NdisVcHandle,
    OUT PNDIS_HANDLE    MiniportVcContext
    )
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NdisVcHandle);
    /* The call-manager context is the VC context: NDIS gives us the same one from DslCmCreateVc. */
    *MiniportVcContext = NULL;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCoDeleteVc(
    IN NDIS_HANDLE MiniportVcContext
    )
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
DslCoActivateVc(
    IN     NDIS_HANDLE          MiniportVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters
    )
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_SUCCESS;         /* the modem needs no per-VC setup */
}

NDIS_STATUS
DslCoDeactivateVc(
    IN NDIS_HANDLE MiniportVcContext
    )
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    return NDIS_STATUS_SUCCESS;
}
