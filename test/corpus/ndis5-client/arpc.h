/*
 * arpc.h - ARPCL, an NDIS 5.0 CoNDIS client (an address-resolution client that opens point-to-point VCs).
 */
#ifndef _ARPC_H_
#define _ARPC_H_

#include <ndis.h>

ULONG DbgPrint(IN const char *Format, ...);
#if DBG
#define ARPC_DEBUGP(_x)     DbgPrint _x
#else
#define ARPC_DEBUGP(_x)
#endif

#define ARPC_TAG            'cprA'
#define ARPC_VC_OWNER       0x0001      /* NdisCoCreateVc was ours */
#define ARPC_VC_CALL_UP     0x0002

typedef struct _ARPC_INTERFACE {
    NDIS_HANDLE         NdisBindingHandle;
    NDIS_HANDLE         NdisAfHandle;
    NDIS_SPIN_LOCK      Lock;
} ARPC_INTERFACE, *PARPC_INTERFACE;

typedef struct _ARPC_VC {
    PARPC_INTERFACE     pIf;
    NDIS_HANDLE         NdisVcHandle;
    ULONG               Flags;
    CO_CALL_PARAMETERS  CallParams;
} ARPC_VC, *PARPC_VC;

#define ARPC_LOCK_IF(_pIf)      NdisAcquireSpinLock(&(_pIf)->Lock)
#define ARPC_UNLOCK_IF(_pIf)    NdisReleaseSpinLock(&(_pIf)->Lock)

VOID ArpcAfRegisterNotify(IN NDIS_HANDLE ProtocolBindingContext, IN PCO_ADDRESS_FAMILY AddressFamily);
NDIS_STATUS ArpcCreateVc(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE NdisVcHandle, OUT PNDIS_HANDLE ProtocolVcContext);
NDIS_STATUS ArpcDeleteVc(IN NDIS_HANDLE ProtocolVcContext);
NDIS_STATUS ArpcRequest(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN OUT PNDIS_REQUEST NdisRequest);
VOID ArpcRequestComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext OPTIONAL, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN PNDIS_REQUEST NdisRequest);
VOID ArpcOpenAfComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE NdisAfHandle);
VOID ArpcCloseAfComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext);
VOID ArpcRegisterSapComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolSapContext, IN PCO_SAP Sap, IN NDIS_HANDLE NdisSapHandle);
VOID ArpcDeregisterSapComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolSapContext);
VOID ArpcMakeCallComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext, IN NDIS_HANDLE NdisPartyHandle OPTIONAL, IN PCO_CALL_PARAMETERS CallParameters);
VOID ArpcModifyQoSComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext, IN PCO_CALL_PARAMETERS CallParameters);
VOID ArpcCloseCallComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL);
VOID ArpcAddPartyComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext, IN NDIS_HANDLE NdisPartyHandle, IN PCO_CALL_PARAMETERS CallParameters);
VOID ArpcDropPartyComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext);
NDIS_STATUS ArpcIncomingCall(IN NDIS_HANDLE ProtocolSapContext, IN NDIS_HANDLE ProtocolVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters);
VOID ArpcIncomingQoSChange(IN NDIS_HANDLE ProtocolVcContext, IN PCO_CALL_PARAMETERS CallParameters);
VOID ArpcIncomingCloseCall(IN NDIS_STATUS CloseStatus, IN NDIS_HANDLE ProtocolVcContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
VOID ArpcIncomingDropParty(IN NDIS_STATUS DropStatus, IN NDIS_HANDLE ProtocolPartyContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
VOID ArpcCallConnected(IN NDIS_HANDLE ProtocolVcContext);

NDIS_STATUS ArpcConnect(IN PARPC_INTERFACE pIf);
VOID ArpcCloseVc(IN PARPC_VC pVc);

#endif
