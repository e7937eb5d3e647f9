// Deliberate lifecycle mistake (double-completion): a ProtocolCmCloseCall handler that tears an
// unanswered call down at once, completes the close itself and then returns a final status, so
// NDIS completes the same close a second time.
#include "../callManager.h"

PROTOCOL_CM_CLOSE_CALL SvcCloseCall;
NDIS_IO_WORKITEM_FUNCTION SvcCloseCallWorker;

_Use_decl_annotations_
NDIS_STATUS
SvcCloseCall(
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

    if (Vc->State == CmVcMakingCall) {
        // The peer never answered, so the VC was never activated: nothing to tear down.
        Vc->State = CmVcIdle;
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
        // MISTAKE: the close was just completed; a final status makes NDIS complete it again.
        return NDIS_STATUS_SUCCESS;
    }

    Vc->State = CmVcClosingCall;
    Vc->CloseWorkItem = NdisAllocateIoWorkItem(Vc->Af->Adapter->NdisBindingHandle);
    if (Vc->CloseWorkItem == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisQueueIoWorkItem(Vc->CloseWorkItem, SvcCloseCallWorker, Vc);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
SvcCloseCallWorker(
    PVOID WorkItemContext,
    NDIS_HANDLE NdisIoWorkItemHandle
    )
{
    PCM_VC Vc = (PCM_VC)WorkItemContext;
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    NDIS_STATUS Status;

    NdisFreeIoWorkItem(NdisIoWorkItemHandle);
    Vc->CloseWorkItem = NULL;

    Status = NdisCmDeactivateVc(VcHandle);
    if (Status == NDIS_STATUS_PENDING) {
        // CmDeactivateVcComplete completes the close instead.
        return;
    }

    Vc->State = CmVcIdle;
    NdisCmCloseCallComplete(Status, VcHandle, NULL);
}
