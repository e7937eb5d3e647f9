/*
 * acm.h - private definitions of ACMSIG, an NDIS 5.1 stand-alone call manager for a point-to-point signalling link.
 * Written in the NDIS 5 style: IN/OUT/OPTIONAL, a NDIS_CALL_MANAGER_CHARACTERISTICS table, no role types.
 */
#ifndef _ACM_H_
#define _ACM_H_

#include <ndis.h>

/* NDIS 5 services our stand-in ndis.h leaves out (declared as the DDK declares them). */
typedef struct _NDIS_WORK_ITEM NDIS_WORK_ITEM, *PNDIS_WORK_ITEM;
typedef VOID (*NDIS_PROC)(IN PNDIS_WORK_ITEM WorkItem, IN PVOID Context);
struct _NDIS_WORK_ITEM {
    PVOID Context;
    NDIS_PROC Routine;
    UCHAR WrapperReserved[8 * sizeof(PVOID)];
};
#define NdisInitializeWorkItem(_WI_, _R_, _C_) \
    { (_WI_)->Context = (_C_); (_WI_)->Routine = (_R_); }
NDIS_STATUS NdisScheduleWorkItem(IN PNDIS_WORK_ITEM WorkItem);
ULONG DbgPrint(IN const char *Format, ...);

#if DBG
#define ACM_TRACE(_x)   DbgPrint _x
#else
#define ACM_TRACE(_x)
#endif

#define ACM_TAG                 'mcAA'
#define ACM_PENDING             NDIS_STATUS_PENDING

/* VC flags: who created the VC and how far its call got. */
#define VC_FLAG_CM_CREATED      0x00000001
#define VC_FLAG_ACTIVE          0x00000002
#define VC_FLAG_CLOSING         0x00000004
#define VC_FLAG_MAKING_CALL     0x00000008

typedef struct _ACM_ADAPTER ACM_ADAPTER, *PACM_ADAPTER;

typedef struct _ACM_AF {
    NDIS_HANDLE             NdisAfHandle;
    PACM_ADAPTER            pAdapter;
    NDIS_HANDLE             NdisSapHandle;
    ULONG                   SapSelector;
} ACM_AF, *PACM_AF;

typedef struct _ACM_VC {
    LIST_ENTRY              Link;
    NDIS_SPIN_LOCK          Lock;
    ULONG                   Flags;
    NDIS_HANDLE             NdisVcHandle;
    PACM_AF                 pAf;
    ULONG                   CallRef;
    PCO_CALL_PARAMETERS     pCallParameters;
    CO_CALL_PARAMETERS      IncomingParameters;
    NDIS_STATUS             DeactivateStatus;
    NDIS_WORK_ITEM          WorkItem;
} ACM_VC, *PACM_VC;

struct _ACM_ADAPTER {
    NDIS_SPIN_LOCK          Lock;
    NDIS_HANDLE             NdisBindingHandle;
    LIST_ENTRY              VcList;
    ACM_AF                  Af;
};

/* Locks. */
#define ACM_ACQUIRE_VC_LOCK(_pVc)       NdisAcquireSpinLock(&(_pVc)->Lock)
#define ACM_RELEASE_VC_LOCK(_pVc)       NdisReleaseSpinLock(&(_pVc)->Lock)
#define ACM_ACQUIRE_ADAPTER_LOCK(_pA)   NdisAcquireSpinLock(&(_pA)->Lock)
#define ACM_RELEASE_ADAPTER_LOCK(_pA)   NdisReleaseSpinLock(&(_pA)->Lock)

/* Completions: the VC handle is always the one NDIS gave us; calls are point-to-point (no party). */
#define ACM_COMPLETE_CLOSE(_pVc, _Status) \
    NdisCmCloseCallComplete((_Status), (_pVc)->NdisVcHandle, NULL)
#define ACM_COMPLETE_MAKE(_pVc, _Status) \
    NdisCmMakeCallComplete((_Status), (_pVc)->NdisVcHandle, NULL, NULL, (_pVc)->pCallParameters)

/* acmaf.c */
NDIS_STATUS AcmRegisterAf(IN PACM_ADAPTER pAdapter);
NDIS_STATUS AcmOpenAf(IN NDIS_HANDLE CallMgrBindingContext, IN PCO_ADDRESS_FAMILY AddressFamily, IN NDIS_HANDLE NdisAfHandle, OUT PNDIS_HANDLE CallMgrAfContext);
NDIS_STATUS AcmCloseAf(IN NDIS_HANDLE CallMgrAfContext);
NDIS_STATUS AcmRegisterSap(IN NDIS_HANDLE CallMgrAfContext, IN PCO_SAP Sap, IN NDIS_HANDLE NdisSapHandle, OUT PNDIS_HANDLE CallMgrSapContext);
NDIS_STATUS AcmDeregisterSap(IN NDIS_HANDLE CallMgrSapContext);
NDIS_STATUS AcmRequest(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN OUT PNDIS_REQUEST NdisRequest);
VOID AcmRequestComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext OPTIONAL, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN PNDIS_REQUEST NdisRequest);

/* acmcall.c */
NDIS_STATUS AcmMakeCall(IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters, IN NDIS_HANDLE NdisPartyHandle OPTIONAL, OUT PNDIS_HANDLE CallMgrPartyContext OPTIONAL);
NDIS_STATUS AcmCloseCall(IN NDIS_HANDLE CallMgrVcContext, IN NDIS_HANDLE CallMgrPartyContext OPTIONAL, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
VOID AcmIncomingCallComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
VOID AcmActivateVcComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
VOID AcmDeactivateVcComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext);
NDIS_STATUS AcmModifyQoS(IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS AcmAddParty(IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters, IN NDIS_HANDLE NdisPartyHandle, OUT PNDIS_HANDLE CallMgrPartyContext);
NDIS_STATUS AcmDropParty(IN NDIS_HANDLE CallMgrPartyContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);

/* acmvc.c */
NDIS_STATUS AcmCreateVc(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE NdisVcHandle, OUT PNDIS_HANDLE ProtocolVcContext);
NDIS_STATUS AcmDeleteVc(IN NDIS_HANDLE ProtocolVcContext);
PACM_VC AcmAllocateVc(IN PACM_AF pAf, IN ULONG Flags);
VOID AcmFreeVc(IN PACM_VC pVc);
VOID AcmDeleteOwnVc(IN PACM_VC pVc);
VOID AcmOnSetup(IN PACM_AF pAf, IN ULONG CallRef);
VOID AcmSendSignal(IN PACM_VC pVc, IN ULONG Message);

#define ACM_MSG_SETUP       1
#define ACM_MSG_RELEASE     2

#endif /* _ACM_H_ */
