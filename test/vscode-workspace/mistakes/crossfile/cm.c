// A call manager in three files: table.c makes XfDropParty its drop-party handler, which pends here, and the routine
// in work.c is where the drop should be completed (it is not yet: the test adds the call).
#include <ndis.h>

VOID XfQueueDropWork(NDIS_HANDLE Party);

NDIS_STATUS XfDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    XfQueueDropWork(CallMgrPartyContext);
    return NDIS_STATUS_PENDING;
}
