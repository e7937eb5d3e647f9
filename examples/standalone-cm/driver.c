// driver.c - registration and bindings: DriverEntry, the handler tables, bind (open the adapter, start
// signalling, register the address family) and unbind (in the reverse order).
#include "cm.h"

NDIS_HANDLE ExCmProtocolHandle;

// The one address family ExCm offers on every binding.
CO_ADDRESS_FAMILY ExCmAddressFamily = { CO_ADDRESS_FAMILY_Q2931, 3, 1 };

_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
    NDIS_STRING Name = NDIS_STRING_CONST("ExCm");
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
    Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
    Chars.MajorDriverVersion = 1;
    Chars.Name = Name;
    Chars.SetOptionsHandler = ExCmSetOptions;
    Chars.BindAdapterHandlerEx = ExCmBindAdapter;
    Chars.UnbindAdapterHandlerEx = ExCmUnbindAdapter;
    Chars.OpenAdapterCompleteHandlerEx = ExCmOpenAdapterComplete;
    Chars.CloseAdapterCompleteHandlerEx = ExCmCloseAdapterComplete;
    Chars.NetPnPEventHandler = ExCmPnPEvent;
    Chars.OidRequestCompleteHandler = ExCmClOidRequestComplete;
    Chars.ReceiveNetBufferListsHandler = ExCmClReceiveNbls;
    Chars.SendNetBufferListsCompleteHandler = ExCmClSendNblsComplete;

    // Registering as a protocol driver is what makes ExCm a stand-alone call manager: it calls the
    // NdisCm* / NdisCo* functions, never the NdisMCm* ones an integrated (miniport) call manager uses.
    Status = NdisRegisterProtocolDriver(NULL, &Chars, &ExCmProtocolHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return (NTSTATUS)Status;
    }
    DriverObject->DriverUnload = ExCmUnload;
    return (NTSTATUS)NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
ExCmUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisDeregisterProtocolDriver(ExCmProtocolHandle);   // NDIS unbinds every binding first
}

// NDIS calls this from NdisRegisterProtocolDriver: the place to register the connection-oriented
// handlers. A stand-alone call manager must fill every call-manager entry; the ones for features we do
// not offer still exist and answer NDIS_STATUS_NOT_SUPPORTED (ExCmModifyCallQoS, ExCmOidRequest).
_Use_decl_annotations_
NDIS_STATUS
ExCmSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_PROTOCOL_CO_CHARACTERISTICS CoChars;
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(DriverContext);

    NdisZeroMemory(&CoChars, sizeof(CoChars));
    CoChars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_CO_CHARACTERISTICS;
    CoChars.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
    CoChars.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
    CoChars.CoStatusHandlerEx = ExCmCoStatus;
    CoChars.CoAfRegisterNotifyHandler = ExCmCoAfRegisterNotify;
    CoChars.CoReceiveNetBufferListsHandler = ExCmCoReceiveNbls;
    CoChars.CoSendNetBufferListsCompleteHandler = ExCmCoSendNblsComplete;
    Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NdisZeroMemory(&CmHandlers, sizeof(CmHandlers));
    CmHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
    CmHandlers.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.CmCreateVcHandler = ExCmCreateVc;
    CmHandlers.CmDeleteVcHandler = ExCmDeleteVc;
    CmHandlers.CmOpenAfHandler = ExCmOpenAf;
    CmHandlers.CmCloseAfHandler = ExCmCloseAf;
    CmHandlers.CmRegisterSapHandler = ExCmRegisterSap;
    CmHandlers.CmDeregisterSapHandler = ExCmDeregisterSap;
    CmHandlers.CmMakeCallHandler = ExCmMakeCall;
    CmHandlers.CmCloseCallHandler = ExCmCloseCall;
    CmHandlers.CmIncomingCallCompleteHandler = ExCmIncomingCallComplete;
    CmHandlers.CmAddPartyHandler = ExCmAddParty;
    CmHandlers.CmDropPartyHandler = ExCmDropParty;
    CmHandlers.CmActivateVcCompleteHandler = ExCmActivateVcComplete;
    CmHandlers.CmDeactivateVcCompleteHandler = ExCmDeactivateVcComplete;
    CmHandlers.CmModifyCallQoSHandler = ExCmModifyCallQoS;
    CmHandlers.CmOidRequestHandler = ExCmOidRequest;
    CmHandlers.CmOidRequestCompleteHandler = ExCmOidRequestComplete;
    CmHandlers.CmNotifyCloseAfCompleteHandler = ExCmNotifyCloseAfComplete;
    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
}

static VOID
ExCmFreeBinding(_In_ PEXCM_BINDING Binding)
{
    NdisFreeSpinLock(&Binding->Lock);
    NdisFreeMemory(Binding, sizeof(*Binding), 0);
}

_IRQL_requires_(PASSIVE_LEVEL)
static VOID
ExCmCloseAdapter(_In_ PEXCM_BINDING Binding)
{
    NDIS_STATUS Status;

    NdisResetEvent(&Binding->Event);
    Status = NdisCloseAdapterEx(Binding->NdisBindingHandle);
    if (Status == NDIS_STATUS_PENDING) {
        NdisWaitEvent(&Binding->Event, 0);  // ExCmCloseAdapterComplete
    }
}

// Binding runs at PASSIVE_LEVEL, which is what NdisCmRegisterAddressFamilyEx requires; it is the natural
// place to register, once the adapter is open and the signalling VC is up.
_Use_decl_annotations_
NDIS_STATUS
ExCmBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext, PNDIS_BIND_PARAMETERS BindParameters)
{
    NDIS_MEDIUM Medium = NdisMediumAtm;
    UINT SelectedMedium = 0;
    NDIS_OPEN_PARAMETERS Open;
    PEXCM_BINDING Binding;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(ProtocolDriverContext);

    if (BindParameters->MediaType != NdisMediumAtm) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    Binding = NdisAllocateMemoryWithTagPriority(ExCmProtocolHandle, sizeof(*Binding), EXCM_POOL_TAG, NormalPoolPriority);
    if (Binding == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Binding, sizeof(*Binding));
    NdisAllocateSpinLock(&Binding->Lock);
    InitializeListHead(&Binding->AfList);
    InitializeListHead(&Binding->VcList);
    NdisInitializeEvent(&Binding->Event);
    NdisInitializeEvent(&Binding->AfsClosed);
    Binding->NextRef = 1;

    NdisZeroMemory(&Open, sizeof(Open));
    Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
    Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
    Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
    Open.AdapterName = BindParameters->AdapterName;
    Open.MediumArray = &Medium;
    Open.MediumArraySize = 1;
    Open.SelectedMediumIndex = &SelectedMedium;

    Status = NdisOpenAdapterEx(ExCmProtocolHandle, Binding, &Open, BindContext, &Binding->NdisBindingHandle);
    if (Status == NDIS_STATUS_PENDING) {
        NdisWaitEvent(&Binding->Event, 0);  // ExCmOpenAdapterComplete
        Status = Binding->EventStatus;
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmFreeBinding(Binding);
        return Status;
    }
    Status = ExCmSigStart(Binding);
    if (Status == NDIS_STATUS_SUCCESS) {
        // Clients hear of the AF now (ProtocolCoAfRegisterNotify) and may open it before this returns.
        Status = NdisCmRegisterAddressFamilyEx(Binding->NdisBindingHandle, &ExCmAddressFamily);
        if (Status != NDIS_STATUS_SUCCESS) {
            ExCmSigStop(Binding);
        }
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        ExCmCloseAdapter(Binding);
        ExCmFreeBinding(Binding);
    }
    return Status;
}

// Unbinding reverses the bind: clients close their AFs (and with them every call and SAP), then the
// signalling VC goes, then the adapter.
_Use_decl_annotations_
NDIS_STATUS
ExCmUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
    PEXCM_BINDING Binding = (PEXCM_BINDING)ProtocolBindingContext;

    UNREFERENCED_PARAMETER(UnbindContext);

    NdisAcquireSpinLock(&Binding->Lock);
    Binding->Unbinding = TRUE;
    NdisReleaseSpinLock(&Binding->Lock);

    ExCmCloseAllAfs(Binding);   // PASSIVE_LEVEL, no lock held: NdisCmNotifyCloseAddressFamily needs both
    ExCmSigStop(Binding);
    ExCmCloseAdapter(Binding);
    ExCmFreeBinding(Binding);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
ExCmOpenAdapterComplete(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
    PEXCM_BINDING Binding = (PEXCM_BINDING)ProtocolBindingContext;

    Binding->EventStatus = Status;
    NdisSetEvent(&Binding->Event);
}

_Use_decl_annotations_
VOID
ExCmCloseAdapterComplete(NDIS_HANDLE ProtocolBindingContext)
{
    NdisSetEvent(&((PEXCM_BINDING)ProtocolBindingContext)->Event);
}

// Pause, restart and power events need nothing from us: NDIS holds sends on a paused binding, and calls
// stay up across a pause.
_Use_decl_annotations_
NDIS_STATUS
ExCmPnPEvent(NDIS_HANDLE ProtocolBindingContext, PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification)
{
    UNREFERENCED_PARAMETER(ProtocolBindingContext);
    UNREFERENCED_PARAMETER(NetPnPEventNotification);
    return NDIS_STATUS_SUCCESS;
}

// The connectionless entry points are required of every protocol driver, but a CoNDIS binding delivers
// data through the CO handlers, and ExCm issues no connectionless OIDs.
_Use_decl_annotations_
VOID
ExCmClOidRequestComplete(NDIS_HANDLE ProtocolBindingContext, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
    UNREFERENCED_PARAMETER(ProtocolBindingContext);
    UNREFERENCED_PARAMETER(OidRequest);
    UNREFERENCED_PARAMETER(Status);
}

_Use_decl_annotations_
VOID
ExCmClReceiveNbls(NDIS_HANDLE ProtocolBindingContext, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER PortNumber,
                  ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
    PEXCM_BINDING Binding = (PEXCM_BINDING)ProtocolBindingContext;

    UNREFERENCED_PARAMETER(PortNumber);
    UNREFERENCED_PARAMETER(NumberOfNetBufferLists);
    if (!NDIS_TEST_RECEIVE_CANNOT_PEND(ReceiveFlags)) {
        NdisReturnNetBufferLists(Binding->NdisBindingHandle, NetBufferLists,
                                 NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(ReceiveFlags) ? NDIS_RETURN_FLAGS_DISPATCH_LEVEL : 0);
    }
}

_Use_decl_annotations_
VOID
ExCmClSendNblsComplete(NDIS_HANDLE ProtocolBindingContext, PNET_BUFFER_LIST NetBufferList, ULONG SendCompleteFlags)
{
    UNREFERENCED_PARAMETER(ProtocolBindingContext);
    UNREFERENCED_PARAMETER(NetBufferList);
    UNREFERENCED_PARAMETER(SendCompleteFlags);
}

// Link state needs no action: the network clears calls on a lost link and sends RELEASE for each.
_Use_decl_annotations_
VOID
ExCmCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext, PNDIS_STATUS_INDICATION StatusIndication)
{
    UNREFERENCED_PARAMETER(ProtocolBindingContext);
    UNREFERENCED_PARAMETER(ProtocolVcContext);
    UNREFERENCED_PARAMETER(StatusIndication);
}

// Called when some call manager registers an AF. ExCm is not a client of any call manager, itself
// included, so it opens nothing here.
_Use_decl_annotations_
VOID
ExCmCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily)
{
    UNREFERENCED_PARAMETER(ProtocolBindingContext);
    UNREFERENCED_PARAMETER(AddressFamily);
}
