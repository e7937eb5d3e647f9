// hw.c - the adapter: register window, interrupt, the signalling mailbox, VC control and frame transfer.
// Nothing here knows the call lifecycle; the DPC hands signalling to ExMcmOnSignal (call.c).
#include "mcm.h"

#define EXMCM_REG(Adapter, Offset) ((PULONG)((Adapter)->Registers + (Offset)))

_Use_decl_annotations_
NDIS_STATUS
ExMcmHwStart(PEXMCM_ADAPTER Adapter, PNDIS_MINIPORT_INIT_PARAMETERS InitParameters)
{
    PNDIS_RESOURCE_LIST Resources = (PNDIS_RESOURCE_LIST)InitParameters->AllocatedResources;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Interrupt;
    NET_BUFFER_LIST_POOL_PARAMETERS Pool;
    BOOLEAN HaveRegisters = FALSE;
    NDIS_STATUS Status;
    ULONG i;

    for (i = 0; Resources != NULL && i < Resources->Count; i++) {
        if (Resources->PartialDescriptors[i].Type == CmResourceTypeMemory &&
            Resources->PartialDescriptors[i].u.Memory.Length >= EXMCM_REGS_LENGTH) {
            Adapter->RegistersPhysical = Resources->PartialDescriptors[i].u.Memory.Start;
            HaveRegisters = TRUE;
        }
    }
    if (!HaveRegisters) {
        return NDIS_STATUS_FAILURE;
    }
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Registers, Adapter->MiniportAdapterHandle,
                             Adapter->RegistersPhysical, EXMCM_REGS_LENGTH);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NdisZeroMemory(&Pool, sizeof(Pool));
    Pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Pool.fAllocateNetBuffer = TRUE;
    Pool.DataSize = EXMCM_MTU;
    Pool.PoolTag = EXMCM_POOL_TAG;
    Adapter->RxPool = NdisAllocateNetBufferListPool(Adapter->MiniportAdapterHandle, &Pool);
    if (Adapter->RxPool == NULL) {
        NdisMUnmapIoSpace(Adapter->MiniportAdapterHandle, Adapter->Registers, EXMCM_REGS_LENGTH);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&Interrupt, sizeof(Interrupt));
    Interrupt.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Interrupt.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Interrupt.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Interrupt.InterruptHandler = ExMcmIsr;
    Interrupt.InterruptDpcHandler = ExMcmDpc;
    Interrupt.DisableInterruptHandler = ExMcmDisableInterrupt;
    Interrupt.EnableInterruptHandler = ExMcmEnableInterrupt;
    Status = NdisMRegisterInterruptEx(Adapter->MiniportAdapterHandle, Adapter, &Interrupt, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeNetBufferListPool(Adapter->RxPool);
        NdisMUnmapIoSpace(Adapter->MiniportAdapterHandle, Adapter->Registers, EXMCM_REGS_LENGTH);
        return Status;
    }
    ExMcmEnableInterrupt(Adapter);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
ExMcmHwStop(PEXMCM_ADAPTER Adapter)
{
    ExMcmDisableInterrupt(Adapter);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeNetBufferListPool(Adapter->RxPool);
    NdisMUnmapIoSpace(Adapter->MiniportAdapterHandle, Adapter->Registers, EXMCM_REGS_LENGTH);
}

_Use_decl_annotations_
VOID
ExMcmEnableInterrupt(NDIS_HANDLE MiniportInterruptContext)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportInterruptContext;
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_MASK), EXMCM_INT_RX_MSG | EXMCM_INT_RX_FRAME);
}

_Use_decl_annotations_
VOID
ExMcmDisableInterrupt(NDIS_HANDLE MiniportInterruptContext)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportInterruptContext;
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_MASK), 0);
}

_Use_decl_annotations_
BOOLEAN
ExMcmIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportInterruptContext;
    ULONG Pending;

    UNREFERENCED_PARAMETER(TargetProcessors);
    NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_STATUS), &Pending);
    if (Pending == 0) {
        *QueueDefaultInterruptDpc = FALSE;
        return FALSE;       // a shared line: not ours
    }
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_MASK), 0);    // the DPC re-enables
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

static BOOLEAN
ExMcmReadMessage(_In_ PEXMCM_ADAPTER Adapter, _Out_ PEXMCM_SIG_MSG Msg)
{
    PULONG Words = (PULONG)Msg;
    ULONG Pending, i;

    NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_STATUS), &Pending);
    if ((Pending & EXMCM_INT_RX_MSG) == 0) {
        return FALSE;
    }
    for (i = 0; i < sizeof(*Msg) / sizeof(ULONG); i++) {
        NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_RX_MSG + i * sizeof(ULONG)), &Words[i]);
    }
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_STATUS), EXMCM_INT_RX_MSG);   // next message
    return TRUE;
}

// One received frame, copied out of the adapter and indicated on its VC if that VC carries a call.
static VOID
ExMcmReceiveFrame(_In_ PEXMCM_ADAPTER Adapter)
{
    ULONG CallRef, Length, i;
    PEXMCM_VC Vc;
    PNET_BUFFER_LIST Nbl = NULL;
    PULONG Data = NULL;

    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_RX), 1);
    NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_VC), &CallRef);
    NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_LENGTH), &Length);
    Vc = ExMcmLookupVc(Adapter, CallRef);
    if (Vc != NULL && Vc->HwOpen && Length <= EXMCM_MTU) {
        Nbl = NdisAllocateNetBufferList(Adapter->RxPool, 0, 0);
    }
    if (Nbl != NULL) {
        NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(Nbl)) = Length;
        Data = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(Nbl), Length, NULL, 1, 0);
    }
    for (i = 0; Data != NULL && i < (Length + 3) / 4; i++) {
        NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_DATA), &Data[i]);
    }
    if (Data != NULL) {
        NdisMCoIndicateReceiveNetBufferLists(Vc->NdisVcHandle, Nbl, 1, NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);
    } else if (Nbl != NULL) {
        NdisFreeNetBufferList(Nbl);
    }
    if (Vc != NULL) {
        ExMcmDereferenceVc(Vc);
    }
}

_Use_decl_annotations_
VOID
ExMcmDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters,
         PVOID NdisReserved2)
{
    PEXMCM_ADAPTER Adapter = (PEXMCM_ADAPTER)MiniportInterruptContext;
    EXMCM_SIG_MSG Msg;
    ULONG Pending;

    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);

    // DISPATCH_LEVEL: every NdisMCm* call that ExMcmOnSignal makes is allowed here; the PASSIVE_LEVEL
    // ones (registering or closing address families) never happen on this path.
    while (ExMcmReadMessage(Adapter, &Msg)) {
        ExMcmOnSignal(Adapter, &Msg);
    }
    for (;;) {
        NdisReadRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_STATUS), &Pending);
        if ((Pending & EXMCM_INT_RX_FRAME) == 0) {
            break;
        }
        ExMcmReceiveFrame(Adapter);
        NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_INT_STATUS), EXMCM_INT_RX_FRAME);
    }
    ExMcmEnableInterrupt(Adapter);
}

_Use_decl_annotations_
VOID
ExMcmHwSignal(PEXMCM_ADAPTER Adapter, EXMCM_SIG_TYPE Type, ULONG CallRef, ULONG PartyRef)
{
    // The mailbox takes one message at a time; the firmware queues them, so writing never fails.
    NdisAcquireSpinLock(&Adapter->Lock);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_MSG + 0), (ULONG)Type);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_MSG + 4), CallRef);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_MSG + 8), PartyRef);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_MSG + 12), 0);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_MSG + 16), 0);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_TX_DOORBELL), 1);
    NdisReleaseSpinLock(&Adapter->Lock);
}

_Use_decl_annotations_
VOID
ExMcmHwVcControl(PEXMCM_ADAPTER Adapter, ULONG CallRef, BOOLEAN Enable)
{
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_VC_CONTROL), CallRef | (Enable ? EXMCM_VC_ENABLE : 0));
}

_Use_decl_annotations_
VOID
ExMcmHwTransmit(PEXMCM_ADAPTER Adapter, ULONG CallRef, PNET_BUFFER Nb)
{
    ULONG Length = NET_BUFFER_DATA_LENGTH(Nb);
    ULONG Word, i;
    PUCHAR Data = NdisGetDataBuffer(Nb, Length, NULL, 1, 0);

    if (Data == NULL || Length > EXMCM_MTU) {
        return;     // a chained frame; this adapter only takes frames in one piece
    }
    NdisAcquireSpinLock(&Adapter->Lock);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_VC), CallRef);
    NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_LENGTH), Length);
    for (i = 0; i < Length; i += sizeof(ULONG)) {
        Word = 0;
        NdisMoveMemory(&Word, Data + i, (Length - i) < sizeof(ULONG) ? (Length - i) : sizeof(ULONG));
        NdisWriteRegisterUlong(EXMCM_REG(Adapter, EXMCM_REG_FRAME_DATA), Word);
    }
    NdisReleaseSpinLock(&Adapter->Lock);
}
