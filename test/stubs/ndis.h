/*
 * test/stubs/ndis.h: a stand-in for the WDK's ndis.h, written from ../shared/condis/api.tsv, so that snippets and
 * examples can be compiled on any machine with `clang -fsyntax-only -I test/stubs` (or gcc).
 *
 * What it is: the CoNDIS surface with the shapes of WDK 10 ndis.h. Every api.tsv prototype appears below exactly as
 * the table spells it (one line each; test/unit/snippets.test.ts checks this), every NdisMCm* macro exactly as its
 * declaration_form says, every role typedef with its pointer typedef, and the CoNDIS handler tables.
 * Around them: the base types, the NDIS_STATUS codes (values checked in server/src/catalog/statuses.ts), and the
 * few general NDIS services the snippets and examples use (memory, spin locks, work items, registration).
 *
 * What it is not: the real header. Annotations are defined empty, sizes are those of the host compiler, structures
 * the CoNDIS code only passes around are incomplete types, and everything is declared unconditionally (the
 * `#if` each declaration sits under in ndis.h is kept as a comment). Code that compiles here should compile with the
 * WDK; the reverse is not promised. Extend it when an example needs more, keeping WDK names and shapes.
 */
#ifndef CONDIS_STUB_NDIS_H
#define CONDIS_STUB_NDIS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Pool tags are multi-character constants ('mCdN'), which MSVC accepts silently; so should the stub's users. */
#pragma GCC diagnostic ignored "-Wmultichar"

/* ---- Annotations: SAL 2, SAL 1 and NDIS 5 spellings, all empty ------------------------------------------------ */

#define _In_
#define _In_opt_
#define _In_z_
#define _In_reads_(s)
#define _In_reads_opt_(s)
#define _In_reads_bytes_(s)
#define _In_reads_bytes_opt_(s)
#define _Out_
#define _Out_opt_
#define _Out_writes_(s)
#define _Out_writes_bytes_(s)
#define _Out_writes_bytes_opt_(s)
#define _Inout_
#define _Inout_opt_
#define _Outptr_
#define _Outptr_result_maybenull_
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Must_inspect_result_
#define _Check_return_
#define _Use_decl_annotations_
#define _Success_(e)
#define _When_(c, a)
#define _Function_class_(x)
#define _IRQL_requires_(x)
#define _IRQL_requires_max_(x)
#define _IRQL_requires_min_(x)
#define _IRQL_raises_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(k, v)
#define _IRQL_restores_global_(k, v)
#define _IRQL_requires_same_
#define _Requires_lock_held_(l)
#define _Requires_lock_not_held_(l)
#define _Acquires_lock_(l)
#define _Releases_lock_(l)
#define _Post_writable_byte_size_(s)
#define _Field_size_(s)
#define _Field_size_bytes_(s)
#define _Null_terminated_
#define _Analysis_assume_(e)
#define __in
#define __in_opt
#define __out
#define __out_opt
#define __inout
#define __checkReturn
#define __drv_maxIRQL(x)
#define __drv_minIRQL(x)
#define __drv_requiresIRQL(x)
#define __drv_functionClass(x)
#define IN
#define OUT
#define OPTIONAL
#define NTAPI
#define EXPORT
#define FORCEINLINE static inline

#define PASSIVE_LEVEL  0
#define APC_LEVEL      1
#define DISPATCH_LEVEL 2

/* ---- Base types ------------------------------------------------------------------------------------------------- */

#define VOID void
#ifndef NULL
#define NULL ((void *)0)
#endif
#define TRUE  1
#define FALSE 0

typedef void *PVOID, **PPVOID;
typedef char CHAR, *PCHAR;
typedef unsigned char UCHAR, *PUCHAR;
typedef short SHORT, *PSHORT;
typedef unsigned short USHORT, *PUSHORT;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef long LONG, *PLONG;
typedef unsigned long ULONG, *PULONG;
typedef long long LONGLONG;
typedef unsigned long long ULONGLONG, ULONG64, *PULONG64;
typedef __INTPTR_TYPE__ LONG_PTR;
typedef __UINTPTR_TYPE__ ULONG_PTR, SIZE_T, *PSIZE_T;
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef unsigned short WCHAR, *PWCHAR, *PWSTR;
typedef const WCHAR *PCWSTR;
typedef UCHAR KIRQL, *PKIRQL;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef LONG NTSTATUS;

typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;

typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;

typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define ASSERT(e) ((void)0)
#define NT_SUCCESS(s) (((NTSTATUS)(s)) >= 0)
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field) (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#define CONTAINING_RECORD(address, type, field) ((type *)((PCHAR)(address) - (ULONG_PTR)FIELD_OFFSET(type, field)))

#define STATUS_SUCCESS              ((NTSTATUS)0x00000000L)
#define STATUS_PENDING              ((NTSTATUS)0x00000103L)
#define STATUS_UNSUCCESSFUL         ((NTSTATUS)0xC0000001L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)

typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;
typedef NTSTATUS (DRIVER_INITIALIZE)(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath);
typedef VOID (DRIVER_UNLOAD)(_In_ PDRIVER_OBJECT DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority = 0,
    NormalPoolPriority = 16,
    HighPoolPriority = 32,
} EX_POOL_PRIORITY;

/* ---- NDIS base types -------------------------------------------------------------------------------------------- */

typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;
typedef ULONG NDIS_OID, *PNDIS_OID;
typedef ULONG NDIS_PORT_NUMBER, *PNDIS_PORT_NUMBER;
typedef ULONG NDIS_AF, *PNDIS_AF;

/*
 * The NDIS_STATUS codes the CoNDIS pages mention (shared/condis/ndis-status.tsv), with the values ndis.h gives them.
 * Two rows of that table are not constants and are deliberately absent: NDIS_STATUS_XXX is the docs' placeholder for
 * "any other status", and NDIS_STATUS_INDICATION is the structure type further down.
 */
#define NDIS_STATUS_SUCCESS            ((NDIS_STATUS)0x00000000L)
#define NDIS_STATUS_PENDING            ((NDIS_STATUS)0x00000103L)
#define NDIS_STATUS_NOT_RECOGNIZED     ((NDIS_STATUS)0x00010001L)
#define NDIS_STATUS_NOT_ACCEPTED       ((NDIS_STATUS)0x00010003L)
#define NDIS_STATUS_RESET_START        ((NDIS_STATUS)0x40010004L)
#define NDIS_STATUS_FAILURE            ((NDIS_STATUS)0xC0000001L)
#define NDIS_STATUS_RESOURCES          ((NDIS_STATUS)0xC000009AL)
#define NDIS_STATUS_NOT_SUPPORTED      ((NDIS_STATUS)0xC00000BBL)
#define NDIS_STATUS_CLOSING            ((NDIS_STATUS)0xC0010002L)
#define NDIS_STATUS_REQUEST_ABORTED    ((NDIS_STATUS)0xC001000CL)
#define NDIS_STATUS_RESET_IN_PROGRESS  ((NDIS_STATUS)0xC001000DL)
#define NDIS_STATUS_CLOSING_INDICATING ((NDIS_STATUS)0xC001000EL)
#define NDIS_STATUS_INVALID_LENGTH     ((NDIS_STATUS)0xC0010014L)
#define NDIS_STATUS_INVALID_DATA       ((NDIS_STATUS)0xC0010015L)
#define NDIS_STATUS_BUFFER_TOO_SHORT   ((NDIS_STATUS)0xC0010016L)
#define NDIS_STATUS_INVALID_OID        ((NDIS_STATUS)0xC0010017L)

typedef struct _NDIS_OBJECT_HEADER {
    UCHAR Type;
    UCHAR Revision;
    USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;

#define NDIS_OBJECT_TYPE_DEFAULT                           0x80
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS   0x8A
#define NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS       0x90
#define NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS       0x91
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS   0x95
#define NDIS_OBJECT_TYPE_OID_REQUEST                       0x96
#define NDIS_OBJECT_TYPE_STATUS_INDICATION                 0x98
#define NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS 0xA5
#define NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS       0xA6

/* Objects CoNDIS code passes along without looking inside: incomplete on purpose. */
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NDIS_OID_REQUEST NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;
typedef struct _NDIS_REQUEST NDIS_REQUEST, *PNDIS_REQUEST;                  /* NDIS 5 */
typedef struct _NDIS_PACKET NDIS_PACKET, *PNDIS_PACKET, **PPNDIS_PACKET;   /* NDIS 5 */
typedef struct _VAR_STRING VAR_STRING, *PVAR_STRING;                        /* TAPI */
typedef struct _CO_CALL_MANAGER_PARAMETERS CO_CALL_MANAGER_PARAMETERS, *PCO_CALL_MANAGER_PARAMETERS;
typedef struct _CO_MEDIA_PARAMETERS CO_MEDIA_PARAMETERS, *PCO_MEDIA_PARAMETERS;
typedef struct _NDIS_BIND_PARAMETERS NDIS_BIND_PARAMETERS, *PNDIS_BIND_PARAMETERS;
typedef struct _NET_PNP_EVENT_NOTIFICATION NET_PNP_EVENT_NOTIFICATION, *PNET_PNP_EVENT_NOTIFICATION;
typedef struct _NDIS_MINIPORT_INIT_PARAMETERS NDIS_MINIPORT_INIT_PARAMETERS, *PNDIS_MINIPORT_INIT_PARAMETERS;
typedef struct _NDIS_MINIPORT_PAUSE_PARAMETERS NDIS_MINIPORT_PAUSE_PARAMETERS, *PNDIS_MINIPORT_PAUSE_PARAMETERS;
typedef struct _NDIS_MINIPORT_RESTART_PARAMETERS NDIS_MINIPORT_RESTART_PARAMETERS, *PNDIS_MINIPORT_RESTART_PARAMETERS;
typedef struct _NET_DEVICE_PNP_EVENT NET_DEVICE_PNP_EVENT, *PNET_DEVICE_PNP_EVENT;

#define CO_ADDRESS_FAMILY_Q2931      ((NDIS_AF)0x1)
#define CO_ADDRESS_FAMILY_PSCHED     ((NDIS_AF)0x2)
#define CO_ADDRESS_FAMILY_L2TP       ((NDIS_AF)0x3)
#define CO_ADDRESS_FAMILY_IRDA       ((NDIS_AF)0x4)
#define CO_ADDRESS_FAMILY_1394       ((NDIS_AF)0x5)
#define CO_ADDRESS_FAMILY_PPP        ((NDIS_AF)0x6)
#define CO_ADDRESS_FAMILY_INFINIBAND ((NDIS_AF)0x7)
#define CO_ADDRESS_FAMILY_TAPI       ((NDIS_AF)0x800)
#define CO_ADDRESS_FAMILY_TAPI_PROXY ((NDIS_AF)0x801)
#define CO_ADDRESS_FAMILY_PROXY      0x80000000

typedef struct _CO_ADDRESS_FAMILY {
    NDIS_AF AddressFamily;
    ULONG MajorVersion;
    ULONG MinorVersion;
} CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;

typedef struct _CO_SAP {
    ULONG SapType;
    ULONG SapLength;
    UCHAR Sap[1];
} CO_SAP, *PCO_SAP;

typedef struct _CO_CALL_PARAMETERS {
    ULONG Flags;
    PCO_CALL_MANAGER_PARAMETERS CallMgrParameters;
    PCO_MEDIA_PARAMETERS MediaParameters;
} CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;

/* The NDIS 6 status indication; NDIS_STATUS_INDICATION names this structure, not a status code. */
typedef struct _NDIS_STATUS_INDICATION {
    NDIS_OBJECT_HEADER Header;
    NDIS_HANDLE SourceHandle;
    NDIS_PORT_NUMBER PortNumber;
    NDIS_STATUS StatusCode;
    ULONG Flags;
    NDIS_HANDLE DestinationHandle;
    PVOID RequestId;
    PVOID StatusBuffer;
    ULONG StatusBufferSize;
    GUID Guid;
    PVOID NdisReserved[4];
} NDIS_STATUS_INDICATION, *PNDIS_STATUS_INDICATION;

typedef struct _NDIS_CALL_MANAGER_CHARACTERISTICS NDIS_CALL_MANAGER_CHARACTERISTICS, *PNDIS_CALL_MANAGER_CHARACTERISTICS;
typedef struct _NDIS_CLIENT_CHARACTERISTICS NDIS_CLIENT_CHARACTERISTICS, *PNDIS_CLIENT_CHARACTERISTICS;

/* ---- Role types: every callback of api.tsv, with the pointer type its handler-table field uses ------------------ */

/* Implemented by the call manager. */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_ACTIVATE_VC_COMPLETE) VOID (PROTOCOL_CM_ACTIVATE_VC_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE CallMgrVcContext, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_ACTIVATE_VC_COMPLETE (*CM_ACTIVATE_VC_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_ADD_PARTY) NDIS_STATUS (PROTOCOL_CM_ADD_PARTY)(_In_ NDIS_HANDLE CallMgrVcContext, _Inout_ PCO_CALL_PARAMETERS CallParameters, _In_ NDIS_HANDLE NdisPartyHandle, _Out_ PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_ADD_PARTY (*CM_ADD_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_CLOSE_AF) NDIS_STATUS (PROTOCOL_CM_CLOSE_AF)(_In_ NDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_CLOSE_AF (*CM_CLOSE_AF_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_CLOSE_CALL) NDIS_STATUS (PROTOCOL_CM_CLOSE_CALL)(_In_ NDIS_HANDLE CallMgrVcContext, _In_opt_ NDIS_HANDLE CallMgrPartyContext, _In_opt_ PVOID CloseData, _In_opt_ UINT Size);
typedef PROTOCOL_CM_CLOSE_CALL (*CM_CLOSE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DEACTIVATE_VC_COMPLETE) VOID (PROTOCOL_CM_DEACTIVATE_VC_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE CallMgrVcContext);
typedef PROTOCOL_CM_DEACTIVATE_VC_COMPLETE (*CM_DEACTIVATE_VC_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DEREGISTER_SAP) NDIS_STATUS (PROTOCOL_CM_DEREGISTER_SAP)(_In_ NDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_DEREGISTER_SAP (*CM_DEREG_SAP_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DROP_PARTY) NDIS_STATUS (PROTOCOL_CM_DROP_PARTY)(_In_ NDIS_HANDLE CallMgrPartyContext, _In_opt_ PVOID CloseData, _In_opt_ UINT Size);
typedef PROTOCOL_CM_DROP_PARTY (*CM_DROP_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_INCOMING_CALL_COMPLETE) VOID (PROTOCOL_CM_INCOMING_CALL_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE CallMgrVcContext, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_INCOMING_CALL_COMPLETE (*CM_INCOMING_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_MAKE_CALL) NDIS_STATUS (PROTOCOL_CM_MAKE_CALL)(_In_ NDIS_HANDLE CallMgrVcContext, _Inout_ PCO_CALL_PARAMETERS CallParameters, _In_opt_ NDIS_HANDLE NdisPartyHandle, _Out_opt_ PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_MAKE_CALL (*CM_MAKE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_MODIFY_QOS_CALL) NDIS_STATUS (PROTOCOL_CM_MODIFY_QOS_CALL)(_In_ NDIS_HANDLE CallMgrVcContext, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_MODIFY_QOS_CALL (*CM_MODIFY_CALL_QOS_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE) VOID (PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE)(_In_ NDIS_HANDLE CallMgrAfContext, _In_ NDIS_STATUS Status);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE (*CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_OPEN_AF) NDIS_STATUS (PROTOCOL_CM_OPEN_AF)(_In_ NDIS_HANDLE CallMgrBindingContext, _In_ PCO_ADDRESS_FAMILY AddressFamily, _In_ NDIS_HANDLE NdisAfHandle, _Out_ PNDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_OPEN_AF (*CM_OPEN_AF_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_REG_SAP) NDIS_STATUS (PROTOCOL_CM_REG_SAP)(_In_ NDIS_HANDLE CallMgrAfContext, _In_ PCO_SAP Sap, _In_ NDIS_HANDLE NdisSapHandle, _Out_ PNDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_REG_SAP (*CM_REG_SAP_HANDLER);

/* Implemented by the client. */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_ADD_PARTY_COMPLETE) VOID (PROTOCOL_CL_ADD_PARTY_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolPartyContext, _In_ NDIS_HANDLE NdisPartyHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_ADD_PARTY_COMPLETE (*CL_ADD_PARTY_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CALL_CONNECTED) VOID (PROTOCOL_CL_CALL_CONNECTED)(_In_ NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CL_CALL_CONNECTED (*CL_CALL_CONNECTED_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CLOSE_AF_COMPLETE) VOID (PROTOCOL_CL_CLOSE_AF_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolAfContext);
typedef PROTOCOL_CL_CLOSE_AF_COMPLETE (*CL_CLOSE_AF_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CLOSE_CALL_COMPLETE) VOID (PROTOCOL_CL_CLOSE_CALL_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_CLOSE_CALL_COMPLETE (*CL_CLOSE_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE) VOID (PROTOCOL_CL_DEREGISTER_SAP_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolSapContext);
typedef PROTOCOL_CL_DEREGISTER_SAP_COMPLETE (*CL_DEREG_SAP_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_DROP_PARTY_COMPLETE) VOID (PROTOCOL_CL_DROP_PARTY_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_DROP_PARTY_COMPLETE (*CL_DROP_PARTY_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CALL) NDIS_STATUS (PROTOCOL_CL_INCOMING_CALL)(_In_ NDIS_HANDLE ProtocolSapContext, _In_ NDIS_HANDLE ProtocolVcContext, _Inout_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL (*CL_INCOMING_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE) VOID (PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE)(_In_ NDIS_HANDLE ProtocolVcContext, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE (*CL_INCOMING_CALL_QOS_CHANGE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CLOSE_CALL) VOID (PROTOCOL_CL_INCOMING_CLOSE_CALL)(_In_ NDIS_STATUS CloseStatus, _In_ NDIS_HANDLE ProtocolVcContext, _In_opt_ PVOID CloseData, _In_opt_ UINT Size);
typedef PROTOCOL_CL_INCOMING_CLOSE_CALL (*CL_INCOMING_CLOSE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_DROP_PARTY) VOID (PROTOCOL_CL_INCOMING_DROP_PARTY)(_In_ NDIS_STATUS DropStatus, _In_ NDIS_HANDLE ProtocolPartyContext, _In_opt_ PVOID CloseData, _In_opt_ UINT Size);
typedef PROTOCOL_CL_INCOMING_DROP_PARTY (*CL_INCOMING_DROP_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_MAKE_CALL_COMPLETE) VOID (PROTOCOL_CL_MAKE_CALL_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE NdisPartyHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MAKE_CALL_COMPLETE (*CL_MAKE_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE) VOID (PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolVcContext, _In_ PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE (*CL_MODIFY_CALL_QOS_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_NOTIFY_CLOSE_AF) NDIS_STATUS (PROTOCOL_CL_NOTIFY_CLOSE_AF)(_In_ NDIS_HANDLE ClientAfContext);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CL_NOTIFY_CLOSE_AF (*CL_NOTIFY_CLOSE_AF_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_OPEN_AF_COMPLETE) VOID (PROTOCOL_CL_OPEN_AF_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolAfContext, _In_ NDIS_HANDLE NdisAfHandle);
typedef PROTOCOL_CL_OPEN_AF_COMPLETE (*CL_OPEN_AF_COMPLETE_HANDLER);
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(PROTOCOL_CL_OPEN_AF_COMPLETE_EX) VOID (PROTOCOL_CL_OPEN_AF_COMPLETE_EX)(_In_ NDIS_HANDLE ProtocolAfContext, _In_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_STATUS Status);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CL_OPEN_AF_COMPLETE_EX (*CL_OPEN_AF_COMPLETE_HANDLER_EX);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_REGISTER_SAP_COMPLETE) VOID (PROTOCOL_CL_REGISTER_SAP_COMPLETE)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolSapContext, _In_ PCO_SAP Sap, _In_ NDIS_HANDLE NdisSapHandle);
typedef PROTOCOL_CL_REGISTER_SAP_COMPLETE (*CL_REG_SAP_COMPLETE_HANDLER);

/* Implemented by the client or call manager. */
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(PROTOCOL_CO_AF_REGISTER_NOTIFY) VOID (PROTOCOL_CO_AF_REGISTER_NOTIFY)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PCO_ADDRESS_FAMILY AddressFamily);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY (*CO_AF_REGISTER_NOTIFY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_CREATE_VC) NDIS_STATUS (PROTOCOL_CO_CREATE_VC)(_In_ NDIS_HANDLE ProtocolAfContext, _In_ NDIS_HANDLE NdisVcHandle, _Out_ PNDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_CREATE_VC (*CO_CREATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_DELETE_VC) NDIS_STATUS (PROTOCOL_CO_DELETE_VC)(_In_ NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_DELETE_VC (*CO_DELETE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_OID_REQUEST) NDIS_STATUS (PROTOCOL_CO_OID_REQUEST)(_In_ NDIS_HANDLE ProtocolAfContext, _In_opt_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE ProtocolPartyContext, _Inout_ PNDIS_OID_REQUEST OidRequest);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CO_OID_REQUEST (*CO_OID_REQUEST_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_OID_REQUEST_COMPLETE) VOID (PROTOCOL_CO_OID_REQUEST_COMPLETE)(_In_opt_ NDIS_HANDLE ProtocolAfContext, _In_opt_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE ProtocolPartyContext, _In_ PNDIS_OID_REQUEST OidRequest, _In_ NDIS_STATUS Status);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CO_OID_REQUEST_COMPLETE (*CO_OID_REQUEST_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS) VOID (PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ NDIS_HANDLE ProtocolVcContext, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ ULONG NumberOfNetBufferLists, _In_ ULONG ReceiveFlags);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS (*CO_RECEIVE_NET_BUFFER_LISTS_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE) VOID (PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE)(_In_ NDIS_HANDLE ProtocolVcContext, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ ULONG SendCompleteFlags);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE (*CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_STATUS_EX) VOID (PROTOCOL_CO_STATUS_EX)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ NDIS_HANDLE ProtocolVcContext, _In_ PNDIS_STATUS_INDICATION StatusIndication);  /* NDIS_SUPPORT_NDIS6 */
typedef PROTOCOL_CO_STATUS_EX (*CO_STATUS_HANDLER_EX);

/* Implemented by the CoNDIS miniport. */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_ACTIVATE_VC) NDIS_STATUS (MINIPORT_CO_ACTIVATE_VC)(_In_ NDIS_HANDLE MiniportVcContext, _Inout_ PCO_CALL_PARAMETERS CallParameters);
typedef MINIPORT_CO_ACTIVATE_VC (*W_CO_ACTIVATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_CREATE_VC) NDIS_STATUS (MINIPORT_CO_CREATE_VC)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ NDIS_HANDLE NdisVcHandle, _Out_ PNDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_CREATE_VC (*W_CO_CREATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_DEACTIVATE_VC) NDIS_STATUS (MINIPORT_CO_DEACTIVATE_VC)(_In_ NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DEACTIVATE_VC (*W_CO_DEACTIVATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_DELETE_VC) NDIS_STATUS (MINIPORT_CO_DELETE_VC)(_In_ NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DELETE_VC (*W_CO_DELETE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_OID_REQUEST) NDIS_STATUS (MINIPORT_CO_OID_REQUEST)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ NDIS_HANDLE MiniportVcContext OPTIONAL, _Inout_ PNDIS_OID_REQUEST NdisRequest);  /* NDIS_SUPPORT_NDIS6 */
typedef MINIPORT_CO_OID_REQUEST (*W_CO_OID_REQUEST_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_SEND_NET_BUFFER_LISTS) VOID (MINIPORT_CO_SEND_NET_BUFFER_LISTS)(_In_ NDIS_HANDLE MiniportVcContext, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ ULONG SendFlags);  /* NDIS_SUPPORT_NDIS6 */
typedef MINIPORT_CO_SEND_NET_BUFFER_LISTS (*W_CO_SEND_NET_BUFFER_LISTS_HANDLER);

/* Implemented by the client or call manager. */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) UINT (*CO_RECEIVE_PACKET_HANDLER)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ NDIS_HANDLE ProtocolVcContext, _In_ PNDIS_PACKET Packet);  /* NDIS_LEGACY_DRIVER */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) VOID (*CO_REQUEST_COMPLETE_HANDLER)(_In_ NDIS_STATUS Status, _In_opt_ NDIS_HANDLE ProtocolAfContext, _In_opt_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE ProtocolPartyContext, _In_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_DRIVER */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS (*CO_REQUEST_HANDLER)(_In_ NDIS_HANDLE ProtocolAfContext, _In_opt_ NDIS_HANDLE ProtocolVcContext, _In_opt_ NDIS_HANDLE ProtocolPartyContext, _Inout_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_DRIVER */
typedef _IRQL_requires_(PASSIVE_LEVEL) VOID (*CO_SEND_COMPLETE_HANDLER)(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE ProtocolVcContext, _In_ PNDIS_PACKET Packet);  /* NDIS_LEGACY_DRIVER */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) VOID (*CO_STATUS_HANDLER)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_opt_ NDIS_HANDLE ProtocolVcContext, _In_ NDIS_STATUS GeneralStatus, _In_ PVOID StatusBuffer, _In_ UINT StatusBufferSize);  /* NDIS_LEGACY_DRIVER */

/* Implemented by the CoNDIS miniport. */
typedef NDIS_STATUS (*W_CO_REQUEST_HANDLER)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ NDIS_HANDLE MiniportVcContext OPTIONAL, _Inout_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_MINIPORT */
typedef VOID (*W_CO_SEND_PACKETS_HANDLER)(_In_ NDIS_HANDLE MiniportVcContext, _In_ PPNDIS_PACKET PacketArray, _In_ UINT NumberOfPackets);  /* NDIS_LEGACY_MINIPORT */

/* ---- Handler tables --------------------------------------------------------------------------------------------- */

/* A stand-alone CM (from ProtocolSetOptions) or an MCM (from MiniportSetOptions) passes this to NdisSetOptionalHandlers. */
typedef struct _NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS {
    NDIS_OBJECT_HEADER Header;
    ULONG Reserved;
    CO_CREATE_VC_HANDLER CmCreateVcHandler;
    CO_DELETE_VC_HANDLER CmDeleteVcHandler;
    CM_OPEN_AF_HANDLER CmOpenAfHandler;
    CM_CLOSE_AF_HANDLER CmCloseAfHandler;
    CM_REG_SAP_HANDLER CmRegisterSapHandler;
    CM_DEREG_SAP_HANDLER CmDeregisterSapHandler;
    CM_MAKE_CALL_HANDLER CmMakeCallHandler;
    CM_CLOSE_CALL_HANDLER CmCloseCallHandler;
    CM_INCOMING_CALL_COMPLETE_HANDLER CmIncomingCallCompleteHandler;
    CM_ADD_PARTY_HANDLER CmAddPartyHandler;
    CM_DROP_PARTY_HANDLER CmDropPartyHandler;
    CM_ACTIVATE_VC_COMPLETE_HANDLER CmActivateVcCompleteHandler;
    CM_DEACTIVATE_VC_COMPLETE_HANDLER CmDeactivateVcCompleteHandler;
    CM_MODIFY_CALL_QOS_HANDLER CmModifyCallQoSHandler;
    CO_OID_REQUEST_HANDLER CmOidRequestHandler;
    CO_OID_REQUEST_COMPLETE_HANDLER CmOidRequestCompleteHandler;
    CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER CmNotifyCloseAfCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

#define NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 1
#define NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, CmNotifyCloseAfCompleteHandler)

typedef struct _NDIS_CO_CLIENT_OPTIONAL_HANDLERS {
    NDIS_OBJECT_HEADER Header;
    ULONG Reserved;
    CO_CREATE_VC_HANDLER ClCreateVcHandler;
    CO_DELETE_VC_HANDLER ClDeleteVcHandler;
    CO_OID_REQUEST_HANDLER ClOidRequestHandler;
    CO_OID_REQUEST_COMPLETE_HANDLER ClOidRequestCompleteHandler;
    CL_OPEN_AF_COMPLETE_HANDLER_EX ClOpenAfCompleteHandlerEx;
    CL_CLOSE_AF_COMPLETE_HANDLER ClCloseAfCompleteHandler;
    CL_REG_SAP_COMPLETE_HANDLER ClRegisterSapCompleteHandler;
    CL_DEREG_SAP_COMPLETE_HANDLER ClDeregisterSapCompleteHandler;
    CL_MAKE_CALL_COMPLETE_HANDLER ClMakeCallCompleteHandler;
    CL_MODIFY_CALL_QOS_COMPLETE_HANDLER ClModifyCallQoSCompleteHandler;
    CL_CLOSE_CALL_COMPLETE_HANDLER ClCloseCallCompleteHandler;
    CL_ADD_PARTY_COMPLETE_HANDLER ClAddPartyCompleteHandler;
    CL_DROP_PARTY_COMPLETE_HANDLER ClDropPartyCompleteHandler;
    CL_INCOMING_CALL_HANDLER ClIncomingCallHandler;
    CL_INCOMING_CALL_QOS_CHANGE_HANDLER ClIncomingCallQoSChangeHandler;
    CL_INCOMING_CLOSE_CALL_HANDLER ClIncomingCloseCallHandler;
    CL_INCOMING_DROP_PARTY_HANDLER ClIncomingDropPartyHandler;
    CL_CALL_CONNECTED_HANDLER ClCallConnectedHandler;
    CL_NOTIFY_CLOSE_AF_HANDLER ClNotifyCloseAfHandler;
} NDIS_CO_CLIENT_OPTIONAL_HANDLERS, *PNDIS_CO_CLIENT_OPTIONAL_HANDLERS;

#define NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 1
#define NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NDIS_CO_CLIENT_OPTIONAL_HANDLERS, ClNotifyCloseAfHandler)

/* A CoNDIS miniport (and the miniport half of an MCM) passes this to NdisSetOptionalHandlers from MiniportSetOptions. */
typedef struct _NDIS_MINIPORT_CO_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    ULONG Flags;
    W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
    W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
    W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
    W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
    W_CO_SEND_NET_BUFFER_LISTS_HANDLER CoSendNetBufferListsHandler;
    W_CO_OID_REQUEST_HANDLER CoOidRequestHandler;
} NDIS_MINIPORT_CO_CHARACTERISTICS, *PNDIS_MINIPORT_CO_CHARACTERISTICS;

#define NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1 1
#define NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_CO_CHARACTERISTICS, CoOidRequestHandler)

/* A CoNDIS protocol driver (client or stand-alone CM) may pass this to NdisSetOptionalHandlers too. */
typedef struct _NDIS_PROTOCOL_CO_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    ULONG Flags;
    CO_STATUS_HANDLER_EX CoStatusHandlerEx;
    CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
    CO_RECEIVE_NET_BUFFER_LISTS_HANDLER CoReceiveNetBufferListsHandler;
    CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER CoSendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_CO_CHARACTERISTICS, *PNDIS_PROTOCOL_CO_CHARACTERISTICS;

#define NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 1
#define NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_CO_CHARACTERISTICS, CoSendNetBufferListsCompleteHandler)

/* NDIS 5: passed to NdisCmRegisterAddressFamily / NdisMCmRegisterAddressFamily. */
struct _NDIS_CALL_MANAGER_CHARACTERISTICS {
    UCHAR MajorVersion;
    UCHAR MinorVersion;
    USHORT Filler;
    UINT Reserved;
    CO_CREATE_VC_HANDLER CmCreateVcHandler;
    CO_DELETE_VC_HANDLER CmDeleteVcHandler;
    CM_OPEN_AF_HANDLER CmOpenAfHandler;
    CM_CLOSE_AF_HANDLER CmCloseAfHandler;
    CM_REG_SAP_HANDLER CmRegisterSapHandler;
    CM_DEREG_SAP_HANDLER CmDeregisterSapHandler;
    CM_MAKE_CALL_HANDLER CmMakeCallHandler;
    CM_CLOSE_CALL_HANDLER CmCloseCallHandler;
    CM_INCOMING_CALL_COMPLETE_HANDLER CmIncomingCallCompleteHandler;
    CM_ADD_PARTY_HANDLER CmAddPartyHandler;
    CM_DROP_PARTY_HANDLER CmDropPartyHandler;
    CM_ACTIVATE_VC_COMPLETE_HANDLER CmActivateVcCompleteHandler;
    CM_DEACTIVATE_VC_COMPLETE_HANDLER CmDeactivateVcCompleteHandler;
    CM_MODIFY_CALL_QOS_HANDLER CmModifyCallQoSHandler;
    CO_REQUEST_HANDLER CmRequestHandler;
    CO_REQUEST_COMPLETE_HANDLER CmRequestCompleteHandler;
};

/* NDIS 5: passed to NdisClOpenAddressFamily. */
struct _NDIS_CLIENT_CHARACTERISTICS {
    UCHAR MajorVersion;
    UCHAR MinorVersion;
    USHORT Filler;
    UINT Reserved;
    CO_CREATE_VC_HANDLER ClCreateVcHandler;
    CO_DELETE_VC_HANDLER ClDeleteVcHandler;
    CO_REQUEST_HANDLER ClRequestHandler;
    CO_REQUEST_COMPLETE_HANDLER ClRequestCompleteHandler;
    CL_OPEN_AF_COMPLETE_HANDLER ClOpenAfCompleteHandler;
    CL_CLOSE_AF_COMPLETE_HANDLER ClCloseAfCompleteHandler;
    CL_REG_SAP_COMPLETE_HANDLER ClRegisterSapCompleteHandler;
    CL_DEREG_SAP_COMPLETE_HANDLER ClDeregisterSapCompleteHandler;
    CL_MAKE_CALL_COMPLETE_HANDLER ClMakeCallCompleteHandler;
    CL_MODIFY_CALL_QOS_COMPLETE_HANDLER ClModifyCallQoSCompleteHandler;
    CL_CLOSE_CALL_COMPLETE_HANDLER ClCloseCallCompleteHandler;
    CL_ADD_PARTY_COMPLETE_HANDLER ClAddPartyCompleteHandler;
    CL_DROP_PARTY_COMPLETE_HANDLER ClDropPartyCompleteHandler;
    CL_INCOMING_CALL_HANDLER ClIncomingCallHandler;
    CL_INCOMING_CALL_QOS_CHANGE_HANDLER ClIncomingCallQoSChangeHandler;
    CL_INCOMING_CLOSE_CALL_HANDLER ClIncomingCloseCallHandler;
    CL_INCOMING_DROP_PARTY_HANDLER ClIncomingDropPartyHandler;
    CL_CALL_CONNECTED_HANDLER ClCallConnectedHandler;
};

/* ---- Driver registration (shapes from ndis.h; not in api.tsv) --------------------------------------------------- */

/* XxxSetOptions: where a driver calls NdisSetOptionalHandlers. */
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(SET_OPTIONS) NDIS_STATUS (SET_OPTIONS)(_In_ NDIS_HANDLE NdisDriverHandle, _In_ NDIS_HANDLE DriverContext);
typedef SET_OPTIONS (*SET_OPTIONS_HANDLER);
typedef SET_OPTIONS (MINIPORT_SET_OPTIONS);
typedef SET_OPTIONS (PROTOCOL_SET_OPTIONS);
typedef SET_OPTIONS (FILTER_SET_OPTIONS);

typedef struct _NDIS_DRIVER_OPTIONAL_HANDLERS {
    NDIS_OBJECT_HEADER Header;
} NDIS_DRIVER_OPTIONAL_HANDLERS, *PNDIS_DRIVER_OPTIONAL_HANDLERS;

_IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisSetOptionalHandlers(_In_ NDIS_HANDLE NdisHandle, _In_ PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers);

/* Protocol driver (a stand-alone CM or a client). */
typedef NDIS_STATUS (PROTOCOL_BIND_ADAPTER_EX)(_In_ NDIS_HANDLE ProtocolDriverContext, _In_ NDIS_HANDLE BindContext, _In_ PNDIS_BIND_PARAMETERS BindParameters);
typedef NDIS_STATUS (PROTOCOL_UNBIND_ADAPTER_EX)(_In_ NDIS_HANDLE UnbindContext, _In_ NDIS_HANDLE ProtocolBindingContext);
typedef VOID (PROTOCOL_OPEN_ADAPTER_COMPLETE_EX)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ NDIS_STATUS Status);
typedef VOID (PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX)(_In_ NDIS_HANDLE ProtocolBindingContext);
typedef NDIS_STATUS (PROTOCOL_NET_PNP_EVENT)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification);
typedef VOID (PROTOCOL_UNINSTALL)(VOID);
typedef VOID (PROTOCOL_OID_REQUEST_COMPLETE)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PNDIS_OID_REQUEST OidRequest, _In_ NDIS_STATUS Status);
typedef VOID (PROTOCOL_STATUS_EX)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PNDIS_STATUS_INDICATION StatusIndication);
typedef VOID (PROTOCOL_RECEIVE_NET_BUFFER_LISTS)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ NDIS_PORT_NUMBER PortNumber, _In_ ULONG NumberOfNetBufferLists, _In_ ULONG ReceiveFlags);
typedef VOID (PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE)(_In_ NDIS_HANDLE ProtocolBindingContext, _In_ PNET_BUFFER_LIST NetBufferList, _In_ ULONG SendCompleteFlags);

typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    NDIS_STRING Name;
    SET_OPTIONS_HANDLER SetOptionsHandler;
    PROTOCOL_BIND_ADAPTER_EX *BindAdapterHandlerEx;
    PROTOCOL_UNBIND_ADAPTER_EX *UnbindAdapterHandlerEx;
    PROTOCOL_OPEN_ADAPTER_COMPLETE_EX *OpenAdapterCompleteHandlerEx;
    PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX *CloseAdapterCompleteHandlerEx;
    PROTOCOL_NET_PNP_EVENT *NetPnPEventHandler;
    PROTOCOL_UNINSTALL *UninstallHandler;
    PROTOCOL_OID_REQUEST_COMPLETE *OidRequestCompleteHandler;
    PROTOCOL_STATUS_EX *StatusHandlerEx;
    PROTOCOL_RECEIVE_NET_BUFFER_LISTS *ReceiveNetBufferListsHandler;
    PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE *SendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;

#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 1

_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisRegisterProtocolDriver(_In_opt_ NDIS_HANDLE ProtocolDriverContext, _In_ PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics, _Out_ PNDIS_HANDLE NdisProtocolHandle);
_IRQL_requires_(PASSIVE_LEVEL) VOID NdisDeregisterProtocolDriver(_In_ NDIS_HANDLE NdisProtocolHandle);

/* Miniport driver (a CoNDIS miniport or an MCM). */
typedef enum _NDIS_HALT_ACTION {
    NdisHaltDeviceDisabled,
    NdisHaltDeviceInstanceDeInitialized,
    NdisHaltDevicePoweredDown,
    NdisHaltDeviceSurpriseRemoved,
    NdisHaltDeviceFailed,
    NdisHaltDeviceInitializationFailed,
    NdisHaltDeviceStopped,
} NDIS_HALT_ACTION;

typedef enum _NDIS_SHUTDOWN_ACTION {
    NdisShutdownPowerOff,
    NdisShutdownBugCheck,
} NDIS_SHUTDOWN_ACTION;

typedef NDIS_STATUS (MINIPORT_INITIALIZE)(_In_ NDIS_HANDLE NdisMiniportHandle, _In_ NDIS_HANDLE MiniportDriverContext, _In_ PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters);
typedef VOID (MINIPORT_HALT)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ NDIS_HALT_ACTION HaltAction);
typedef DRIVER_UNLOAD MINIPORT_UNLOAD;
typedef NDIS_STATUS (MINIPORT_PAUSE)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters);
typedef NDIS_STATUS (MINIPORT_RESTART)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters);
typedef NDIS_STATUS (MINIPORT_OID_REQUEST)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNDIS_OID_REQUEST OidRequest);
typedef VOID (MINIPORT_SEND_NET_BUFFER_LISTS)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNET_BUFFER_LIST NetBufferList, _In_ NDIS_PORT_NUMBER PortNumber, _In_ ULONG SendFlags);
typedef VOID (MINIPORT_RETURN_NET_BUFFER_LISTS)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ ULONG ReturnFlags);
typedef VOID (MINIPORT_CANCEL_SEND)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PVOID CancelId);
typedef VOID (MINIPORT_DEVICE_PNP_EVENT_NOTIFY)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PNET_DEVICE_PNP_EVENT NetDevicePnPEvent);
typedef VOID (MINIPORT_SHUTDOWN)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ NDIS_SHUTDOWN_ACTION ShutdownAction);
typedef VOID (MINIPORT_CANCEL_OID_REQUEST)(_In_ NDIS_HANDLE MiniportAdapterContext, _In_ PVOID RequestId);

typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    SET_OPTIONS_HANDLER SetOptionsHandler;
    MINIPORT_INITIALIZE *InitializeHandlerEx;
    MINIPORT_HALT *HaltHandlerEx;
    MINIPORT_UNLOAD *UnloadHandler;
    MINIPORT_PAUSE *PauseHandler;
    MINIPORT_RESTART *RestartHandler;
    MINIPORT_OID_REQUEST *OidRequestHandler;
    MINIPORT_SEND_NET_BUFFER_LISTS *SendNetBufferListsHandler;
    MINIPORT_RETURN_NET_BUFFER_LISTS *ReturnNetBufferListsHandler;
    MINIPORT_CANCEL_SEND *CancelSendHandler;
    PVOID CheckForHangHandlerEx;
    PVOID ResetHandlerEx;
    MINIPORT_DEVICE_PNP_EVENT_NOTIFY *DevicePnPEventNotifyHandler;
    MINIPORT_SHUTDOWN *ShutdownHandlerEx;
    MINIPORT_CANCEL_OID_REQUEST *CancelOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;

#define NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 1

_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisMRegisterMiniportDriver(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath, _In_opt_ NDIS_HANDLE MiniportDriverContext, _In_ PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics, _Out_ PNDIS_HANDLE NdisMiniportDriverHandle);
_IRQL_requires_(PASSIVE_LEVEL) VOID NdisMDeregisterMiniportDriver(_In_ NDIS_HANDLE NdisMiniportDriverHandle);

/* ---- General NDIS services the snippets and examples use (not in api.tsv) --------------------------------------- */

typedef struct _NDIS_SPIN_LOCK {
    KSPIN_LOCK SpinLock;
    KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisAllocateSpinLock(_Out_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisFreeSpinLock(_In_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisAcquireSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisReleaseSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL) VOID NdisDprAcquireSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL) VOID NdisDprReleaseSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL) PVOID NdisAllocateMemoryWithTagPriority(_In_ NDIS_HANDLE NdisHandle, _In_ UINT Length, _In_ ULONG Tag, _In_ EX_POOL_PRIORITY Priority);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisFreeMemoryWithTagPriority(_In_ NDIS_HANDLE NdisHandle, _In_ PVOID VirtualAddress, _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisFreeMemory(_In_ PVOID VirtualAddress, _In_ UINT Length, _In_ UINT MemoryFlags);
VOID NdisZeroMemory(_Out_writes_bytes_(Length) PVOID Destination, _In_ SIZE_T Length);
VOID NdisMoveMemory(_Out_writes_bytes_(Length) PVOID Destination, _In_reads_bytes_(Length) const void *Source, _In_ SIZE_T Length);

_IRQL_requires_max_(DISPATCH_LEVEL) LONG NdisInterlockedIncrement(_Inout_ PLONG Addend);
_IRQL_requires_max_(DISPATCH_LEVEL) LONG NdisInterlockedDecrement(_Inout_ PLONG Addend);

/* Deferring work to PASSIVE_LEVEL. */
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(NDIS_IO_WORKITEM_FUNCTION) VOID (NDIS_IO_WORKITEM_FUNCTION)(_In_opt_ PVOID WorkItemContext, _In_ NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION (*NDIS_IO_WORKITEM_ROUTINE);
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_HANDLE NdisAllocateIoWorkItem(_In_ NDIS_HANDLE NdisObjectHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisQueueIoWorkItem(_In_ NDIS_HANDLE NdisIoWorkItemHandle, _In_ NDIS_IO_WORKITEM_ROUTINE Routine, _In_ PVOID WorkItemContext);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisFreeIoWorkItem(_In_ NDIS_HANDLE NdisIoWorkItemHandle);

/* Timers run at DISPATCH_LEVEL. */
typedef _IRQL_requires_(DISPATCH_LEVEL) _Function_class_(NDIS_TIMER_FUNCTION) VOID (NDIS_TIMER_FUNCTION)(_In_ PVOID SystemSpecific1, _In_ PVOID FunctionContext, _In_ PVOID SystemSpecific2, _In_ PVOID SystemSpecific3);

/* Doubly linked lists (inline functions in wdm.h). */
FORCEINLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead) { ListHead->Flink = ListHead->Blink = ListHead; }
FORCEINLINE BOOLEAN IsListEmpty(_In_ const LIST_ENTRY *ListHead) { return (BOOLEAN)(ListHead->Flink == ListHead); }
FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead, _Out_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Blink = ListHead->Blink;
    Entry->Flink = ListHead;
    Entry->Blink = Blink;
    Blink->Flink = Entry;
    ListHead->Blink = Entry;
}
FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead, _Out_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Flink = ListHead->Flink;
    Entry->Flink = Flink;
    Entry->Blink = ListHead;
    Flink->Blink = Entry;
    ListHead->Flink = Entry;
}
FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Flink = Entry->Flink;
    PLIST_ENTRY Blink = Entry->Blink;
    Blink->Flink = Flink;
    Flink->Blink = Blink;
    return (BOOLEAN)(Flink == Blink);
}
FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Flink;
    RemoveEntryList(Entry);
    return Entry;
}

/* ---- Functions: every api.tsv function, as its prototype_sal column spells it ---------------------------------- */

/* Called by the stand-alone call manager (NdisCm*). */
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCmActivateVc(_In_ NDIS_HANDLE NdisVcHandle, _Inout_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmAddPartyComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisPartyHandle, _In_opt_ NDIS_HANDLE CallMgrPartyContext, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmCloseAddressFamilyComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisAfHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmCloseCallComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCmDeactivateVc(_In_ NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDeregisterSapComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisSapHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDispatchCallConnected(_In_ NDIS_HANDLE NdisVcHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCmDispatchIncomingCall(_In_ NDIS_HANDLE NdisSapHandle, _In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDispatchIncomingCallQoSChange(_In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDispatchIncomingCloseCall(_In_ NDIS_STATUS CloseStatus, _In_ NDIS_HANDLE NdisVcHandle, _In_reads_bytes_opt_(Size) PVOID Buffer, _In_ UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDispatchIncomingDropParty(_In_ NDIS_STATUS DropStatus, _In_ NDIS_HANDLE NdisPartyHandle, _In_reads_bytes_opt_(Size) PVOID Buffer, _In_ UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmDropPartyComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmMakeCallComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _In_opt_ NDIS_HANDLE CallMgrPartyContext, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmModifyCallQoSComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisCmNotifyCloseAddressFamily(_In_ NDIS_HANDLE NdisAfHandle);  /* (NDIS_SUPPORT_NDIS6) */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmOpenAddressFamilyComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_HANDLE CallMgrAfContext);
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisCmRegisterAddressFamily(_In_ NDIS_HANDLE NdisBindingHandle, _In_ PCO_ADDRESS_FAMILY AddressFamily, _In_ PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics, _In_ UINT SizeOfCmCharacteristics);  /* NDIS_LEGACY_DRIVER */
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisCmRegisterAddressFamilyEx(_In_ NDIS_HANDLE NdisBindingHandle, _In_ PCO_ADDRESS_FAMILY AddressFamily);  /* (NDIS_SUPPORT_NDIS6) */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCmRegisterSapComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisSapHandle, _In_ NDIS_HANDLE CallMgrSapContext);

/* Called by the miniport call manager (NdisMCm*). */
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisMCmActivateVc(_In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisMCmCreateVc(_In_ NDIS_HANDLE MiniportAdapterHandle, _In_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_HANDLE MiniportVcContext, _Out_ PNDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisMCmDeactivateVc(_In_ NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisMCmDeleteVc(_In_ NDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisMCmOidRequest(_In_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _Inout_ PNDIS_OID_REQUEST NdisOidRequest);  /* NDIS_SUPPORT_NDIS6 */
NDIS_STATUS NdisMCmRegisterAddressFamily(IN NDIS_HANDLE MiniportAdapterHandle, IN PCO_ADDRESS_FAMILY AddressFamily, IN PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics, IN UINT SizeOfCmCharacteristics);
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisMCmRegisterAddressFamilyEx(_In_ NDIS_HANDLE MiniportAdapterHandle, _In_ PCO_ADDRESS_FAMILY AddressFamily);  /* (NDIS_SUPPORT_NDIS6) */
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisMCmRequest(_In_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _Inout_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_MINIPORT */

/* Called by the client (NdisCl*). */
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClAddParty(_In_ NDIS_HANDLE NdisVcHandle, _In_ NDIS_HANDLE ProtocolPartyContext, _Inout_ PCO_CALL_PARAMETERS CallParameters, _Out_ PNDIS_HANDLE NdisPartyHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClCloseAddressFamily(_In_ NDIS_HANDLE NdisAfHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClCloseCall(_In_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _In_reads_bytes_opt_(Size) PVOID Buffer, _In_ UINT Size);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClDeregisterSap(_In_ NDIS_HANDLE NdisSapHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClDropParty(_In_ NDIS_HANDLE NdisPartyHandle, _In_reads_bytes_opt_(Size) PVOID Buffer, _In_opt_ UINT Size);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(_In_ UNICODE_STRING TapiCallId, _Out_ PNDIS_HANDLE ProtocolVcContext);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisClIncomingCallComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClMakeCall(_In_ NDIS_HANDLE NdisVcHandle, _Inout_ PCO_CALL_PARAMETERS CallParameters, _In_opt_ NDIS_HANDLE ProtocolPartyContext, _Out_opt_ PNDIS_HANDLE NdisPartyHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClModifyCallQoS(_In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisClNotifyCloseAddressFamilyComplete(_In_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_STATUS Status);  /* (NDIS_SUPPORT_NDIS6) */
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisClOpenAddressFamily(_In_ NDIS_HANDLE NdisBindingHandle, _In_ PCO_ADDRESS_FAMILY AddressFamily, _In_ NDIS_HANDLE ProtocolAfContext, _In_ PNDIS_CLIENT_CHARACTERISTICS ClCharacteristics, _In_ UINT SizeOfClCharacteristics, _Out_ PNDIS_HANDLE NdisAfHandle);  /* NDIS_LEGACY_PROTOCOL */
_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL) NDIS_STATUS NdisClOpenAddressFamilyEx(_In_ NDIS_HANDLE NdisBindingHandle, _In_ PCO_ADDRESS_FAMILY AddressFamily, _In_ NDIS_HANDLE ClientAfContext, _Out_ PNDIS_HANDLE NdisAfHandle);  /* (NDIS_SUPPORT_NDIS6) */
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisClRegisterSap(_In_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_HANDLE ProtocolSapContext, _In_ PCO_SAP Sap, _Out_ PNDIS_HANDLE NdisSapHandle);

/* Called by the any CoNDIS driver (NdisCo*). */
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) NDIS_STATUS NdisCoAssignInstanceName(_In_ NDIS_HANDLE NdisVcHandle, _In_ PNDIS_STRING BaseInstanceName, _Out_opt_ PNDIS_STRING VcInstanceName);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCoCreateVc(_In_ NDIS_HANDLE NdisBindingHandle, _In_opt_ NDIS_HANDLE NdisAfHandle, _In_ NDIS_HANDLE ProtocolVcContext, _Inout_ PNDIS_HANDLE NdisVcHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCoDeleteVc(_In_ NDIS_HANDLE NdisVcHandle);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) NDIS_STATUS NdisCoGetTapiCallId(_In_ NDIS_HANDLE NdisVcHandle, _Inout_ PVAR_STRING TapiCallId);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCoOidRequest(_In_ NDIS_HANDLE NdisBindingHandle, _In_opt_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _Inout_ PNDIS_OID_REQUEST OidRequest);  /* (NDIS_SUPPORT_NDIS6) */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCoOidRequestComplete(_In_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _In_ PNDIS_OID_REQUEST OidRequest, _In_ NDIS_STATUS Status);  /* (NDIS_SUPPORT_NDIS6) */
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS NdisCoRequest(_In_ NDIS_HANDLE NdisBindingHandle, _In_opt_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _Inout_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_PROTOCOL */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCoRequestComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisAfHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_opt_ NDIS_HANDLE NdisPartyHandle, _In_ PNDIS_REQUEST NdisRequest);  /* NDIS_LEGACY_PROTOCOL */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCoSendNetBufferLists(_In_ NDIS_HANDLE NdisVcHandle, _In_ PNET_BUFFER_LIST NetBufferLists, _In_ ULONG SendFlags);  /* (NDIS_SUPPORT_NDIS6) */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisCoSendPackets(_In_ NDIS_HANDLE NdisVcHandle, _In_ PPNDIS_PACKET PacketArray, _In_ UINT NumberOfPackets);  /* NDIS_LEGACY_PROTOCOL */

/* Called by the CoNDIS miniport (NdisMCo*). */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisMCoActivateVcComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_ PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisMCoDeactivateVcComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle);
VOID NdisMCoIndicateReceiveNetBufferLists(IN NDIS_HANDLE NdisVcHandle, IN PNET_BUFFER_LIST NetBufferLists, IN ULONG NumberOfNetBufferLists, IN ULONG CoReceiveFlags);  /* NDIS_SUPPORT_NDIS6 */
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) VOID NdisMCoIndicateReceivePacket(_In_ NDIS_HANDLE NdisVcHandle, _In_ PPNDIS_PACKET PacketArray, _In_ UINT NumberOfPackets);  /* NDIS_LEGACY_MINIPORT */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisMCoIndicateStatus(_In_ NDIS_HANDLE MiniportAdapterHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_ NDIS_STATUS GeneralStatus, _In_reads_bytes_opt_(StatusBufferSize) PVOID StatusBuffer, _In_ ULONG StatusBufferSize);  /* NDIS_LEGACY_MINIPORT */
VOID NdisMCoIndicateStatusEx(_In_ NDIS_HANDLE MiniportAdapterHandle, _In_opt_ NDIS_HANDLE NdisVcHandle, _In_ PNDIS_STATUS_INDICATION StatusIndication);  /* NDIS_SUPPORT_NDIS6 */
VOID NdisMCoOidRequestComplete(_In_ NDIS_HANDLE MiniportAdapterHandle, _In_ NDIS_HANDLE NdisMiniportVcHandle, _In_ PNDIS_OID_REQUEST Request, _In_ NDIS_STATUS Status);  /* NDIS_SUPPORT_NDIS6 */
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) VOID NdisMCoReceiveComplete(_In_ NDIS_HANDLE MiniportAdapterHandle);  /* NDIS_LEGACY_MINIPORT */
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisMCoRequestComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE MiniportAdapterHandle, _In_ PNDIS_REQUEST Request);  /* NDIS_LEGACY_MINIPORT */
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL) VOID NdisMCoSendComplete(_In_ NDIS_STATUS Status, _In_ NDIS_HANDLE NdisVcHandle, _In_ PNDIS_PACKET Packet);  /* NDIS_LEGACY_MINIPORT */
VOID NdisMCoSendNetBufferListsComplete(IN NDIS_HANDLE NdisVcHandle, IN PNET_BUFFER_LIST NetBufferLists, IN ULONG SendCompleteFlags);  /* NDIS_SUPPORT_NDIS6 */

/* ---- The NdisMCm* macros: exactly as api.tsv's declaration_form says --------------------------------------------- */

#define NdisMCmAddPartyComplete(_S_, _H_, _C_, _P_) NdisCmAddPartyComplete(_S_, _H_, _C_, _P_)
#define NdisMCmCloseAddressFamilyComplete(_S_, _H_) NdisCmCloseAddressFamilyComplete(_S_, _H_)
#define NdisMCmCloseCallComplete(_S_, _VH_, _PH_) NdisCmCloseCallComplete(_S_, _VH_, _PH_)
#define NdisMCmDeregisterSapComplete(_S_, _H_) NdisCmDeregisterSapComplete(_S_, _H_)
#define NdisMCmDispatchCallConnected(_H_) NdisCmDispatchCallConnected(_H_)
#define NdisMCmDispatchIncomingCall(_SH_, _VH_, _CP_) NdisCmDispatchIncomingCall(_SH_, _VH_, _CP_)
#define NdisMCmDispatchIncomingCallQoSChange(_H_, _P_) NdisCmDispatchIncomingCallQoSChange(_H_, _P_)
#define NdisMCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_)
#define NdisMCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_)
#define NdisMCmDropPartyComplete(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define NdisMCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_) NdisCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_)
#define NdisMCmModifyCallQoSComplete(_S_, _H_, _P_) NdisCmModifyCallQoSComplete(_S_, _H_, _P_)
#define NdisMCmNotifyCloseAddressFamily(_AH_) NdisCmNotifyCloseAddressFamily(_AH_)
#define NdisMCmOidRequestComplete(_AH_, _VH_, _PH_, _R_, _S_) NdisCoOidRequestComplete(_AH_, _VH_, _PH_, _R_, _S_)  /* (NDIS_SUPPORT_NDIS6 || NDIS60) */
#define NdisMCmOpenAddressFamilyComplete(_S_, _H_, _C_) NdisCmOpenAddressFamilyComplete(_S_, _H_, _C_)
#define NdisMCmRegisterSapComplete(_S_, _H_, _C_) NdisCmRegisterSapComplete(_S_, _H_, _C_)
#define NdisMCmRequestComplete(_S_, _AH_, _VH_, _PH_, _R_) NdisCoRequestComplete(_S_, _AH_, _VH_, _PH_, _R_)  /* NDIS_LEGACY_MINIPORT */

#ifdef __cplusplus
}
#endif

#endif /* CONDIS_STUB_NDIS_H */
