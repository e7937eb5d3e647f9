/*
 * dsl.h - DSLMCM, an NDIS 5.0 miniport call manager (integrated call manager) for a single-line DSL modem.
 */
#ifndef DSL_H
#define DSL_H

#include <ndis.h>

/* NDIS 5 timer services our stand-in ndis.h leaves out (declared as the DDK declares them). */
typedef NDIS_TIMER_FUNCTION *PNDIS_TIMER_FUNCTION;
typedef struct _NDIS_MINIPORT_TIMER {
    ULONG_PTR Reserved[12];
} NDIS_MINIPORT_TIMER, *PNDIS_MINIPORT_TIMER;
VOID NdisMInitializeTimer(IN OUT PNDIS_MINIPORT_TIMER Timer, IN NDIS_HANDLE MiniportAdapterHandle, IN PNDIS_TIMER_FUNCTION TimerFunction, IN PVOID FunctionContext);
VOID NdisMSetTimer(IN PNDIS_MINIPORT_TIMER Timer, IN UINT MillisecondsToDelay);
ULONG DbgPrint(IN const char *Format, ...);

#if DBG
#define DBGPRINT(_Fmt, _Arg)    DbgPrint("DSLMCM: " _Fmt, _Arg)
#else
#define DBGPRINT(_Fmt, _Arg)
#endif

#define DSL_TAG                 'lsDM'
#define DSL_POLL_MS             50

typedef enum _DSL_VC_STATE {
    VcIdle, VcActive, VcClosing
} DSL_VC_STATE;

#define fVC_INCOMING            0x01    /* we created it with NdisMCmCreateVc */
#define fVC_CLOSE_PENDED        0x02

typedef struct _DSL_ADAPTER *PDSL_ADAPTER;

typedef struct _DSL_VC {
    PDSL_ADAPTER            Adapter;
    NDIS_HANDLE             NdisVcHandle;
    DSL_VC_STATE            State;
    UCHAR                   VcFlags;
    PCO_CALL_PARAMETERS     CallParameters;
    CO_CALL_PARAMETERS      IncomingParameters;
} DSL_VC, *PDSL_VC;

typedef struct _DSL_ADAPTER {
    NDIS_HANDLE             MiniportAdapterHandle;
    NDIS_HANDLE             NdisAfHandle;
    NDIS_HANDLE             NdisSapHandle;
    NDIS_SPIN_LOCK          Lock;
    NDIS_MINIPORT_TIMER     PollTimer;
    PDSL_VC                 LineVc;             /* one call at a time on this line */
    PNDIS_REQUEST           PendingRequest;
    NDIS_HANDLE             PendingRequestVc;
    BOOLEAN                 LineUp;
    BOOLEAN                 RingIndicated;
} DSL_ADAPTER;

#define DSL_LOCK(_a)            NdisAcquireSpinLock(&(_a)->Lock)
#define DSL_UNLOCK(_a)          NdisReleaseSpinLock(&(_a)->Lock)

/* dslinit.c */
NDIS_STATUS DslRegisterCallManager(IN PDSL_ADAPTER Adapter);
NDIS_STATUS DslCoCreateVc(IN NDIS_HANDLE MiniportAdapterContext, IN NDIS_HANDLE NdisVcHandle, OUT PNDIS_HANDLE MiniportVcContext);
NDIS_STATUS DslCoDeleteVc(IN NDIS_HANDLE MiniportVcContext);
NDIS_STATUS DslCoActivateVc(IN NDIS_HANDLE MiniportVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS DslCoDeactivateVc(IN NDIS_HANDLE MiniportVcContext);

/* dslcall.c */
NDIS_STATUS DslCmCreateVc(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE NdisVcHandle, OUT PNDIS_HANDLE ProtocolVcContext);
NDIS_STATUS DslCmDeleteVc(IN NDIS_HANDLE ProtocolVcContext);
NDIS_STATUS DslCmOpenAf(IN NDIS_HANDLE CallMgrBindingContext, IN PCO_ADDRESS_FAMILY AddressFamily, IN NDIS_HANDLE NdisAfHandle, OUT PNDIS_HANDLE CallMgrAfContext);
NDIS_STATUS DslCmCloseAf(IN NDIS_HANDLE CallMgrAfContext);
NDIS_STATUS DslCmRegisterSap(IN NDIS_HANDLE CallMgrAfContext, IN PCO_SAP Sap, IN NDIS_HANDLE NdisSapHandle, OUT PNDIS_HANDLE CallMgrSapContext);
NDIS_STATUS DslCmDeregisterSap(IN NDIS_HANDLE CallMgrSapContext);
NDIS_STATUS DslCmMakeCall(IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters, IN NDIS_HANDLE NdisPartyHandle OPTIONAL, OUT PNDIS_HANDLE CallMgrPartyContext OPTIONAL);
NDIS_STATUS DslCmCloseCall(IN NDIS_HANDLE CallMgrVcContext, IN NDIS_HANDLE CallMgrPartyContext OPTIONAL, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
VOID DslCmIncomingCallComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS DslCmAddParty(IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters, IN NDIS_HANDLE NdisPartyHandle, OUT PNDIS_HANDLE CallMgrPartyContext);
NDIS_STATUS DslCmDropParty(IN NDIS_HANDLE CallMgrPartyContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
VOID DslCmActivateVcComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
VOID DslCmDeactivateVcComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext);
NDIS_STATUS DslCmModifyCallQoS(IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS DslCmRequest(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN OUT PNDIS_REQUEST NdisRequest);
VOID DslCmRequestComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext OPTIONAL, IN NDIS_HANDLE ProtocolVcContext OPTIONAL, IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN PNDIS_REQUEST NdisRequest);

/* dslhw.c */
VOID DslPollTimer(IN PVOID SystemSpecific1, IN PVOID FunctionContext, IN PVOID SystemSpecific2, IN PVOID SystemSpecific3);
VOID DslHwHangUp(IN PDSL_ADAPTER Adapter);

#endif
