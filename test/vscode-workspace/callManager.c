// Sample CoNDIS call manager: registers its handlers with NDIS and completes close-call
// requests from a work item after the signalling exchange with the peer is done.
#include "callManager.h"

extern NDIS_HANDLE CmDriverHandle;

_Use_decl_annotations_
NDIS_STATUS
CmSetOptions(
    NDIS_HANDLE NdisDriverHandle,
    NDIS_HANDLE DriverContext
    )
{
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;

    UNREFERENCED_PARAMETER(DriverContext);

    NdisZeroMemory(&CmHandlers, sizeof(CmHandlers));
    CmHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
    CmHandlers.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;

    CmHandlers.CmCreateVcHandler = CmCreateVc;
    CmHandlers.CmDeleteVcHandler = CmDeleteVc;
    CmHandlers.CmOpenAfHandler = CmOpenAf;
    CmHandlers.CmCloseAfHandler = CmCloseAf;
    CmHandlers.CmRegisterSapHandler = CmRegisterSap;
    CmHandlers.CmDeregisterSapHandler = CmDeregisterSap;
    CmHandlers.CmMakeCallHandler = CmMakeCall;
    CmHandlers.CmCloseCallHandler = CmCloseCall;
    CmHandlers.CmIncomingCallCompleteHandler = CmIncomingCallComplete;
    CmHandlers.CmAddPartyHandler = CmAddParty;
    CmHandlers.CmDropPartyHandler = CmDropParty;
    CmHandlers.CmActivateVcCompleteHandler = CmActivateVcComplete;
    CmHandlers.CmDeactivateVcCompleteHandler = CmDeactivateVcComplete;
    CmHandlers.CmModifyCallQoSHandler = CmModifyCallQoS;
    CmHandlers.CmOidRequestHandler = CmOidRequest;
    CmHandlers.CmOidRequestCompleteHandler = CmOidRequestComplete;
    CmHandlers.CmNotifyCloseAfCompleteHandler = CmNotifyCloseAfComplete;

    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
}

_Use_decl_annotations_
NDIS_STATUS
CmCreateVc(
    NDIS_HANDLE ProtocolAfContext,
    NDIS_HANDLE NdisVcHandle,
    PNDIS_HANDLE ProtocolVcContext
    )
{
    PCM_AF Af = (PCM_AF)ProtocolAfContext;
    PCM_VC Vc;

    Vc = NdisAllocateMemoryWithTagPriority(Af->Adapter->NdisBindingHandle, sizeof(CM_VC), CM_POOL_TAG, NormalPoolPriority);
    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Vc, sizeof(CM_VC));
    Vc->Af = Af;
    Vc->NdisVcHandle = NdisVcHandle;
    Vc->State = CmVcIdle;

    NdisAcquireSpinLock(&Af->Adapter->Lock);
    InsertTailList(&Af->Adapter->VcList, &Vc->Link);
    NdisReleaseSpinLock(&Af->Adapter->Lock);

    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmDeleteVc(
    NDIS_HANDLE ProtocolVcContext
    )
{
    PCM_VC Vc = (PCM_VC)ProtocolVcContext;
    PCM_AF Af = Vc->Af;
    PCM_ADAPTER Adapter = Af->Adapter;
    BOOLEAN LastVcOfClosingAf;

    NdisAcquireSpinLock(&Adapter->Lock);
    RemoveEntryList(&Vc->Link);
    LastVcOfClosingAf = Af->Closing && IsListEmpty(&Adapter->VcList);
    NdisReleaseSpinLock(&Adapter->Lock);

    NdisFreeMemoryWithTagPriority(Adapter->NdisBindingHandle, Vc, CM_POOL_TAG);

    if (LastVcOfClosingAf) {
        // CmCloseAf pended until the last VC went away.
        NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
    }
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmMakeCall(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters,
    NDIS_HANDLE NdisPartyHandle,
    PNDIS_HANDLE CallMgrPartyContext
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(NdisPartyHandle);

    if (CallMgrPartyContext != NULL) {
        *CallMgrPartyContext = NULL;
    }
    Vc->CallParameters = CallParameters;
    Vc->State = CmVcMakingCall;

    // The peer answers asynchronously; NdisCmMakeCallComplete follows from the receive path.
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(
    NDIS_HANDLE CallMgrVcContext,
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Vc->State = CmVcClosingCall;
    Vc->CloseWorkItem = NdisAllocateIoWorkItem(Vc->Af->Adapter->NdisBindingHandle);
    if (Vc->CloseWorkItem == NULL) {
        return NDIS_STATUS_RESOURCES;
    }

    // Release-signalling with the peer happens at PASSIVE_LEVEL; complete from the work item.
    NdisQueueIoWorkItem(Vc->CloseWorkItem, CmCloseCallWorker, Vc);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
CmCloseCallWorker(
    PVOID WorkItemContext,
    NDIS_HANDLE NdisIoWorkItemHandle
    )
{
    PCM_VC Vc = (PCM_VC)WorkItemContext;
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    NDIS_STATUS Status;

    NdisFreeIoWorkItem(NdisIoWorkItemHandle);
    Vc->CloseWorkItem = NULL;

    // The peer has released the call: deactivate the VC, then complete the close.
    Status = NdisCmDeactivateVc(VcHandle);
    if (Status == NDIS_STATUS_PENDING) {
        // CmDeactivateVcComplete completes the close instead.
        return;
    }

    Vc->State = CmVcIdle;
    NdisCmCloseCallComplete(Status, VcHandle, NULL);
}
