// ibtimer.c - IBMCM's link timer (DISPATCH_LEVEL): incoming connects and disconnect acknowledgements.
#include "ib.h"

static PIB_VC IbNextDisconnected(_In_ PIB_ADAPTER Adapter) { UNREFERENCED_PARAMETER(Adapter); return NULL; }
static BOOLEAN IbConnectRequested(_In_ PIB_ADAPTER Adapter) { UNREFERENCED_PARAMETER(Adapter); return FALSE; }

static VOID
IbOfferCall(_In_ PIB_ADAPTER Adapter)
{
    PIB_VC Vc;
    NDIS_STATUS Status;

    Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle, sizeof(*Vc), IB_TAG, NormalPoolPriority);
    if (Vc == NULL) {
        return;
    }
    NdisZeroMemory(Vc, sizeof(*Vc));
    Vc->Adapter = Adapter;
    Vc->Flags = IB_VC_OURS;
    Status = NdisMCmCreateVc(Adapter->MiniportAdapterHandle, Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Vc, sizeof(*Vc), 0);
        return;
    }
    Status = NdisMCmActivateVc(Vc->NdisVcHandle, &Vc->CallParameters);
    if (Status != NDIS_STATUS_SUCCESS) {
        if (NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
            NdisFreeMemory(Vc, sizeof(*Vc), 0);
        }
        return;
    }
    Status = NdisMCmDispatchIncomingCall(Adapter->NdisSapHandle, Vc->NdisVcHandle, &Vc->CallParameters);
    if (Status != NDIS_STATUS_PENDING) {
        IbCmIncomingCallComplete(Status, Vc, &Vc->CallParameters);
    }
}

_Use_decl_annotations_
VOID
IbLinkTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    PIB_ADAPTER Adapter = (PIB_ADAPTER)FunctionContext;
    PIB_VC Vc;

    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);

    while ((Vc = IbNextDisconnected(Adapter)) != NULL) {
        IbRetireVc(Vc);
    }
    if (Adapter->NdisSapHandle != NULL && IbConnectRequested(Adapter)) {
        IbOfferCall(Adapter);
    }
}

// From MiniportInitializeEx (PASSIVE_LEVEL).
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
IbRegisterAf(_In_ PIB_ADAPTER Adapter)
{
    CO_ADDRESS_FAMILY Af = { CO_ADDRESS_FAMILY_INFINIBAND, 1, 0 };

    NdisAllocateSpinLock(&Adapter->Lock);
    return NdisMCmRegisterAddressFamilyEx(Adapter->MiniportAdapterHandle, &Af);
}
