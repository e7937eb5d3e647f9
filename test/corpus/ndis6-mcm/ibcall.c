// ibcall.c - IBMCM's close and incoming-call handling.
#include "ib.h"

_Use_decl_annotations_
NDIS_STATUS
IbCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PIB_VC Vc = (PIB_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    if (CallMgrPartyContext != NULL) {
        return NDIS_STATUS_NOT_SUPPORTED;   // point-to-point fabric
    }

    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);
#if NDIS_SUPPORT_NDIS6
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }
#else
    ASSERT(Status == NDIS_STATUS_SUCCESS);
#endif
    // Our own miniport deactivated it; the fabric's disconnect is acknowledged by IbLinkTimer.
    return NDIS_STATUS_PENDING;
}

// Called from IbLinkTimer once the fabric acknowledged the disconnect.
VOID
IbRetireVc(_In_ PIB_VC Vc)
{
    IB_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);
    if (Vc->Flags & IB_VC_OURS) {
        if (NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
            NdisFreeMemory(Vc, sizeof(*Vc), 0);
        }
    }
}

_Use_decl_annotations_
VOID
IbCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PIB_VC Vc = (PIB_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(CallParameters);
    if (Status == NDIS_STATUS_SUCCESS) {
        NdisMCmDispatchCallConnected(Vc->NdisVcHandle);
        return;
    }
    // Refused: deactivate, then delete the VC we created.
    if (NdisMCmDeactivateVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS &&
        NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
    }
}
