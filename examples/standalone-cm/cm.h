// cm.h - shared state and declarations of the example stand-alone CoNDIS call manager "ExCm".
//
// ExCm is an NDIS 6 protocol driver. It binds to a CoNDIS miniport, opens a signalling VC to the
// network and registers one address family. Clients open the family and use ExCm to make, accept,
// close and extend (multipoint) calls. The signalling is a cut-down Q.2931: fixed-size messages with
// a call reference and no information elements. Build as NDIS 6.30 (NDIS630=1).
#pragma once

#include <ndis.h>

#define EXCM_POOL_TAG ((ULONG)'mCxE')
#define EXCM_TRACE(...) DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_INFO_LEVEL, "excm: " __VA_ARGS__)

typedef struct _EXCM_BINDING EXCM_BINDING, *PEXCM_BINDING;
typedef struct _EXCM_AF EXCM_AF, *PEXCM_AF;
typedef struct _EXCM_VC EXCM_VC, *PEXCM_VC;

// ---- Signalling messages (the wire format) ----

typedef enum _EXCM_SIG_TYPE {
    ExCmSigSetup = 1,       // open a call (either direction)
    ExCmSigConnect,         // the called side accepted
    ExCmSigRelease,         // tear a call down (either direction; not acknowledged)
    ExCmSigAddParty,        // add a leaf to a multipoint call
    ExCmSigAddPartyAck,
    ExCmSigAddPartyReject,
    ExCmSigDropParty,       // remove a leaf we own
    ExCmSigDropPartyAck
} EXCM_SIG_TYPE;

typedef struct _EXCM_SIG_MSG {
    ULONG Type;             // EXCM_SIG_TYPE
    ULONG CallRef;          // which call on this link
    ULONG PartyRef;         // which leaf of a multipoint call; 0 for point-to-point
    ULONG Selector;         // SETUP: the SAP selector the call is for
    ULONG Cause;            // RELEASE: 0 for a normal clearing
} EXCM_SIG_MSG, *PEXCM_SIG_MSG;

// ---- Per-object state ----

// Call parameters that ExCm owns (incoming calls, the signalling VC), with room for what they point to.
typedef struct _EXCM_CALL_PARAMS {
    CO_CALL_PARAMETERS Call;
    CO_CALL_MANAGER_PARAMETERS CallMgr;
    CO_MEDIA_PARAMETERS Media;
} EXCM_CALL_PARAMS, *PEXCM_CALL_PARAMS;

typedef enum _EXCM_VC_STATE {
    ExCmVcIdle,             // no call (a client VC before or after a call)
    ExCmVcCalling,          // SETUP sent; ProtocolCmMakeCall returned PENDING
    ExCmVcActivating,       // CONNECT received; activating before completing the make call
    ExCmVcOffering,         // incoming: activating, then offered to the client
    ExCmVcConnected,
    ExCmVcClosing,          // ProtocolCmCloseCall returned PENDING; deactivating
    ExCmVcRejecting,        // the client refused an incoming call; deactivating, then delete
    ExCmVcSignalling        // our own VC to the network's signalling entity
} EXCM_VC_STATE;

typedef struct _EXCM_PARTY {
    LIST_ENTRY Link;                    // in EXCM_VC.PartyList
    PEXCM_VC Vc;
    NDIS_HANDLE NdisPartyHandle;        // what the NdisCm* party functions take
    ULONG PartyRef;
    PCO_CALL_PARAMETERS AddParameters;  // the client's, while ProtocolCmAddParty is pending
    BOOLEAN Dropping;                   // ProtocolCmDropParty is pending
} EXCM_PARTY, *PEXCM_PARTY;

struct _EXCM_VC {
    LIST_ENTRY Link;                    // in EXCM_BINDING.VcList while a call reference is assigned
    PEXCM_BINDING Binding;
    PEXCM_AF Af;                        // NULL for the signalling VC
    NDIS_HANDLE NdisVcHandle;
    LONG RefCount;                      // 1 for the VC itself + 1 per signalling lookup in progress
    EXCM_VC_STATE State;                // this and the fields below: under Binding->Lock
    BOOLEAN CreatedByCm;                // we called NdisCoCreateVc, so we (and only we) delete it
    BOOLEAN RemoteReleased;             // the network sent RELEASE
    ULONG CallRef;
    PCO_CALL_PARAMETERS CallParameters; // the client's (outgoing) or &Incoming.Call
    PEXCM_PARTY CallingParty;           // first leaf of a pending multipoint make call
    LIST_ENTRY PartyList;
    ULONG PartyCount;                   // 0 on a point-to-point call
    NDIS_HANDLE ClosingPartyHandle;     // last leaf of a multipoint call being closed, else NULL
    NDIS_STATUS DeactivateStatus;
    NDIS_HANDLE WorkItem;               // allocated with the VC so that closing cannot fail
    NDIS_HANDLE NdisSapHandle;          // incoming calls: the SAP the call is offered on
    EXCM_CALL_PARAMS Incoming;
};

typedef struct _EXCM_SAP {
    LIST_ENTRY Link;                    // in EXCM_AF.SapList
    PEXCM_AF Af;
    NDIS_HANDLE NdisSapHandle;
    ULONG Selector;
} EXCM_SAP, *PEXCM_SAP;

struct _EXCM_AF {
    LIST_ENTRY Link;                    // in EXCM_BINDING.AfList
    PEXCM_BINDING Binding;
    NDIS_HANDLE NdisAfHandle;
    LONG RefCount;                      // 1 while open + 1 per VC + transient holders
    BOOLEAN Open;                       // ProtocolCmOpenAf succeeded and no close yet
    BOOLEAN CloseNotified;              // unbind asked the client to close it
    LIST_ENTRY SapList;
    NDIS_CO_LINK_SPEED LinkSpeed;
    NDIS_OID_REQUEST LinkQuery;         // in flight while ProtocolCmOpenAf is pending
};

struct _EXCM_BINDING {
    NDIS_HANDLE NdisBindingHandle;
    NDIS_SPIN_LOCK Lock;
    BOOLEAN Unbinding;
    LIST_ENTRY AfList;
    LIST_ENTRY VcList;
    ULONG NextRef;                      // call and party references we hand out
    PEXCM_VC SignallingVc;              // NULL once unbinding stops signalling
    NDIS_HANDLE NblPool;
    LONG SendsInFlight;
    NDIS_EVENT SendsDrained;
    NDIS_EVENT Event;                   // PASSIVE_LEVEL waits of bind and unbind
    NDIS_STATUS EventStatus;
    NDIS_EVENT AfsClosed;
    EXCM_CALL_PARAMS SignallingParams;
};

extern NDIS_HANDLE ExCmProtocolHandle;
extern CO_ADDRESS_FAMILY ExCmAddressFamily;

// ---- NDIS entry points, each declared with its role type ----

DRIVER_INITIALIZE DriverEntry;                                  // driver.c
DRIVER_UNLOAD ExCmUnload;
SET_OPTIONS ExCmSetOptions;
PROTOCOL_BIND_ADAPTER_EX ExCmBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX ExCmUnbindAdapter;
PROTOCOL_OPEN_ADAPTER_COMPLETE_EX ExCmOpenAdapterComplete;
PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX ExCmCloseAdapterComplete;
PROTOCOL_NET_PNP_EVENT ExCmPnPEvent;
PROTOCOL_OID_REQUEST_COMPLETE ExCmClOidRequestComplete;
PROTOCOL_RECEIVE_NET_BUFFER_LISTS ExCmClReceiveNbls;
PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE ExCmClSendNblsComplete;
PROTOCOL_CO_STATUS_EX ExCmCoStatus;
PROTOCOL_CO_AF_REGISTER_NOTIFY ExCmCoAfRegisterNotify;

PROTOCOL_CM_OPEN_AF ExCmOpenAf;                                 // af.c
PROTOCOL_CM_CLOSE_AF ExCmCloseAf;
PROTOCOL_CM_REG_SAP ExCmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP ExCmDeregisterSap;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE ExCmNotifyCloseAfComplete;
PROTOCOL_CO_OID_REQUEST ExCmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE ExCmOidRequestComplete;

PROTOCOL_CM_MAKE_CALL ExCmMakeCall;                             // call.c
PROTOCOL_CM_CLOSE_CALL ExCmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE ExCmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY ExCmAddParty;
PROTOCOL_CM_DROP_PARTY ExCmDropParty;
PROTOCOL_CM_MODIFY_QOS_CALL ExCmModifyCallQoS;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE ExCmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE ExCmDeactivateVcComplete;
NDIS_IO_WORKITEM_FUNCTION ExCmDeactivateWorkItem;

PROTOCOL_CO_CREATE_VC ExCmCreateVc;                             // vc.c
PROTOCOL_CO_DELETE_VC ExCmDeleteVc;

PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS ExCmCoReceiveNbls;         // sig.c
PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE ExCmCoSendNblsComplete;

// ---- Internal helpers ----

_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmReferenceAf(_In_ PEXCM_AF Af);                 // af.c
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmDereferenceAf(_In_ PEXCM_AF Af);
_IRQL_requires_(PASSIVE_LEVEL) VOID ExCmCloseAllAfs(_In_ PEXCM_BINDING Binding);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_                                   // vc.c
PEXCM_VC ExCmAllocateVc(_In_ PEXCM_BINDING Binding, _In_opt_ PEXCM_AF Af, _In_ BOOLEAN CreatedByCm);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmDereferenceVc(_In_ PEXCM_VC Vc);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmLinkVc(_In_ PEXCM_VC Vc, _In_ ULONG CallRef);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmUnlinkVc(_In_ PEXCM_VC Vc);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXCM_VC ExCmLookupVc(_In_ PEXCM_BINDING Binding, _In_ ULONG CallRef);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXCM_PARTY ExCmAllocateParty(_In_ PEXCM_VC Vc, _In_ NDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
PEXCM_PARTY ExCmLookupParty(_In_ PEXCM_VC Vc, _In_ ULONG PartyRef);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmUnlinkParty(_In_ PEXCM_PARTY Party);

_IRQL_requires_max_(DISPATCH_LEVEL) VOID ExCmOnSignal(_In_ PEXCM_BINDING Binding, _In_ const EXCM_SIG_MSG *Msg); // call.c

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_                                   // sig.c
NDIS_STATUS ExCmSigSend(_In_ PEXCM_BINDING Binding, _In_ EXCM_SIG_TYPE Type, _In_ ULONG CallRef, _In_ ULONG PartyRef);
_IRQL_requires_(PASSIVE_LEVEL) _Must_inspect_result_ NDIS_STATUS ExCmSigStart(_In_ PEXCM_BINDING Binding);
_IRQL_requires_(PASSIVE_LEVEL) VOID ExCmSigStop(_In_ PEXCM_BINDING Binding);
