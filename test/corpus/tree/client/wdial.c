// wdial.c - WANDIAL, an NDIS 6 CoNDIS client of WANLINK: opens the AF, dials one link and hangs it up.
#include "../inc/wan.h"

typedef struct _WD_BINDING {
    NDIS_HANDLE         NdisBindingHandle;
    NDIS_HANDLE         NdisAfHandle;
    NDIS_HANDLE         NdisVcHandle;
    CO_CALL_PARAMETERS  CallParameters;
    BOOLEAN             Connected;
} WD_BINDING, *PWD_BINDING;

PROTOCOL_SET_OPTIONS WdSetOptions;
PROTOCOL_CO_AF_REGISTER_NOTIFY WdAfRegisterNotify;
PROTOCOL_CO_CREATE_VC WdCreateVc;
PROTOCOL_CO_DELETE_VC WdDeleteVc;
PROTOCOL_CL_OPEN_AF_COMPLETE_EX WdOpenAfComplete;
PROTOCOL_CL_MAKE_CALL_COMPLETE WdMakeCallComplete;
PROTOCOL_CL_CLOSE_CALL_COMPLETE WdCloseCallComplete;
PROTOCOL_CL_INCOMING_CLOSE_CALL WdIncomingCloseCall;
VOID WdHangUp(_In_ PWD_BINDING Binding);

_Use_decl_annotations_
NDIS_STATUS
WdSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_CO_CLIENT_OPTIONAL_HANDLERS Cl = { 0 };

    UNREFERENCED_PARAMETER(DriverContext);
    Cl.Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
    Cl.Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
    Cl.Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
    Cl.ClCreateVcHandler = WdCreateVc;
    Cl.ClDeleteVcHandler = WdDeleteVc;
    Cl.ClOpenAfCompleteHandlerEx = WdOpenAfComplete;
    Cl.ClMakeCallCompleteHandler = WdMakeCallComplete;
    Cl.ClCloseCallCompleteHandler = WdCloseCallComplete;
    Cl.ClIncomingCloseCallHandler = WdIncomingCloseCall;
    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cl);
}

_Use_decl_annotations_
VOID
WdAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily)
{
    PWD_BINDING Binding = (PWD_BINDING)ProtocolBindingContext;
    NDIS_STATUS Status;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_PPP) {
        return;
    }
    Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily, Binding, &Binding->NdisAfHandle);
    if (Status != NDIS_STATUS_PENDING) {
        WdOpenAfComplete(Binding, Binding->NdisAfHandle, Status);
    }
}

_Use_decl_annotations_
VOID
WdOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status)
{
    PWD_BINDING Binding = (PWD_BINDING)ProtocolAfContext;

    if (Status != NDIS_STATUS_SUCCESS) {
        return;
    }
    Binding->NdisAfHandle = NdisAfHandle;
    // Dial at once: a VC of our own, then the call.
    Status = NdisCoCreateVc(Binding->NdisBindingHandle, NdisAfHandle, Binding, &Binding->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return;
    }
    Status = NdisClMakeCall(Binding->NdisVcHandle, &Binding->CallParameters, NULL, NULL);
    if (Status != NDIS_STATUS_PENDING) {
        WdMakeCallComplete(Status, Binding, NULL, &Binding->CallParameters);
    }
}

_Use_decl_annotations_
NDIS_STATUS WdCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(NdisVcHandle);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    return NDIS_STATUS_NOT_SUPPORTED;       // WANDIAL takes no incoming calls
}

_Use_decl_annotations_
NDIS_STATUS WdDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
WdMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
    PWD_BINDING Binding = (PWD_BINDING)ProtocolVcContext;

    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallParameters);
    Binding->Connected = (Status == NDIS_STATUS_SUCCESS);
    if (!Binding->Connected && NdisCoDeleteVc(Binding->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        Binding->NdisVcHandle = NULL;
    }
}

VOID
WdHangUp(_In_ PWD_BINDING Binding)
{
    NDIS_STATUS Status;

    Binding->Connected = FALSE;
    Status = NdisClCloseCall(Binding->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING) {
        WdCloseCallComplete(Status, Binding, NULL);
    }
}

_Use_decl_annotations_
VOID
WdCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext)
{
    PWD_BINDING Binding = (PWD_BINDING)ProtocolVcContext;

    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    if (NdisCoDeleteVc(Binding->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        Binding->NdisVcHandle = NULL;
    }
}

_Use_decl_annotations_
VOID
WdIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext, PVOID CloseData, UINT Size)
{
    UNREFERENCED_PARAMETER(CloseStatus);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    WdHangUp((PWD_BINDING)ProtocolVcContext);
}
