// ib.h - IBMCM, an NDIS 6 miniport call manager for a fabric with incoming calls (SAL 2, role types).
#pragma once
#include <ndis.h>

#define IB_TAG              'mcBI'
#define IB_VC_OURS          0x1     // created by NdisMCmCreateVc for an incoming call

typedef struct _IB_ADAPTER {
    NDIS_HANDLE     MiniportAdapterHandle;
    NDIS_HANDLE     NdisAfHandle;
    NDIS_HANDLE     NdisSapHandle;
    NDIS_SPIN_LOCK  Lock;
} IB_ADAPTER, *PIB_ADAPTER;

typedef struct _IB_VC {
    PIB_ADAPTER         Adapter;
    NDIS_HANDLE         NdisVcHandle;
    ULONG               Flags;
    CO_CALL_PARAMETERS  CallParameters;
} IB_VC, *PIB_VC;

#define IB_LOCK(_a)     NdisAcquireSpinLock(&(_a)->Lock)
#define IB_UNLOCK(_a)   NdisReleaseSpinLock(&(_a)->Lock)

// Completion macros: the MCM spellings, as ndis.h defines them.
#define IB_COMPLETE_CLOSE(_Vc, _S)  NdisMCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, NULL)

PROTOCOL_CM_CLOSE_CALL IbCmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE IbCmIncomingCallComplete;
NDIS_TIMER_FUNCTION IbLinkTimer;
VOID IbRetireVc(_In_ PIB_VC Vc);
