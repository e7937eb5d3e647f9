// A call manager in two files: its close handler pends, and the routine in work.c finishes the close.
#include <ndis.h>

NDIS_STATUS XfCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size);
VOID XfQueueCloseWork(NDIS_HANDLE Vc);

VOID XfFillTable(PNDIS_CALL_MANAGER_CHARACTERISTICS Cm)
{
    Cm->CmCloseCallHandler = XfCloseCall;
}

NDIS_STATUS XfCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    XfQueueCloseWork(CallMgrVcContext);
    return NDIS_STATUS_PENDING;
}
