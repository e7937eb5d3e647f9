// mpcm.h - MPCM, an NDIS 6 stand-alone call manager for a multipoint signalling network (SAL 2, role types).
#pragma once
#include <ndis.h>

ULONG DbgPrint(_In_ const char *Format, ...);

#if DBG
#define MPCM_DBG(...)   DbgPrint("MPCM: " __VA_ARGS__)
#else
#define MPCM_DBG(...)   ((void)0)
#endif

#define MPCM_TAG                'mcPM'
#define MPCM_STATUS_PENDING     NDIS_STATUS_PENDING

#define MPCM_VC_ACTIVE          0x1
#define MPCM_VC_CM_CREATED      0x2

typedef struct _MPCM_AF {
    NDIS_HANDLE     NdisAfHandle;
    NDIS_HANDLE     NdisBindingHandle;
    NDIS_SPIN_LOCK  Lock;
} MPCM_AF, *PMPCM_AF;

typedef struct _MPCM_PARTY {
    NDIS_HANDLE     NdisPartyHandle;
    ULONG           LeafId;
} MPCM_PARTY, *PMPCM_PARTY;

typedef struct _MPCM_VC {
    PMPCM_AF        Af;
    NDIS_HANDLE     NdisVcHandle;
    ULONG           Flags;
    ULONG           PartyCount;
    PMPCM_PARTY     MakeCallParty;
    NDIS_HANDLE     ClosePartyHandle;   // what the close completion names: NULL or the last leaf
    NDIS_STATUS     DeactivateStatus;
    NDIS_HANDLE     WorkItem;
} MPCM_VC, *PMPCM_VC;

#define MPCM_LOCK(_Af)      NdisAcquireSpinLock(&(_Af)->Lock)
#define MPCM_UNLOCK(_Af)    NdisReleaseSpinLock(&(_Af)->Lock)

#define MPCM_COMPLETE_CLOSE(_Vc, _S) \
    NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, (_Vc)->ClosePartyHandle)

PROTOCOL_SET_OPTIONS MpcmSetOptions;
PROTOCOL_CO_CREATE_VC MpcmCreateVc;
PROTOCOL_CO_DELETE_VC MpcmDeleteVc;
PROTOCOL_CM_OPEN_AF MpcmOpenAf;
PROTOCOL_CM_CLOSE_AF MpcmCloseAf;
PROTOCOL_CM_REG_SAP MpcmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP MpcmDeregisterSap;
PROTOCOL_CM_MAKE_CALL MpcmMakeCall;
PROTOCOL_CM_CLOSE_CALL MpcmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE MpcmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY MpcmAddParty;
PROTOCOL_CM_DROP_PARTY MpcmDropParty;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE MpcmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE MpcmDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL MpcmModifyQoS;
PROTOCOL_CO_OID_REQUEST MpcmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE MpcmOidRequestComplete;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE MpcmNotifyCloseAfComplete;
NDIS_IO_WORKITEM_FUNCTION MpcmDeactivateWorker;

_IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS MpcmRegisterAf(_In_ PMPCM_AF Af);
VOID MpcmFreeVc(_In_ PMPCM_VC Vc);
_IRQL_requires_(PASSIVE_LEVEL) VOID MpcmUnbindAf(_In_ PMPCM_AF Af);
