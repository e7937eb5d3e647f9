// Deliberate lifecycle mistake (mcm-api-in-protocol): this stand-alone call manager (a protocol
// driver: callManager.c registers NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS) completes a close with
// the miniport call manager's NdisMCmCloseCallComplete.
#include "../callManager.h"

NDIS_IO_WORKITEM_FUNCTION McmCloseCallWorker;

_Use_decl_annotations_
VOID
McmCloseCallWorker(
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
        return;
    }

    Vc->State = CmVcIdle;
    // MISTAKE: NdisMCm* names are for miniport call managers only.
    NdisMCmCloseCallComplete(Status, VcHandle, NULL);
}
