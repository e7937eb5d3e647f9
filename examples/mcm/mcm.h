// mcm.h - shared state and declarations of the example integrated miniport call manager "ExMcm".
//
// ExMcm drives a (fictional) CoNDIS adapter whose firmware speaks the same cut-down Q.2931 as the
// stand-alone example, through a mailbox in BAR0. Because call management lives inside the miniport,
// it registers with NdisMRegisterMiniportDriver, registers its address family from MiniportInitializeEx
// with NdisMCmRegisterAddressFamilyEx, and spells every call-manager call NdisMCm*.
// Build as an NDIS 6.30 miniport (NDIS630_MINIPORT=1).
#pragma once

#include <ndis.h>

#define EXMCM_POOL_TAG ((ULONG)'mCMx')
#define EXMCM_TRACE(...) DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_INFO_LEVEL, "exmcm: " __VA_ARGS__)
#define EXMCM_MTU 9180

// BAR0 registers (32 bits each). A message is five words: Type, CallRef, PartyRef, Selector, Cause.
#define EXMCM_REG_TX_MSG        0x00    // message for the firmware ...
#define EXMCM_REG_TX_DOORBELL   0x14    // ... taken when 1 is written here
#define EXMCM_REG_RX_MSG        0x20    // message from the firmware, valid while EXMCM_INT_RX_MSG is set
#define EXMCM_REG_INT_STATUS    0x34    // write the bits back to acknowledge them
#define EXMCM_REG_INT_MASK      0x38
#define EXMCM_REG_VC_CONTROL    0x40    // CallRef | EXMCM_VC_ENABLE: open / close a VC in the hardware
#define EXMCM_REG_FRAME_VC      0x44    // transmit: write CallRef, length, then the words; receive: read them
#define EXMCM_REG_FRAME_LENGTH  0x48
#define EXMCM_REG_FRAME_DATA    0x4C
#define EXMCM_REG_FRAME_RX      0x50    // write 1: the next received frame appears in the FRAME registers
#define EXMCM_REGS_LENGTH       0x100
#define EXMCM_INT_RX_MSG        0x1
#define EXMCM_INT_RX_FRAME      0x2
#define EXMCM_VC_ENABLE         0x80000000UL

typedef struct _EXMCM_ADAPTER EXMCM_ADAPTER, *PEXMCM_ADAPTER;
typedef struct _EXMCM_AF EXMCM_AF, *PEXMCM_AF;
typedef struct _EXMCM_VC EXMCM_VC, *PEXMCM_VC;

typedef enum _EXMCM_SIG_TYPE {
    ExMcmSigSetup = 1, ExMcmSigConnect, ExMcmSigRelease, ExMcmSigAddParty, ExMcmSigAddPartyAck,
    ExMcmSigAddPartyReject, ExMcmSigDropParty, ExMcmSigDropPartyAck,
    ExMcmSigLinkQuery,      // to the firmware: report the line rate (CallRef names the asker)
    ExMcmSigLinkReport      // from the firmware: Cause holds the rate in units of 100 bit/s
} EXMCM_SIG_TYPE;

typedef struct _EXMCM_SIG_MSG {
    ULONG Type;
    ULONG CallRef;
    ULONG PartyRef;
    ULONG Selector;
    ULONG Cause;
} EXMCM_SIG_MSG, *PEXMCM_SIG_MSG;

typedef struct _EXMCM_CALL_PARAMS {
    CO_CALL_PARAMETERS Call;
    CO_CALL_MANAGER_PARAMETERS CallMgr;
    CO_MEDIA_PARAMETERS Media;
} EXMCM_CALL_PARAMS, *PEXMCM_CALL_PARAMS;

typedef enum _EXMCM_VC_STATE {
    ExMcmVcIdle, ExMcmVcCalling, ExMcmVcOffering, ExMcmVcConnected, ExMcmVcClosing, ExMcmVcRejecting
} EXMCM_VC_STATE;

typedef struct _EXMCM_PARTY {
    LIST_ENTRY Link;                    // in EXMCM_VC.PartyList
    PEXMCM_VC Vc;
    NDIS_HANDLE NdisPartyHandle;
    ULONG PartyRef;
    PCO_CALL_PARAMETERS AddParameters;  // while ProtocolCmAddParty is pending
    BOOLEAN Dropping;                   // while ProtocolCmDropParty is pending
} EXMCM_PARTY, *PEXMCM_PARTY;

struct _EXMCM_VC {
    LIST_ENTRY Link;                    // in EXMCM_ADAPTER.VcList while a call reference is assigned
    PEXMCM_ADAPTER Adapter;
    PEXMCM_AF Af;
    NDIS_HANDLE NdisVcHandle;
    LONG RefCount;                      // 1 for the VC + 1 per lookup from the DPC in progress
    EXMCM_VC_STATE State;               // this and below: under Adapter->Lock
    BOOLEAN CreatedByCm;                // NdisMCmCreateVc was ours, so NdisMCmDeleteVc is ours too
    BOOLEAN RemoteReleased;
    BOOLEAN HwOpen;                     // the hardware carries data for CallRef
    ULONG CallRef;
    PCO_CALL_PARAMETERS CallParameters;
    PEXMCM_PARTY CallingParty;
    LIST_ENTRY PartyList;
    ULONG PartyCount;
    NDIS_HANDLE ClosingPartyHandle;
    NDIS_STATUS DeactivateStatus;
    NDIS_HANDLE WorkItem;
    NDIS_HANDLE NdisSapHandle;
    EXMCM_CALL_PARAMS Incoming;
};

typedef struct _EXMCM_SAP {
    LIST_ENTRY Link;
    PEXMCM_AF Af;
    NDIS_HANDLE NdisSapHandle;
    ULONG Selector;
} EXMCM_SAP, *PEXMCM_SAP;

struct _EXMCM_AF {
    LIST_ENTRY Link;                    // in EXMCM_ADAPTER.AfList
    PEXMCM_ADAPTER Adapter;
    NDIS_HANDLE NdisAfHandle;
    LONG RefCount;                      // 1 while open + 1 per VC + transient holders
    BOOLEAN Open;
    ULONG QueryRef;                     // identifies our LINK QUERY while ProtocolCmOpenAf is pending
    LIST_ENTRY SapList;
};

struct _EXMCM_ADAPTER {
    NDIS_HANDLE MiniportAdapterHandle;
    NDIS_SPIN_LOCK Lock;                // guards lists, states, counters; also serialises the mailbox
    PUCHAR Registers;
    NDIS_PHYSICAL_ADDRESS RegistersPhysical;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE RxPool;                 // NBLs with an MTU-sized buffer for received frames
    LIST_ENTRY AfList;
    LIST_ENTRY VcList;
    ULONG NextRef;
    ULONG LinkSpeed;                    // 100 bit/s, from the firmware
};

extern NDIS_HANDLE ExMcmDriverHandle;
extern CO_ADDRESS_FAMILY ExMcmAddressFamily;

// ---- NDIS entry points, each declared with its role type ----

DRIVER_INITIALIZE DriverEntry;                                  // driver.c
MINIPORT_UNLOAD ExMcmUnload;
MINIPORT_SET_OPTIONS ExMcmSetOptions;
MINIPORT_INITIALIZE ExMcmInitialize;
MINIPORT_HALT ExMcmHalt;
MINIPORT_PAUSE ExMcmPause;
MINIPORT_RESTART ExMcmRestart;
MINIPORT_SHUTDOWN ExMcmShutdown;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY ExMcmPnPEvent;
MINIPORT_CANCEL_OID_REQUEST ExMcmCancelOidRequest;
MINIPORT_RETURN_NET_BUFFER_LISTS ExMcmReturnNbls;
MINIPORT_CANCEL_SEND ExMcmCancelSend;

MINIPORT_ISR ExMcmIsr;                                          // hw.c
MINIPORT_INTERRUPT_DPC ExMcmDpc;
MINIPORT_ENABLE_INTERRUPT ExMcmEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT ExMcmDisableInterrupt;

PROTOCOL_CM_OPEN_AF ExMcmOpenAf;                                // af.c
PROTOCOL_CM_CLOSE_AF ExMcmCloseAf;
PROTOCOL_CM_REG_SAP ExMcmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP ExMcmDeregisterSap;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE ExMcmNotifyCloseAfComplete;
PROTOCOL_CO_OID_REQUEST ExMcmCmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE ExMcmCmOidRequestComplete;

PROTOCOL_CM_MAKE_CALL ExMcmMakeCall;                            // call.c
PROTOCOL_CM_CLOSE_CALL ExMcmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE ExMcmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY ExMcmAddParty;
PROTOCOL_CM_DROP_PARTY ExMcmDropParty;
PROTOCOL_CM_MODIFY_QOS_CALL ExMcmModifyCallQoS;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE ExMcmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE ExMcmDeactivateVcComplete;
NDIS_IO_WORKITEM_FUNCTION ExMcmDeactivateWorkItem;

PROTOCOL_CO_CREATE_VC ExMcmCreateVc;                            // vc.c
PROTOCOL_CO_DELETE_VC ExMcmDeleteVc;
MINIPORT_CO_ACTIVATE_VC ExMcmCoActivateVc;
MINIPORT_CO_DEACTIVATE_VC ExMcmCoDeactivateVc;
MINIPORT_CO_SEND_NET_BUFFER_LISTS ExMcmCoSendNbls;
MINIPORT_CO_OID_REQUEST ExMcmCoOidRequest;

// ---- Internal helpers ----

_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmReferenceAf(_In_ PEXMCM_AF Af);               // af.c
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmDereferenceAf(_In_ PEXMCM_AF Af);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmOnLinkReport(_In_ PEXMCM_ADAPTER Adapter, _In_ const EXMCM_SIG_MSG *Msg);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_                                   // vc.c
PEXMCM_VC ExMcmAllocateVc(_In_ PEXMCM_AF Af, _In_ BOOLEAN CreatedByCm);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmDereferenceVc(_In_ PEXMCM_VC Vc);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmLinkVc(_In_ PEXMCM_VC Vc, _In_ ULONG CallRef);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmUnlinkVc(_In_ PEXMCM_VC Vc);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXMCM_VC ExMcmLookupVc(_In_ PEXMCM_ADAPTER Adapter, _In_ ULONG CallRef);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXMCM_PARTY ExMcmAllocateParty(_In_ PEXMCM_VC Vc, _In_ NDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXMCM_PARTY ExMcmLookupParty(_In_ PEXMCM_VC Vc, _In_ ULONG PartyRef);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmUnlinkParty(_In_ PEXMCM_PARTY Party);

_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmOnSignal(_In_ PEXMCM_ADAPTER Adapter, _In_ const EXMCM_SIG_MSG *Msg); // call.c

_IRQL_requires_max_(DISPATCH_LEVEL)                                                         // hw.c
VOID ExMcmHwSignal(_In_ PEXMCM_ADAPTER Adapter, _In_ EXMCM_SIG_TYPE Type, _In_ ULONG CallRef, _In_ ULONG PartyRef);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmHwVcControl(_In_ PEXMCM_ADAPTER Adapter, _In_ ULONG CallRef, _In_ BOOLEAN Enable);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExMcmHwTransmit(_In_ PEXMCM_ADAPTER Adapter, _In_ ULONG CallRef, _In_ PNET_BUFFER Nb);
_IRQL_requires_(PASSIVE_LEVEL) _Must_inspect_result_
NDIS_STATUS ExMcmHwStart(_In_ PEXMCM_ADAPTER Adapter, _In_ PNDIS_MINIPORT_INIT_PARAMETERS InitParameters);
_IRQL_requires_(PASSIVE_LEVEL) VOID ExMcmHwStop(_In_ PEXMCM_ADAPTER Adapter);
