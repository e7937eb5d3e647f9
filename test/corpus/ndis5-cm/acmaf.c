/*
 * acmaf.c - registers the address family and serves the AF, SAP and request handlers of ACMSIG.
 */
#include "acm.h"

/*
 * Called from our bind-adapter completion at PASSIVE_LEVEL once the miniport below is open.
 */
NDIS_STATUS
AcmRegisterAf(
    IN PACM_ADAPTER pAdapter
    )
{
    NDIS_CALL_MANAGER_CHARACTERISTICS CmChars;
    CO_ADDRESS_FAMILY Family;
    NDIS_STATUS Status;

    NdisZeroMemory(&CmChars, sizeof(CmChars));
    CmChars.MajorVersion = 5;
    CmChars.MinorVersion = 1;
    CmChars.CmCreateVcHandler = AcmCreateVc;
    CmChars.CmDeleteVcHandler = AcmDeleteVc;
    CmChars.CmOpenAfHandler = AcmOpenAf;
    CmChars.CmCloseAfHandler = AcmCloseAf;
    CmChars.CmRegisterSapHandler = AcmRegisterSap;
    CmChars.CmDeregisterSapHandler = AcmDeregisterSap;
    CmChars.CmMakeCallHandler = AcmMakeCall;
    CmChars.CmCloseCallHandler = AcmCloseCall;
    CmChars.CmIncomingCallCompleteHandler = AcmIncomingCallComplete;
    CmChars.CmAddPartyHandler = AcmAddParty;
    CmChars.CmDropPartyHandler = AcmDropParty;
    CmChars.CmActivateVcCompleteHandler = AcmActivateVcComplete;
    CmChars.CmDeactivateVcCompleteHandler = AcmDeactivateVcComplete;
    CmChars.CmModifyCallQoSHandler = AcmModifyQoS;
    CmChars.CmRequestHandler = AcmRequest;
    CmChars.CmRequestCompleteHandler = AcmRequestComplete;

    Family.AddressFamily = CO_ADDRESS_FAMILY_Q2931;
    Family.MajorVersion = 3;
    Family.MinorVersion = 1;

    Status = NdisCmRegisterAddressFamily(pAdapter->NdisBindingHandle,
                                         &Family,
                                         &CmChars,
                                         sizeof(CmChars));
    if (Status != NDIS_STATUS_SUCCESS)
    {
        ACM_TRACE(("ACMSIG: NdisCmRegisterAddressFamily failed %x\n", Status));
    }
    return Status;
}

NDIS_STATUS
AcmOpenAf(
    IN  NDIS_HANDLE         CallMgrBindingContext,
    IN  PCO_ADDRESS_FAMILY  AddressFamily,
    IN  NDIS_HANDLE         NdisAfHandle,
    OUT PNDIS_HANDLE        CallMgrAfContext
    )
{
    PACM_ADAPTER pAdapter = (PACM_ADAPTER)CallMgrBindingContext;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_Q2931)
    {
        return NDIS_STATUS_FAILURE;
    }
    ACM_ACQUIRE_ADAPTER_LOCK(pAdapter);
    pAdapter->Af.NdisAfHandle = NdisAfHandle;
    pAdapter->Af.pAdapter = pAdapter;
    ACM_RELEASE_ADAPTER_LOCK(pAdapter);

    *CallMgrAfContext = &pAdapter->Af;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
AcmCloseAf(
    IN NDIS_HANDLE CallMgrAfContext
    )
{
    PACM_AF pAf = (PACM_AF)CallMgrAfContext;

    /* NDIS closes the client's VCs and SAPs before the AF, so there is nothing left to wait for. */
    ACM_ACQUIRE_ADAPTER_LOCK(pAf->pAdapter);
    pAf->NdisAfHandle = NULL;
    ACM_RELEASE_ADAPTER_LOCK(pAf->pAdapter);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
AcmRegisterSap(
    IN  NDIS_HANDLE  CallMgrAfContext,
    IN  PCO_SAP      Sap,
    IN  NDIS_HANDLE  NdisSapHandle,
    OUT PNDIS_HANDLE CallMgrSapContext
    )
{
    PACM_AF pAf = (PACM_AF)CallMgrAfContext;

    if (Sap->SapLength < sizeof(ULONG) || pAf->NdisSapHandle != NULL)
    {
        return NDIS_STATUS_INVALID_DATA;   /* one SAP per AF on this link */
    }
    pAf->NdisSapHandle = NdisSapHandle;
    pAf->SapSelector = *(ULONG *)Sap->Sap;
    *CallMgrSapContext = pAf;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
AcmDeregisterSap(
    IN NDIS_HANDLE CallMgrSapContext
    )
{
    PACM_AF pAf = (PACM_AF)CallMgrSapContext;

    pAf->NdisSapHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS
AcmRequest(
    IN     NDIS_HANDLE   ProtocolAfContext,
    IN     NDIS_HANDLE   ProtocolVcContext OPTIONAL,
    IN     NDIS_HANDLE   ProtocolPartyContext OPTIONAL,
    IN OUT PNDIS_REQUEST NdisRequest
    )
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(NdisRequest);

    /* The client queries nothing we could answer. */
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID
AcmRequestComplete(
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
    ACM_TRACE(("ACMSIG: request complete %x\n", Status));
}
