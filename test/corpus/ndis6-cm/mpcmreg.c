// mpcmreg.c - MPCM's registration: optional handlers, the address family, and the AF/SAP/OID handlers.
#include "mpcm.h"

_Use_decl_annotations_
NDIS_STATUS
MpcmSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;

    UNREFERENCED_PARAMETER(DriverContext);

    NdisZeroMemory(&CmHandlers, sizeof(CmHandlers));
    CmHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
    CmHandlers.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.CmCreateVcHandler = MpcmCreateVc;
    CmHandlers.CmDeleteVcHandler = MpcmDeleteVc;
    CmHandlers.CmOpenAfHandler = MpcmOpenAf;
    CmHandlers.CmCloseAfHandler = MpcmCloseAf;
    CmHandlers.CmRegisterSapHandler = MpcmRegisterSap;
    CmHandlers.CmDeregisterSapHandler = MpcmDeregisterSap;
    CmHandlers.CmMakeCallHandler = MpcmMakeCall;
    CmHandlers.CmCloseCallHandler = MpcmCloseCall;
    CmHandlers.CmIncomingCallCompleteHandler = MpcmIncomingCallComplete;
    CmHandlers.CmAddPartyHandler = MpcmAddParty;
    CmHandlers.CmDropPartyHandler = MpcmDropParty;
    CmHandlers.CmActivateVcCompleteHandler = MpcmActivateVcComplete;
    CmHandlers.CmDeactivateVcCompleteHandler = MpcmDeactivateVcComplete;
    CmHandlers.CmModifyCallQoSHandler = MpcmModifyQoS;
    CmHandlers.CmOidRequestHandler = MpcmOidRequest;
    CmHandlers.CmOidRequestCompleteHandler = MpcmOidRequestComplete;
    CmHandlers.CmNotifyCloseAfCompleteHandler = MpcmNotifyCloseAfComplete;

    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
}

// From the bind handler, at PASSIVE_LEVEL, once the adapter below is open.
_Use_decl_annotations_
NDIS_STATUS
MpcmRegisterAf(PMPCM_AF Af)
{
    CO_ADDRESS_FAMILY Family = { CO_ADDRESS_FAMILY_Q2931, 4, 0 };
    NDIS_STATUS Status = NDIS_STATUS_FAILURE;

    __try {
        if (Af->NdisBindingHandle == NULL) {
            __leave;
        }
        Status = NdisCmRegisterAddressFamilyEx(Af->NdisBindingHandle, &Family);
        if (Status != NDIS_STATUS_SUCCESS) {
            MPCM_DBG("NdisCmRegisterAddressFamilyEx: %x\n", Status);
            __leave;
        }
    } __finally {
        MPCM_DBG("register AF done: %x\n", Status);
    }
    return Status;
}

// From the unbind handler, at PASSIVE_LEVEL: ask the client to close the AF before the adapter goes.
_Use_decl_annotations_
VOID
MpcmUnbindAf(PMPCM_AF Af)
{
    NDIS_STATUS Status;

    Status = NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle);
    if (Status != NDIS_STATUS_PENDING) {
        MpcmNotifyCloseAfComplete(Af, Status);
    }
}

_Use_decl_annotations_
NDIS_STATUS
MpcmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)
{
    PMPCM_AF Af = (PMPCM_AF)CallMgrBindingContext;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_Q2931) {
        return NDIS_STATUS_FAILURE;
    }
    Af->NdisAfHandle = NdisAfHandle;
    *CallMgrAfContext = Af;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
    ((PMPCM_AF)CallMgrAfContext)->NdisAfHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
    UNREFERENCED_PARAMETER(Sap);
    UNREFERENCED_PARAMETER(NdisSapHandle);
    *CallMgrSapContext = CallMgrAfContext;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
    UNREFERENCED_PARAMETER(CallMgrSapContext);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MpcmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
VOID
MpcmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    UNREFERENCED_PARAMETER(Status);
}

_Use_decl_annotations_
VOID
MpcmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(CallMgrAfContext);
    MPCM_DBG("notify close AF complete %x\n", Status);
}
