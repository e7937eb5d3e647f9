// mpcmwork.c - MPCM's work items: the deactivation result when NdisCmDeactivateVc did not pend.
#include "mpcm.h"

_Use_decl_annotations_
VOID
MpcmDeactivateWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PMPCM_VC Vc = (PMPCM_VC)WorkItemContext;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    MpcmDeactivateVcComplete(Vc->DeactivateStatus, Vc);
}
