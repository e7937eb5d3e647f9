// Shared declarations of the sample CoNDIS call manager: per-adapter, per-AF and per-VC contexts,
// and the role-typedef declarations that tell the analyzers which NDIS callback each function is.
#pragma once

#include <ndis.h>

#define CM_POOL_TAG 'mCdN'

typedef enum _CM_VC_STATE {
    CmVcIdle = 0,
    CmVcMakingCall,
    CmVcActive,
    CmVcClosingCall,
} CM_VC_STATE;

typedef struct _CM_ADAPTER {
    NDIS_HANDLE     NdisBindingHandle;
    NDIS_HANDLE     NdisAfHandle;
    NDIS_SPIN_LOCK  Lock;
    LIST_ENTRY      VcList;
    ULONG           OpenAfCount;
} CM_ADAPTER, *PCM_ADAPTER;

typedef struct _CM_AF {
    PCM_ADAPTER     Adapter;
    NDIS_HANDLE     NdisAfHandle;
    NDIS_HANDLE     NdisSapHandle;
    BOOLEAN         Closing;
} CM_AF, *PCM_AF;

typedef struct _CM_VC {
    LIST_ENTRY      Link;
    PCM_AF          Af;
    NDIS_HANDLE     NdisVcHandle;
    NDIS_HANDLE     CloseWorkItem;
    CM_VC_STATE     State;
    PCO_CALL_PARAMETERS CallParameters;
} CM_VC, *PCM_VC;

// NDIS 6 protocol-driver entry points.
SET_OPTIONS CmSetOptions;

// Call-manager handlers, registered through NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS.
PROTOCOL_CM_OPEN_AF CmOpenAf;
PROTOCOL_CM_CLOSE_AF CmCloseAf;
PROTOCOL_CM_REG_SAP CmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP CmDeregisterSap;
PROTOCOL_CO_CREATE_VC CmCreateVc;
PROTOCOL_CO_DELETE_VC CmDeleteVc;
PROTOCOL_CM_MAKE_CALL CmMakeCall;
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE CmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY CmAddParty;
PROTOCOL_CM_DROP_PARTY CmDropParty;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE CmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL CmModifyCallQoS;
PROTOCOL_CO_OID_REQUEST CmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE CmOidRequestComplete;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE CmNotifyCloseAfComplete;

// Deferred work: calls are torn down at PASSIVE_LEVEL, outside the handler that pended them.
NDIS_IO_WORKITEM_FUNCTION CmCloseCallWorker;
