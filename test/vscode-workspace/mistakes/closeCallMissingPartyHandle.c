// Deliberate lifecycle mistake (wrong-argument-count): the close completion of a point-to-point
// call leaves out NdisPartyHandle. The parameter is optional in the sense that it may be NULL,
// not that it may be omitted.
#include "../callManager.h"

PROTOCOL_CM_CLOSE_CALL P2pCloseCall;
static VOID P2pFinishClose(PCM_VC Vc, NDIS_STATUS Status);

_Use_decl_annotations_
NDIS_STATUS
P2pCloseCall(
    NDIS_HANDLE CallMgrVcContext,
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Vc->State = CmVcClosingCall;
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        P2pFinishClose(Vc, Status);
    }
    // Completed by P2pFinishClose, here or from CmDeactivateVcComplete.
    return NDIS_STATUS_PENDING;
}

static VOID
P2pFinishClose(
    PCM_VC Vc,
    NDIS_STATUS Status
    )
{
    Vc->State = CmVcIdle;
    // MISTAKE: NdisCmCloseCallComplete takes (Status, NdisVcHandle, NdisPartyHandle).
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle);
}
