// The drop-party handler's work routine: it does not complete the drop yet.
#include <ndis.h>

VOID XfQueueDropWork(NDIS_HANDLE Party)
{
    UNREFERENCED_PARAMETER(Party);
}
