// vclcall.c - VOICECL's calls: placing and hanging up, and the call manager's indications.
#include "vcl.h"

_Use_decl_annotations_
NDIS_STATUS
VclCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PVCL_BINDING Binding = (PVCL_BINDING)ProtocolAfContext;
    PVCL_VC Vc = NdisAllocateMemoryWithTagPriority(Binding->NdisBindingHandle, sizeof(*Vc), VCL_TAG, NormalPoolPriority);

    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    Vc->Binding = Binding;
    Vc->NdisVcHandle = NdisVcHandle;        // an incoming call: the call manager created this VC
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
VclDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    NdisFreeMemory(ProtocolVcContext, sizeof(VCL_VC), 0);
    return NDIS_STATUS_SUCCESS;
}

// Places an outgoing call on a VC of our own.
_Use_decl_annotations_
NDIS_STATUS
VclPlaceCall(PVCL_BINDING Binding)
{
    PVCL_VC Vc;
    NDIS_STATUS Status;

    Vc = NdisAllocateMemoryWithTagPriority(Binding->NdisBindingHandle, sizeof(*Vc), VCL_TAG, NormalPoolPriority);
    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    Vc->Binding = Binding;
    Vc->Flags = VCL_VC_OUTGOING;

    do {
        Status = NdisCoCreateVc(Binding->NdisBindingHandle, Binding->NdisAfHandle, Vc, &Vc->NdisVcHandle);
        if (Status != NDIS_STATUS_SUCCESS) {
            break;
        }
        Status = NdisClMakeCall(Vc->NdisVcHandle, &Vc->CallParameters, NULL, NULL);
        if (Status != NDIS_STATUS_PENDING) {
            VclMakeCallComplete(Status, Vc, NULL, &Vc->CallParameters);
        }
        return NDIS_STATUS_PENDING;
    } while (FALSE);

    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    return Status;
}

_Use_decl_annotations_
VOID
VclMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
    PVCL_VC Vc = (PVCL_VC)ProtocolVcContext;

    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallParameters);
    if (Status == NDIS_STATUS_SUCCESS) {
        Vc->Flags |= VCL_VC_CONNECTED;
        return;
    }
    VclCallClosed(Vc);     // the call failed: our VC goes
}

// Hangs up a connected call. NdisClCloseCall may finish at once or in VclCloseCallComplete.
_Use_decl_annotations_
VOID
VclHangUp(PVCL_VC Vc)
{
    NDIS_STATUS Status;

    Vc->Flags &= ~VCL_VC_CONNECTED;
    Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING) {
        VclCloseCallComplete(Status, Vc, NULL);
    }
}

_Use_decl_annotations_
VOID
VclCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext)
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    VclCallClosed((PVCL_VC)ProtocolVcContext);
}

// The call on Vc is gone: delete the VC if it is ours (the call manager deletes its own).
VOID
VclCallClosed(_In_ PVCL_VC Vc)
{
    NDIS_STATUS Status;

    if ((Vc->Flags & VCL_VC_OUTGOING) == 0) {
        return;
    }
    Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
    }
}

_Use_decl_annotations_
NDIS_STATUS
VclIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    PVCL_VC Vc = (PVCL_VC)ProtocolVcContext;

    UNREFERENCED_PARAMETER(ProtocolSapContext);
    if (CallParameters->MediaParameters == NULL) {
        return NDIS_STATUS_NOT_ACCEPTED;
    }
    Vc->CallParameters = *CallParameters;
    return NDIS_STATUS_SUCCESS;         // accepted; VclCallConnected follows
}

_Use_decl_annotations_
VOID
VclCallConnected(NDIS_HANDLE ProtocolVcContext)
{
    ((PVCL_VC)ProtocolVcContext)->Flags |= VCL_VC_CONNECTED;
}

_Use_decl_annotations_
VOID
VclIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext, PVOID CloseData, UINT Size)
{
    UNREFERENCED_PARAMETER(CloseStatus);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    // The network hung up: answer with our own close.
    VclHangUp((PVCL_VC)ProtocolVcContext);
}

_Use_decl_annotations_
VOID
VclIncomingQoSChange(NDIS_HANDLE ProtocolVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_
VOID
VclModifyQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_
VOID
VclAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext, NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_
VOID
VclDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
}

_Use_decl_annotations_
VOID
VclIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext, PVOID CloseData, UINT Size)
{
    UNREFERENCED_PARAMETER(DropStatus);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
}
