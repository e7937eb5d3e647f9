// The close handler's work routine. It deactivates the VC, and completes the close.
#include <ndis.h>

VOID XfQueueCloseWork(NDIS_HANDLE Vc)
{
    NdisCmDeactivateVc(Vc);
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);
}
