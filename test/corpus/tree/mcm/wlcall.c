// wlcall.c - WANLINK's call-manager handlers. The link comes up and goes down synchronously.
#include "wlmcm.h"

_Use_decl_annotations_
NDIS_STATUS WlCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PWL_ADAPTER Adapter = (PWL_ADAPTER)ProtocolAfContext;
    PWL_VC Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(*Vc), WAN_TAG, NormalPoolPriority);

    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Vc->Adapter = Adapter;
    Vc->NdisVcHandle = NdisVcHandle;
    Vc->Active = FALSE;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    NdisFreeMemory(ProtocolVcContext, sizeof(WL_VC), 0);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)
{
    PWL_ADAPTER Adapter = (PWL_ADAPTER)CallMgrBindingContext;

    UNREFERENCED_PARAMETER(AddressFamily);
    Adapter->NdisAfHandle = NdisAfHandle;
    *CallMgrAfContext = Adapter;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
    ((PWL_ADAPTER)CallMgrAfContext)->NdisAfHandle = NULL;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS WlCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
    UNREFERENCED_PARAMETER(CallMgrAfContext);
    UNREFERENCED_PARAMETER(Sap);
    UNREFERENCED_PARAMETER(NdisSapHandle);
    UNREFERENCED_PARAMETER(CallMgrSapContext);
    return NDIS_STATUS_NOT_SUPPORTED;       // outgoing calls only
}

_Use_decl_annotations_
NDIS_STATUS WlCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
    UNREFERENCED_PARAMETER(CallMgrSapContext);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
NDIS_STATUS WlCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters, NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
    PWL_VC Vc = (PWL_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    if (NdisPartyHandle != NULL) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    Status = NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
    Vc->Active = (Status == NDIS_STATUS_SUCCESS);
    return Status;      // final: SUCCESS only after the activation succeeded
}

_Use_decl_annotations_
NDIS_STATUS WlCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PWL_VC Vc = (PWL_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    NdisAcquireSpinLock(&Vc->Adapter->Lock);
    Vc->Active = FALSE;
    NdisReleaseSpinLock(&Vc->Adapter->Lock);

    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);
    return Status;      // final: the link is down; NDIS tells the client
}

_Use_decl_annotations_
NDIS_STATUS WlCmModifyQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}
