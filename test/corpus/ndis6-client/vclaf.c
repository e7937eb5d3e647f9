// vclaf.c - VOICECL's registration and address-family handlers.
#include "vcl.h"

_Use_decl_annotations_
NDIS_STATUS
VclSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_CO_CLIENT_OPTIONAL_HANDLERS ClHandlers;

    UNREFERENCED_PARAMETER(DriverContext);
    NdisZeroMemory(&ClHandlers, sizeof(ClHandlers));
    ClHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
    ClHandlers.Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
    ClHandlers.Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
    ClHandlers.ClCreateVcHandler = VclCreateVc;
    ClHandlers.ClDeleteVcHandler = VclDeleteVc;
    ClHandlers.ClOidRequestHandler = VclOidRequest;
    ClHandlers.ClOidRequestCompleteHandler = VclOidRequestComplete;
    ClHandlers.ClOpenAfCompleteHandlerEx = VclOpenAfComplete;
    ClHandlers.ClCloseAfCompleteHandler = VclCloseAfComplete;
    ClHandlers.ClRegisterSapCompleteHandler = VclRegisterSapComplete;
    ClHandlers.ClDeregisterSapCompleteHandler = VclDeregisterSapComplete;
    ClHandlers.ClMakeCallCompleteHandler = VclMakeCallComplete;
    ClHandlers.ClModifyCallQoSCompleteHandler = VclModifyQoSComplete;
    ClHandlers.ClCloseCallCompleteHandler = VclCloseCallComplete;
    ClHandlers.ClAddPartyCompleteHandler = VclAddPartyComplete;
    ClHandlers.ClDropPartyCompleteHandler = VclDropPartyComplete;
    ClHandlers.ClIncomingCallHandler = VclIncomingCall;
    ClHandlers.ClIncomingCallQoSChangeHandler = VclIncomingQoSChange;
    ClHandlers.ClIncomingCloseCallHandler = VclIncomingCloseCall;
    ClHandlers.ClIncomingDropPartyHandler = VclIncomingDropParty;
    ClHandlers.ClCallConnectedHandler = VclCallConnected;
    ClHandlers.ClNotifyCloseAfHandler = VclNotifyCloseAf;
    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&ClHandlers);
}

_Use_decl_annotations_
VOID
VclAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ProtocolBindingContext;
    NDIS_STATUS Status;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_Q2931 || Binding->NdisAfHandle != NULL) {
        return;
    }
    Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily, Binding, &Binding->NdisAfHandle);
    if (Status != NDIS_STATUS_PENDING) {
        VclOpenAfComplete(Binding, Binding->NdisAfHandle, Status);
    }
}

_Use_decl_annotations_
VOID
VclOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ProtocolAfContext;
    struct { CO_SAP Sap; UCHAR More[3]; } Sap;

    if (Status != NDIS_STATUS_SUCCESS) {
        Binding->NdisAfHandle = NULL;
        return;
    }
    Binding->NdisAfHandle = NdisAfHandle;
    NdisZeroMemory(&Sap, sizeof(Sap));
    Sap.Sap.SapType = 0;
    Sap.Sap.SapLength = sizeof(ULONG);
    Status = NdisClRegisterSap(NdisAfHandle, Binding, &Sap.Sap, &Binding->NdisSapHandle);
    if (Status != NDIS_STATUS_PENDING) {
        VclRegisterSapComplete(Status, Binding, &Sap.Sap, Binding->NdisSapHandle);
    }
}

_Use_decl_annotations_
VOID
VclRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ProtocolSapContext;

    UNREFERENCED_PARAMETER(Sap);
    Binding->NdisSapHandle = (Status == NDIS_STATUS_SUCCESS) ? NdisSapHandle : NULL;
}

_Use_decl_annotations_
VOID
VclDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
    UNREFERENCED_PARAMETER(Status);
    ((PVCL_BINDING)ProtocolSapContext)->NdisSapHandle = NULL;
}

_Use_decl_annotations_
VOID
VclCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ProtocolAfContext;
    NDIS_HANDLE AfHandle = Binding->NdisAfHandle;

    Binding->NdisAfHandle = NULL;
    if (Binding->NotifyClosePending) {
        Binding->NotifyClosePending = FALSE;
        NdisClNotifyCloseAddressFamilyComplete(AfHandle, Status);
    }
}

_Use_decl_annotations_
NDIS_STATUS
VclNotifyCloseAf(NDIS_HANDLE ClientAfContext)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ClientAfContext;
    NDIS_STATUS Status;

    // The call manager is going away: close the AF, and tell NDIS when that finishes.
    Status = NdisClCloseAddressFamily(Binding->NdisAfHandle);
    if (Status == NDIS_STATUS_PENDING) {
        Binding->NotifyClosePending = TRUE;
        return NDIS_STATUS_PENDING;     // VclCloseAfComplete completes the notification
    }
    Binding->NdisAfHandle = NULL;
    return Status;
}

_Use_decl_annotations_
NDIS_STATUS
VclOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
VOID
VclOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    UNREFERENCED_PARAMETER(Status);
}
