/*
 * acmcall.c - the call handlers of ACMSIG: make call, close call, activation and deactivation results.
 *
 * A handler that returns ACM_PENDING is completed exactly once, later, by the matching completion routine below;
 * a handler that returns anything else has finished the request, and NDIS tells the client.
 */
#include "acm.h"

NDIS_STATUS
AcmMakeCall(
    IN     NDIS_HANDLE          CallMgrVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters,
    IN     NDIS_HANDLE          NdisPartyHandle OPTIONAL,
    OUT    PNDIS_HANDLE         CallMgrPartyContext OPTIONAL
    )
{
    PACM_VC pVc = (PACM_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    ACM_TRACE(("AcmMakeCall: Vc %p\n", pVc));

    do
    {
        if (CallParameters->MediaParameters == NULL)
        {
            Status = NDIS_STATUS_INVALID_DATA;
            break;
        }
        if (NdisPartyHandle != NULL)
        {
            Status = NDIS_STATUS_NOT_SUPPORTED;     /* point-to-point link: no multipoint calls */
            break;
        }
        if (CallMgrPartyContext != NULL)
        {
            *CallMgrPartyContext = NULL;
        }

        ACM_ACQUIRE_VC_LOCK(pVc);
        pVc->Flags |= VC_FLAG_MAKING_CALL;
        pVc->pCallParameters = CallParameters;
        ACM_RELEASE_VC_LOCK(pVc);

        AcmSendSignal(pVc, ACM_MSG_SETUP);

        /* The link answers at once; the call is up when the VC is active. */
        Status = NdisCmActivateVc(pVc->NdisVcHandle, CallParameters);
        if (Status == NDIS_STATUS_PENDING)
        {
            /* AcmActivateVcComplete completes the make call. */
            return ACM_PENDING;
        }

        ACM_ACQUIRE_VC_LOCK(pVc);
        pVc->Flags &= ~VC_FLAG_MAKING_CALL;
        if (Status == NDIS_STATUS_SUCCESS)
        {
            pVc->Flags |= VC_FLAG_ACTIVE;
        }
        ACM_RELEASE_VC_LOCK(pVc);
    } while (FALSE);

    return Status;
}

NDIS_STATUS
AcmCloseCall(
    IN NDIS_HANDLE  CallMgrVcContext,
    IN NDIS_HANDLE  CallMgrPartyContext OPTIONAL,
    IN PVOID        CloseData OPTIONAL,
    IN UINT         Size OPTIONAL
    )
{
    PACM_VC pVc = (PACM_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(CallMgrPartyContext);    /* always NULL: point-to-point calls only */

    if (CloseData != NULL && Size != 0)
    {
        return NDIS_STATUS_INVALID_DATA;
    }

    ACM_ACQUIRE_VC_LOCK(pVc);
    pVc->Flags |= VC_FLAG_CLOSING;
    ACM_RELEASE_VC_LOCK(pVc);

    AcmSendSignal(pVc, ACM_MSG_RELEASE);

    Status = NdisCmDeactivateVc(pVc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING)
    {
        /*
         * Deactivated already. Finish from a work item, as NDIS would have called AcmDeactivateVcComplete,
         * so that the close is completed only after we have returned PENDING.
         */
        pVc->DeactivateStatus = Status;
        NdisScheduleWorkItem(&pVc->WorkItem);
    }
    return ACM_PENDING;     /* AcmDeactivateVcComplete completes the close */
}

VOID
AcmDeactivateVcComplete(
    IN NDIS_STATUS  Status,
    IN NDIS_HANDLE  CallMgrVcContext
    )
{
    PACM_VC pVc = (PACM_VC)CallMgrVcContext;

    ACM_TRACE(("AcmDeactivateVcComplete: Vc %p Status %x\n", pVc, Status));

    ACM_ACQUIRE_VC_LOCK(pVc);
    pVc->Flags &= ~VC_FLAG_ACTIVE;
    ACM_RELEASE_VC_LOCK(pVc);

    if (pVc->Flags & VC_FLAG_CM_CREATED)
    {
        ACM_ACQUIRE_ADAPTER_LOCK(pVc->pAf->pAdapter);
        RemoveEntryList(&pVc->Link);
        ACM_RELEASE_ADAPTER_LOCK(pVc->pAf->pAdapter);
    }

    if (pVc->Flags & VC_FLAG_CLOSING)
    {
        /* The client asked for the close (AcmCloseCall pended it). */
        ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS);
    }

    if (pVc->Flags & VC_FLAG_CM_CREATED)
    {
        /* Incoming call: we created the VC, so we delete it. */
        AcmDeleteOwnVc(pVc);
    }
}

VOID
AcmActivateVcComplete(
    IN NDIS_STATUS          Status,
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    PACM_VC pVc = (PACM_VC)CallMgrVcContext;
    ULONG Flags;

    ACM_ACQUIRE_VC_LOCK(pVc);
    Flags = pVc->Flags;
    pVc->Flags &= ~VC_FLAG_MAKING_CALL;
    if (Status == NDIS_STATUS_SUCCESS)
    {
        pVc->Flags |= VC_FLAG_ACTIVE;
    }
    ACM_RELEASE_VC_LOCK(pVc);

    if (Flags & VC_FLAG_MAKING_CALL)
    {
        /* Outgoing call: AcmMakeCall returned PENDING for this activation. */
        ACM_COMPLETE_MAKE(pVc, Status);
        return;
    }

    /* Incoming call (AcmOnSetup): offer it to the client once the VC is active. */
    if (Status != NDIS_STATUS_SUCCESS)
    {
        AcmDeleteOwnVc(pVc);
        return;
    }
    Status = NdisCmDispatchIncomingCall(pVc->pAf->NdisSapHandle, pVc->NdisVcHandle, CallParameters);
    if (Status != NDIS_STATUS_PENDING)
    {
        AcmIncomingCallComplete(Status, pVc, CallParameters);
    }
}

VOID
AcmIncomingCallComplete(
    IN NDIS_STATUS          Status,
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    PACM_VC pVc = (PACM_VC)CallMgrVcContext;

    UNREFERENCED_PARAMETER(CallParameters);

    switch (Status)
    {
    case NDIS_STATUS_SUCCESS:
        NdisCmDispatchCallConnected(pVc->NdisVcHandle);
        break;

    case NDIS_STATUS_NOT_ACCEPTED:
        ACM_TRACE(("ACMSIG: call %u rejected by the client\n", pVc->CallRef));
        /* fall through */
    default:
        /* Refused: release the call, deactivate, then AcmDeactivateVcComplete deletes our VC. */
        AcmSendSignal(pVc, ACM_MSG_RELEASE);
        Status = NdisCmDeactivateVc(pVc->NdisVcHandle);
        if (Status != NDIS_STATUS_PENDING)
        {
            AcmDeactivateVcComplete(Status, pVc);
        }
        break;
    }
}

NDIS_STATUS
AcmModifyQoS(
    IN NDIS_HANDLE          CallMgrVcContext,
    IN PCO_CALL_PARAMETERS  CallParameters
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    return NDIS_STATUS_NOT_SUPPORTED;
}

NDIS_STATUS
AcmAddParty(
    IN     NDIS_HANDLE          CallMgrVcContext,
    IN OUT PCO_CALL_PARAMETERS  CallParameters,
    IN     NDIS_HANDLE          NdisPartyHandle,
    OUT    PNDIS_HANDLE         CallMgrPartyContext
    )
{
    UNREFERENCED_PARAMETER(CallMgrVcContext);
    UNREFERENCED_PARAMETER(CallParameters);
    UNREFERENCED_PARAMETER(NdisPartyHandle);
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    return NDIS_STATUS_NOT_SUPPORTED;
}

NDIS_STATUS
AcmDropParty(
    IN NDIS_HANDLE  CallMgrPartyContext,
    IN PVOID        CloseData OPTIONAL,
    IN UINT         Size OPTIONAL
    )
{
    UNREFERENCED_PARAMETER(CallMgrPartyContext);
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    return NDIS_STATUS_NOT_SUPPORTED;
}
