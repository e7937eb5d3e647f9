// A stand-alone call manager's close call, with one deliberate mistake for the walkthrough: the work item that
// finishes the pended close reports NDIS_STATUS_PENDING as its outcome. CoNDIS Assist flags it (complete-with-pending);
// Ctrl+. offers the fix.
#include <ndis.h>

PROTOCOL_CM_CLOSE_CALL PvcCloseCall;
NDIS_IO_WORKITEM_FUNCTION PvcCloseCallWorker;

_Use_decl_annotations_
NDIS_STATUS
PvcCloseCall(
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
    NdisQueueIoWorkItem(Vc->CloseWorkItem, PvcCloseCallWorker, Vc);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
PvcCloseCallWorker(
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
    // MISTAKE: the close was pended, but PENDING is never a final status.
    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);
}
