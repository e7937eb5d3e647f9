// The call manager's handler table: what makes XfDropParty (cm.c) a drop-party handler.
#include <ndis.h>

NDIS_STATUS XfDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size);

VOID XfFillTable(PNDIS_CALL_MANAGER_CHARACTERISTICS Cm)
{
    Cm->CmDropPartyHandler = XfDropParty;
}
