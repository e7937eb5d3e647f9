// Deliberate lifecycle mistake (missing-vc-delete): the call manager creates a VC itself for each
// incoming call, so deleting it is its job. It deletes the VC when the client rejects the call,
// but forgets to after completing the close of an accepted call, so every accepted call leaks a VC.
#include "../callManager.h"

typedef struct _CM_INCOMING_CALL {
    PCM_AF              Af;
    NDIS_HANDLE         IncomingVcHandle;
    CO_CALL_PARAMETERS  CallParameters;
} CM_INCOMING_CALL, *PCM_INCOMING_CALL;

PROTOCOL_CM_CLOSE_CALL InCloseCall;
static VOID InDeleteIncomingVc(PCM_INCOMING_CALL Call);

// The signalling code calls this when a SETUP arrives for a registered SAP.
NDIS_STATUS
InOfferIncomingCall(
    PCM_INCOMING_CALL Call
    )
{
    PCM_AF Af = Call->Af;
    NDIS_STATUS Status;

    // The call manager creates the VC of an incoming call: deleting it later is its job.
    Status = NdisCoCreateVc(Af->Adapter->NdisBindingHandle, Af->NdisAfHandle, Call, &Call->IncomingVcHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }
    Status = NdisCmDispatchIncomingCall(Af->NdisSapHandle, Call->IncomingVcHandle, &Call->CallParameters);
    if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS) {
        // The client refused the call at once.
        InDeleteIncomingVc(Call);
    }
    return Status;
}

static VOID
InDeleteIncomingVc(
    PCM_INCOMING_CALL Call
    )
{
    if (NdisCoDeleteVc(Call->IncomingVcHandle) == NDIS_STATUS_SUCCESS) {
        Call->IncomingVcHandle = NULL;
    }
}

_Use_decl_annotations_
NDIS_STATUS
InCloseCall(
    NDIS_HANDLE CallMgrVcContext,
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    PCM_INCOMING_CALL Call = (PCM_INCOMING_CALL)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Status = NdisCmDeactivateVc(Call->IncomingVcHandle);
    if (Status == NDIS_STATUS_PENDING) {
        return NDIS_STATUS_PENDING;
    }
    // MISTAKE: the close is complete, but the VC this call manager created is never deleted.
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Call->IncomingVcHandle, NULL);
    return NDIS_STATUS_PENDING;
}
