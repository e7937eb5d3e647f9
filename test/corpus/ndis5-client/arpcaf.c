/*
 * arpcaf.c - ARPCL: opening the address family with the NDIS 5 client characteristics, and the AF/SAP callbacks.
 */
#include "arpc.h"

VOID
ArpcAfRegisterNotify(
    IN NDIS_HANDLE          ProtocolBindingContext,
    IN PCO_ADDRESS_FAMILY   AddressFamily
    )
{
    PARPC_INTERFACE pIf = (PARPC_INTERFACE)ProtocolBindingContext;
    NDIS_CLIENT_CHARACTERISTICS ClChars;
    NDIS_STATUS Status;

    if (AddressFamily->AddressFamily != CO_ADDRESS_FAMILY_Q2931)
    {
        return;
    }

    NdisZeroMemory(&ClChars, sizeof(ClChars));
    ClChars.MajorVersion = 5;
    ClChars.MinorVersion = 0;
    ClChars.ClCreateVcHandler = ArpcCreateVc;
    ClChars.ClDeleteVcHandler = ArpcDeleteVc;
    ClChars.ClRequestHandler = ArpcRequest;
    ClChars.ClRequestCompleteHandler = ArpcRequestComplete;
    ClChars.ClOpenAfCompleteHandler = ArpcOpenAfComplete;
    ClChars.ClCloseAfCompleteHandler = ArpcCloseAfComplete;
    ClChars.ClRegisterSapCompleteHandler = ArpcRegisterSapComplete;
    ClChars.ClDeregisterSapCompleteHandler = ArpcDeregisterSapComplete;
    ClChars.ClMakeCallCompleteHandler = ArpcMakeCallComplete;
    ClChars.ClModifyCallQoSCompleteHandler = ArpcModifyQoSComplete;
    ClChars.ClCloseCallCompleteHandler = ArpcCloseCallComplete;
    ClChars.ClAddPartyCompleteHandler = ArpcAddPartyComplete;
    ClChars.ClDropPartyCompleteHandler = ArpcDropPartyComplete;
    ClChars.ClIncomingCallHandler = ArpcIncomingCall;
    ClChars.ClIncomingCallQoSChangeHandler = ArpcIncomingQoSChange;
    ClChars.ClIncomingCloseCallHandler = ArpcIncomingCloseCall;
    ClChars.ClIncomingDropPartyHandler = ArpcIncomingDropParty;
    ClChars.ClCallConnectedHandler = ArpcCallConnected;

    Status = NdisClOpenAddressFamily(pIf->NdisBindingHandle,
                                     AddressFamily,
                                     pIf,
                                     &ClChars,
                                     sizeof(ClChars),
                                     &pIf->NdisAfHandle);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcOpenAfComplete(Status, pIf, pIf->NdisAfHandle);
    }
}

VOID
ArpcOpenAfComplete(
    IN NDIS_STATUS  Status,
    IN NDIS_HANDLE  ProtocolAfContext,
    IN NDIS_HANDLE  NdisAfHandle
    )
{
    PARPC_INTERFACE pIf = (PARPC_INTERFACE)ProtocolAfContext;

    ARPC_DEBUGP(("ARPCL: open AF %x\n", Status));
    pIf->NdisAfHandle = (Status == NDIS_STATUS_SUCCESS) ? NdisAfHandle : NULL;
}

VOID
ArpcCloseAfComplete(
    IN NDIS_STATUS  Status,
    IN NDIS_HANDLE  ProtocolAfContext
    )
{
    UNREFERENCED_PARAMETER(Status);
    ((PARPC_INTERFACE)ProtocolAfContext)->NdisAfHandle = NULL;
}

VOID ArpcRegisterSapComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolSapContext, IN PCO_SAP Sap, IN NDIS_HANDLE NdisSapHandle)
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolSapContext);
    UNREFERENCED_PARAMETER(Sap); UNREFERENCED_PARAMETER(NdisSapHandle);
}

VOID ArpcDeregisterSapComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolSapContext)
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolSapContext);
}

NDIS_STATUS
ArpcRequest(
    IN     NDIS_HANDLE   ProtocolAfContext,
    IN     NDIS_HANDLE   ProtocolVcContext OPTIONAL,
    IN     NDIS_HANDLE   ProtocolPartyContext OPTIONAL,
    IN OUT PNDIS_REQUEST NdisRequest
    )
{
    UNREFERENCED_PARAMETER(ProtocolAfContext); UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext); UNREFERENCED_PARAMETER(NdisRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID
ArpcRequestComplete(
    IN NDIS_STATUS   Status,
    IN NDIS_HANDLE   ProtocolAfContext OPTIONAL,
    IN NDIS_HANDLE   ProtocolVcContext OPTIONAL,
    IN NDIS_HANDLE   ProtocolPartyContext OPTIONAL,
    IN PNDIS_REQUEST NdisRequest
    )
{
    UNREFERENCED_PARAMETER(Status); UNREFERENCED_PARAMETER(ProtocolAfContext); UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(ProtocolPartyContext); UNREFERENCED_PARAMETER(NdisRequest);
}
