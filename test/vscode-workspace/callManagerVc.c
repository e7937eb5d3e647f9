// VC activation, party, QoS and OID handlers of the sample call manager.
#include "callManager.h"

_Use_decl_annotations_
VOID
CmIncomingCallComplete(
    NDIS_STATUS Status,
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(CallParameters);
    Vc->State = (Status == NDIS_STATUS_SUCCESS) ? CmVcActive : CmVcIdle;
}

_Use_decl_annotations_
NDIS_STATUS
CmAddParty(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters,
    NDIS_HANDLE NdisPartyHandle,
    PNDIS_HANDLE CallMgrPartyContext
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    // Point-to-multipoint calls are not supported by this call manager.
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
NDIS_STATUS
CmDropParty(
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
VOID
CmActivateVcComplete(
    NDIS_STATUS Status,
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;

    if (Status == NDIS_STATUS_SUCCESS) {
        Vc->State = CmVcActive;
        NdisCmMakeCallComplete(Status, Vc->NdisVcHandle, NULL, NULL, CallParameters);
    }
}

_Use_decl_annotations_
VOID
CmDeactivateVcComplete(
    NDIS_STATUS Status,
    NDIS_HANDLE CallMgrVcContext
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    BOOLEAN Closing = (Vc->State == CmVcClosingCall);

    Vc->State = CmVcIdle;
    if (Closing) {
        // CmCloseCallWorker's deactivation pended: the close completes here.
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    }
}

_Use_decl_annotations_
NDIS_STATUS
CmModifyCallQoS(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
NDIS_STATUS
CmOidRequest(
    NDIS_HANDLE ProtocolAfContext,
    NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext,
    PNDIS_OID_REQUEST OidRequest
    )
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
VOID
CmOidRequestComplete(
    NDIS_HANDLE ProtocolAfContext,
    NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext,
    PNDIS_OID_REQUEST OidRequest,
    NDIS_STATUS Status
    )
{
    UNREFERENCED_PARAMETER(ProtocolAfContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext);
    UNREFERENCED_PARAMETER(OidRequest);
    UNREFERENCED_PARAMETER(Status);
}

_Use_decl_annotations_
VOID
CmNotifyCloseAfComplete(
    NDIS_HANDLE CallMgrAfContext,
    NDIS_STATUS Status
    )
{
    UNREFERENCED_PARAMETER(CallMgrAfContext);
    UNREFERENCED_PARAMETER(Status);
}
