// sig.c - the signalling channel: ExCm's own VC to the network's signalling entity, and the messages on it.
#include "cm.h"

_Use_decl_annotations_
NDIS_STATUS
ExCmSigStart(PEXCM_BINDING Binding)
{
    NET_BUFFER_LIST_POOL_PARAMETERS Pool;
    PEXCM_VC Vc;
    NDIS_STATUS Status;

    // Each NBL from this pool comes with a buffer that holds exactly one message.
    NdisZeroMemory(&Pool, sizeof(Pool));
    Pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    Pool.fAllocateNetBuffer = TRUE;
    Pool.DataSize = sizeof(EXCM_SIG_MSG);
    Pool.PoolTag = EXCM_POOL_TAG;
    Binding->NblPool = NdisAllocateNetBufferListPool(Binding->NdisBindingHandle, &Pool);
    if (Binding->NblPool == NULL) {
        return NDIS_STATUS_RESOURCES;
    }

    // A VC that a call manager creates for itself has no address family. It is ours to delete.
    Vc = ExCmAllocateVc(Binding, NULL, TRUE);
    Status = (Vc != NULL) ? NdisCoCreateVc(Binding->NdisBindingHandle, NULL, Vc, &Vc->NdisVcHandle)
                          : NDIS_STATUS_RESOURCES;
    if (Status != NDIS_STATUS_SUCCESS) {
        if (Vc != NULL) {
            ExCmDereferenceVc(Vc);
        }
        NdisFreeNetBufferListPool(Binding->NblPool);
        return Status;
    }
    Vc->State = ExCmVcSignalling;
    Binding->SignallingParams.Call.Flags = PERMANENT_VC;
    Binding->SignallingParams.Call.CallMgrParameters = &Binding->SignallingParams.CallMgr;
    Binding->SignallingParams.Call.MediaParameters = &Binding->SignallingParams.Media;
    Binding->SignallingParams.CallMgr.Transmit.ServiceType = SERVICETYPE_BESTEFFORT;
    Binding->SignallingParams.CallMgr.Receive.ServiceType = SERVICETYPE_BESTEFFORT;
    Binding->SignallingParams.Media.Flags = TRANSMIT_VC | RECEIVE_VC;

    NdisResetEvent(&Binding->Event);
    Status = NdisCmActivateVc(Vc->NdisVcHandle, &Binding->SignallingParams.Call);
    if (Status == NDIS_STATUS_PENDING) {
        NdisWaitEvent(&Binding->Event, 0);      // set by ExCmActivateVcComplete; bind runs at PASSIVE_LEVEL
        Status = Binding->EventStatus;
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        // Never activated, so it can be deleted straight away.
        if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
            ExCmDereferenceVc(Vc);
        }
        NdisFreeNetBufferListPool(Binding->NblPool);
        return Status;
    }
    NdisInitializeEvent(&Binding->SendsDrained);
    Binding->SignallingVc = Vc;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
ExCmSigStop(PEXCM_BINDING Binding)
{
    PEXCM_VC Vc = Binding->SignallingVc;
    LONG InFlight;
    NDIS_STATUS Status;

    NdisAcquireSpinLock(&Binding->Lock);
    Binding->SignallingVc = NULL;       // no new sends from here on
    InFlight = Binding->SendsInFlight;
    NdisReleaseSpinLock(&Binding->Lock);
    if (InFlight != 0) {
        NdisWaitEvent(&Binding->SendsDrained, 0);   // ExCmCoSendNblsComplete sets it
    }

    NdisResetEvent(&Binding->Event);
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_PENDING) {
        NdisWaitEvent(&Binding->Event, 0);      // set by ExCmDeactivateVcComplete
        Status = Binding->EventStatus;
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        EXCM_TRACE("signalling VC deactivation: 0x%x\n", (unsigned)Status);
    }
    // Deactivated and never carrying a call, so it can go. Its handle is dead once this returns.
    Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_SUCCESS) {
        ExCmDereferenceVc(Vc);
    } else {
        EXCM_TRACE("signalling VC delete: 0x%x\n", (unsigned)Status);
    }
    NdisFreeNetBufferListPool(Binding->NblPool);
}

_Use_decl_annotations_
NDIS_STATUS
ExCmSigSend(PEXCM_BINDING Binding, EXCM_SIG_TYPE Type, ULONG CallRef, ULONG PartyRef)
{
    PNET_BUFFER_LIST Nbl = NdisAllocateNetBufferList(Binding->NblPool, 0, 0);
    PEXCM_SIG_MSG Msg;
    NDIS_HANDLE VcHandle = NULL;

    if (Nbl == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Msg = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(Nbl), sizeof(*Msg), NULL, 1, 0);
    if (Msg == NULL) {
        NdisFreeNetBufferList(Nbl);
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Msg, sizeof(*Msg));
    Msg->Type = (ULONG)Type;
    Msg->CallRef = CallRef;
    Msg->PartyRef = PartyRef;

    NdisAcquireSpinLock(&Binding->Lock);
    if (Binding->SignallingVc != NULL) {
        VcHandle = Binding->SignallingVc->NdisVcHandle;
        Binding->SendsInFlight++;
    }
    NdisReleaseSpinLock(&Binding->Lock);
    if (VcHandle == NULL) {
        NdisFreeNetBufferList(Nbl);
        return NDIS_STATUS_CLOSING;     // unbinding: signalling has stopped
    }
    NdisCoSendNetBufferLists(VcHandle, Nbl, 0);     // always completes in ExCmCoSendNblsComplete
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
ExCmCoSendNblsComplete(NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags)
{
    PEXCM_BINDING Binding = ((PEXCM_VC)ProtocolVcContext)->Binding;
    PNET_BUFFER_LIST Nbl, Next;
    BOOLEAN Drained;

    UNREFERENCED_PARAMETER(SendCompleteFlags);

    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        if (NET_BUFFER_LIST_STATUS(Nbl) != NDIS_STATUS_SUCCESS) {
            EXCM_TRACE("signalling send failed: 0x%x\n", (unsigned)NET_BUFFER_LIST_STATUS(Nbl));
        }
        NdisFreeNetBufferList(Nbl);
        NdisAcquireSpinLock(&Binding->Lock);
        Drained = (--Binding->SendsInFlight == 0 && Binding->SignallingVc == NULL);
        NdisReleaseSpinLock(&Binding->Lock);
        if (Drained) {
            NdisSetEvent(&Binding->SendsDrained);
        }
    }
}

// Signalling arrives at up to DISPATCH_LEVEL; nothing that ExCmOnSignal calls needs a lower IRQL.
_Use_decl_annotations_
VOID
ExCmCoReceiveNbls(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
                  ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
    PEXCM_BINDING Binding = (PEXCM_BINDING)ProtocolBindingContext;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(NumberOfNetBufferLists);

    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        PNET_BUFFER Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
        EXCM_SIG_MSG Storage;
        const EXCM_SIG_MSG *Msg = NULL;

        // Only our signalling VC carries data up to us.
        if (ProtocolVcContext == Binding->SignallingVc && NET_BUFFER_DATA_LENGTH(Nb) >= sizeof(Storage)) {
            Msg = NdisGetDataBuffer(Nb, sizeof(Storage), &Storage, 1, 0);
        }
        if (Msg != NULL) {
            ExCmOnSignal(Binding, Msg);
        }
    }
    // With the RESOURCES flag NDIS reclaims the NBLs itself as soon as we return.
    if (!NDIS_TEST_RECEIVE_CANNOT_PEND(ReceiveFlags)) {
        NdisReturnNetBufferLists(Binding->NdisBindingHandle, NetBufferLists,
                                 NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(ReceiveFlags) ? NDIS_RETURN_FLAGS_DISPATCH_LEVEL : 0);
    }
}
