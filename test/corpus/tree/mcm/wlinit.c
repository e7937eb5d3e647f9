// wlinit.c - WANLINK's options and initialization: the CM optional handlers and the AF registration.
#include "wlmcm.h"

_Use_decl_annotations_
NDIS_STATUS
WlSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Cm = { 0 };
    NDIS_MINIPORT_CO_CHARACTERISTICS Co = { 0 };
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(DriverContext);
    Co.Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
    Co.Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
    Co.Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
    Co.CoCreateVcHandler = WlCoCreateVc;
    Co.CoDeleteVcHandler = WlCoDeleteVc;
    Co.CoActivateVcHandler = WlCoActivateVc;
    Co.CoDeactivateVcHandler = WlCoDeactivateVc;
    Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    // An MCM may leave the entries it does not support empty.
    Cm.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
    Cm.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    Cm.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    Cm.CmCreateVcHandler = WlCmCreateVc;
    Cm.CmDeleteVcHandler = WlCmDeleteVc;
    Cm.CmOpenAfHandler = WlCmOpenAf;
    Cm.CmCloseAfHandler = WlCmCloseAf;
    Cm.CmRegisterSapHandler = WlCmRegisterSap;
    Cm.CmDeregisterSapHandler = WlCmDeregisterSap;
    Cm.CmMakeCallHandler = WlCmMakeCall;
    Cm.CmCloseCallHandler = WlCmCloseCall;
    Cm.CmModifyCallQoSHandler = WlCmModifyQoS;
    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cm);
}

_Use_decl_annotations_
NDIS_STATUS
WlInitialize(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext, PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    static WL_ADAPTER Adapter;
    CO_ADDRESS_FAMILY Af = { CO_ADDRESS_FAMILY_PPP, WAN_AF_MAJOR, WAN_AF_MINOR };

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    Adapter.MiniportAdapterHandle = NdisMiniportHandle;
    NdisAllocateSpinLock(&Adapter.Lock);
    return NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &Af);
}

_Use_decl_annotations_
NDIS_STATUS WlCoCreateVc(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE MiniportVcContext)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NdisVcHandle);
    *MiniportVcContext = NULL;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCoDeleteVc(NDIS_HANDLE MiniportVcContext)
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCoActivateVc(NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCoDeactivateVc(NDIS_HANDLE MiniportVcContext)
{
    UNREFERENCED_PARAMETER(MiniportVcContext);
    return NDIS_STATUS_SUCCESS;
}
