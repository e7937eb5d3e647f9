// driver.c - registration and adapter lifetime: DriverEntry, the handler tables, MiniportInitializeEx
// (attributes, hardware, address family) and the rest of the miniport's housekeeping entry points.
#include "mcm.h"

NDIS_HANDLE ExMcmDriverHandle;
CO_ADDRESS_FAMILY ExMcmAddressFamily = { CO_ADDRESS_FAMILY_Q2931, 3, 1 };

_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
    Chars.MajorDriverVersion = 1;
    Chars.SetOptionsHandler = ExMcmSetOptions;
    Chars.InitializeHandlerEx = ExMcmInitialize;
    Chars.HaltHandlerEx = ExMcmHalt;
    Chars.UnloadHandler = ExMcmUnload;
    Chars.PauseHandler = ExMcmPause;
    Chars.RestartHandler = ExMcmRestart;
    Chars.ShutdownHandlerEx = ExMcmShutdown;
    Chars.DevicePnPEventNotifyHandler = ExMcmPnPEvent;
    Chars.CancelOidRequestHandler = ExMcmCancelOidRequest;
    Chars.ReturnNetBufferListsHandler = ExMcmReturnNbls;
    Chars.CancelSendHandler = ExMcmCancelSend;
    // Sends and OID requests reach a CoNDIS miniport through the CO handlers registered in
    // ExMcmSetOptions, so the connectionless OidRequestHandler / SendNetBufferListsHandler stay NULL.

    // Registering as a miniport is what makes ExMcm an integrated call manager: it spells the
    // call-manager functions NdisMCm*, never the NdisCm* / NdisCo* names of a stand-alone one.
    return (NTSTATUS)NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &ExMcmDriverHandle);
}

_Use_decl_annotations_
VOID
ExMcmUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(ExMcmDriverHandle);
}

// Called from NdisMRegisterMiniportDriver. An MCM fills every call-manager entry, like a stand-alone CM.
// Two differences: VC creation and deletion come through ProtocolCoCreateVc / ProtocolCoDeleteVc, so
// the miniport CoCreateVc / CoDeleteVc entries stay NULL; and the call-manager OID handler is separate
// from MiniportCoOidRequest.
_Use_decl_annotations_
NDIS_STATUS
ExMcmSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
    NDIS_MINIPORT_CO_CHARACTERISTICS CoChars;
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(DriverContext);

    NdisZeroMemory(&CoChars, sizeof(CoChars));
    CoChars.Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
    CoChars.Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
    CoChars.Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
    CoChars.CoActivateVcHandler = ExMcmCoActivateVc;
    CoChars.CoDeactivateVcHandler = ExMcmCoDeactivateVc;
    CoChars.CoSendNetBufferListsHandler = ExMcmCoSendNbls;
    CoChars.CoOidRequestHandler = ExMcmCoOidRequest;
    Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NdisZeroMemory(&CmHandlers, sizeof(CmHandlers));
    CmHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
    CmHandlers.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
    CmHandlers.CmCreateVcHandler = ExMcmCreateVc;
    CmHandlers.CmDeleteVcHandler = ExMcmDeleteVc;
    CmHandlers.CmOpenAfHandler = ExMcmOpenAf;
    CmHandlers.CmCloseAfHandler = ExMcmCloseAf;
    CmHandlers.CmRegisterSapHandler = ExMcmRegisterSap;
    CmHandlers.CmDeregisterSapHandler = ExMcmDeregisterSap;
    CmHandlers.CmMakeCallHandler = ExMcmMakeCall;
    CmHandlers.CmCloseCallHandler = ExMcmCloseCall;
    CmHandlers.CmIncomingCallCompleteHandler = ExMcmIncomingCallComplete;
    CmHandlers.CmAddPartyHandler = ExMcmAddParty;
    CmHandlers.CmDropPartyHandler = ExMcmDropParty;
    CmHandlers.CmActivateVcCompleteHandler = ExMcmActivateVcComplete;
    CmHandlers.CmDeactivateVcCompleteHandler = ExMcmDeactivateVcComplete;
    CmHandlers.CmModifyCallQoSHandler = ExMcmModifyCallQoS;
    CmHandlers.CmOidRequestHandler = ExMcmCmOidRequest;
    CmHandlers.CmOidRequestCompleteHandler = ExMcmCmOidRequestComplete;
    CmHandlers.CmNotifyCloseAfCompleteHandler = ExMcmNotifyCloseAfComplete;
    return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
}

static NDIS_STATUS
ExMcmSetAttributes(_In_ PEXMCM_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_ATTRIBUTES Attributes;
    NDIS_STATUS Status;

    NdisZeroMemory(&Attributes, sizeof(Attributes));
    Attributes.RegistrationAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Attributes.RegistrationAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Attributes.RegistrationAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Attributes.RegistrationAttributes.MiniportAdapterContext = Adapter;
    Attributes.RegistrationAttributes.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Attributes.RegistrationAttributes.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(Adapter->MiniportAdapterHandle, &Attributes);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NdisZeroMemory(&Attributes, sizeof(Attributes));
    Attributes.GeneralAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Attributes.GeneralAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Attributes.GeneralAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Attributes.GeneralAttributes.MediaType = NdisMediumAtm;
    Attributes.GeneralAttributes.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    Attributes.GeneralAttributes.MtuSize = EXMCM_MTU;
    Attributes.GeneralAttributes.MaxXmitLinkSpeed = Attributes.GeneralAttributes.XmitLinkSpeed = NDIS_LINK_SPEED_UNKNOWN;
    Attributes.GeneralAttributes.MaxRcvLinkSpeed = Attributes.GeneralAttributes.RcvLinkSpeed = NDIS_LINK_SPEED_UNKNOWN;
    Attributes.GeneralAttributes.MediaConnectState = MediaConnectStateUnknown;
    Attributes.GeneralAttributes.MediaDuplexState = MediaDuplexStateFull;
    Attributes.GeneralAttributes.MacOptions = NDIS_MAC_OPTION_NO_LOOPBACK;
    Attributes.GeneralAttributes.AccessType = NET_IF_ACCESS_POINT_TO_POINT;
    Attributes.GeneralAttributes.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Attributes.GeneralAttributes.ConnectionType = NET_IF_CONNECTION_DEDICATED;
    Attributes.GeneralAttributes.IfType = IF_TYPE_ATM;
    Attributes.GeneralAttributes.SupportedStatistics = NDIS_STATISTICS_XMIT_OK_SUPPORTED | NDIS_STATISTICS_RCV_OK_SUPPORTED;
    return NdisMSetMiniportAttributes(Adapter->MiniportAdapterHandle, &Attributes);
}

// MiniportInitializeEx runs at PASSIVE_LEVEL, which NdisMCmRegisterAddressFamilyEx requires, and it is
// where an MCM registers: once the hardware is up, so that clients can open the AF immediately.
_Use_decl_annotations_
NDIS_STATUS
ExMcmInitialize(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
                PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PEXMCM_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = NdisAllocateMemoryWithTagPriority(NdisMiniportHandle, sizeof(*Adapter), EXMCM_POOL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportAdapterHandle = NdisMiniportHandle;
    NdisAllocateSpinLock(&Adapter->Lock);
    InitializeListHead(&Adapter->AfList);
    InitializeListHead(&Adapter->VcList);
    Adapter->NextRef = 1;

    Status = ExMcmSetAttributes(Adapter);
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = ExMcmHwStart(Adapter, MiniportInitParameters);
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &ExMcmAddressFamily);
        if (Status != NDIS_STATUS_SUCCESS) {
            ExMcmHwStop(Adapter);
        }
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeSpinLock(&Adapter->Lock);
        NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
    }
    return Status;
}

// NDIS halts an adapter only after every client has unbound from it, which closes their address
// families (and with them every call, SAP and VC), so only the hardware is left.
_Use_decl_annotations_
VOID
ExMcmHalt(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NT_ASSERT(IsListEmpty(&Adapter->AfList) && IsListEmpty(&Adapter->VcList));
    ExMcmHwStop(Adapter);
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

// Calls stay up across a pause; the send path holds nothing that needs draining (it completes inline).
_Use_decl_annotations_
NDIS_STATUS
ExMcmPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
ExMcmRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

// Shutdown may run at high IRQL on a bug check: touch the hardware only, and only to quiet it.
_Use_decl_annotations_
VOID
ExMcmShutdown(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(ShutdownAction);
    NdisWriteRegisterUlong(Adapter->Registers + EXMCM_REG_INT_MASK, 0);
}

_Use_decl_annotations_
VOID
ExMcmPnPEvent(NDIS_HANDLE MiniportAdapterContext, PNET_DEVICE_PNP_EVENT NetDevicePnPEvent)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NetDevicePnPEvent);
}

// Every OID is answered synchronously (ExMcmCoOidRequest), so there is never one to cancel.
_Use_decl_annotations_
VOID
ExMcmCancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RequestId);
}

// Sends complete inside ExMcmCoSendNbls, so there is never one to cancel either.
_Use_decl_annotations_
VOID
ExMcmCancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(CancelId);
}

// Received frames come back from the client (see ExMcmDpc in hw.c).
_Use_decl_annotations_
VOID
ExMcmReturnNbls(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
    PNET_BUFFER_LIST Nbl, Next;

    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(ReturnFlags);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        NdisFreeNetBufferList(Nbl);
    }
}
