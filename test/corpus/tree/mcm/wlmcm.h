// wlmcm.h - WANLINK, an NDIS 6 miniport call manager: one VC per dialled link, no incoming calls.
#pragma once
#include "../inc/wan.h"

typedef struct _WL_ADAPTER {
    NDIS_HANDLE     MiniportAdapterHandle;
    NDIS_HANDLE     NdisAfHandle;
    NDIS_SPIN_LOCK  Lock;
} WL_ADAPTER, *PWL_ADAPTER;

typedef struct _WL_VC {
    PWL_ADAPTER     Adapter;
    NDIS_HANDLE     NdisVcHandle;
    BOOLEAN         Active;
} WL_VC, *PWL_VC;

#define WL_COMPLETE_CLOSE(_Vc) NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL)

MINIPORT_SET_OPTIONS WlSetOptions;
MINIPORT_INITIALIZE WlInitialize;
PROTOCOL_CO_CREATE_VC WlCmCreateVc;
PROTOCOL_CO_DELETE_VC WlCmDeleteVc;
PROTOCOL_CM_OPEN_AF WlCmOpenAf;
PROTOCOL_CM_CLOSE_AF WlCmCloseAf;
PROTOCOL_CM_REG_SAP WlCmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP WlCmDeregisterSap;
PROTOCOL_CM_MAKE_CALL WlCmMakeCall;
PROTOCOL_CM_CLOSE_CALL WlCmCloseCall;
PROTOCOL_CM_MODIFY_QOS_CALL WlCmModifyQoS;
MINIPORT_CO_CREATE_VC WlCoCreateVc;
MINIPORT_CO_DELETE_VC WlCoDeleteVc;
MINIPORT_CO_ACTIVATE_VC WlCoActivateVc;
MINIPORT_CO_DEACTIVATE_VC WlCoDeactivateVc;
