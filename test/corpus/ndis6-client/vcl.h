// vcl.h - VOICECL, an NDIS 6 CoNDIS client that places and takes calls over any Q.2931 call manager.
#pragma once
#include <ndis.h>

#define VCL_TAG     'lcoV'
#define VCL_VC_OUTGOING   0x01      // we created the VC with NdisCoCreateVc
#define VCL_VC_CONNECTED  0x02

typedef struct _VCL_BINDING {
    NDIS_HANDLE     NdisBindingHandle;
    NDIS_HANDLE     NdisAfHandle;
    NDIS_HANDLE     NdisSapHandle;
    NDIS_SPIN_LOCK  Lock;
    BOOLEAN         NotifyClosePending;
} VCL_BINDING, *PVCL_BINDING;

typedef struct _VCL_VC {
    PVCL_BINDING    Binding;
    NDIS_HANDLE     NdisVcHandle;
    ULONG           Flags;
    CO_CALL_PARAMETERS CallParameters;
    PNET_BUFFER_LIST Queued;            // sends held back while the call is set up
} VCL_VC, *PVCL_VC;

#define VCL_LOCK(_b)    NdisAcquireSpinLock(&(_b)->Lock)
#define VCL_UNLOCK(_b)  NdisReleaseSpinLock(&(_b)->Lock)

PROTOCOL_SET_OPTIONS VclSetOptions;
PROTOCOL_CO_AF_REGISTER_NOTIFY VclAfRegisterNotify;
PROTOCOL_CO_CREATE_VC VclCreateVc;
PROTOCOL_CO_DELETE_VC VclDeleteVc;
PROTOCOL_CO_OID_REQUEST VclOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE VclOidRequestComplete;
PROTOCOL_CL_OPEN_AF_COMPLETE_EX VclOpenAfComplete;
PROTOCOL_CL_CLOSE_AF_COMPLETE VclCloseAfComplete;
PROTOCOL_CL_REGISTER_SAP_COMPLETE VclRegisterSapComplete;
PROTOCOL_CL_DEREGISTER_SAP_COMPLETE VclDeregisterSapComplete;
PROTOCOL_CL_MAKE_CALL_COMPLETE VclMakeCallComplete;
PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE VclModifyQoSComplete;
PROTOCOL_CL_CLOSE_CALL_COMPLETE VclCloseCallComplete;
PROTOCOL_CL_ADD_PARTY_COMPLETE VclAddPartyComplete;
PROTOCOL_CL_DROP_PARTY_COMPLETE VclDropPartyComplete;
PROTOCOL_CL_INCOMING_CALL VclIncomingCall;
PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE VclIncomingQoSChange;
PROTOCOL_CL_INCOMING_CLOSE_CALL VclIncomingCloseCall;
PROTOCOL_CL_INCOMING_DROP_PARTY VclIncomingDropParty;
PROTOCOL_CL_CALL_CONNECTED VclCallConnected;
PROTOCOL_CL_NOTIFY_CLOSE_AF VclNotifyCloseAf;

_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS VclPlaceCall(_In_ PVCL_BINDING Binding);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID VclHangUp(_In_ PVCL_VC Vc);
VOID VclCallClosed(_In_ PVCL_VC Vc);
