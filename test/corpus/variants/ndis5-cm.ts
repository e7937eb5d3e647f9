// Variants of ndis5-cm (NDIS 5.1 stand-alone call manager): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

const COMPLETE_CLOSE = '        ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS);\n';
const DELETE_OWN = `    if (pVc->Flags & VC_FLAG_CM_CREATED)
    {
        /* Incoming call: we created the VC, so we delete it. */
        AcmDeleteOwnVc(pVc);
    }
`;

export const NDIS5_CM: Variant[] = [
  v('acm-close-complete-pending', 'bug', 'the close is completed through the header macro with the PENDING status macro',
    'acmcall.c', COMPLETE_CLOSE, '        ACM_COMPLETE_CLOSE(pVc, ACM_PENDING);\n',
    { rule: 'complete-with-pending', at: 'ACM_COMPLETE_CLOSE(pVc, ACM_PENDING);' }),
  v('acm-close-sync-double', 'bug', 'a deactivation that did not pend is finished by the helper that completes the close, then the handler returns SUCCESS',
    'acmcall.c', `        pVc->DeactivateStatus = Status;
        NdisScheduleWorkItem(&pVc->WorkItem);
    }`, `        AcmDeactivateVcComplete(Status, pVc);
        return NDIS_STATUS_SUCCESS;
    }`,
    { rule: 'double-completion', at: 'return NDIS_STATUS_SUCCESS;' }),
  v('acm-close-never-completed', 'bug', 'the deactivation result forgets to complete the pended close',
    'acmcall.c', COMPLETE_CLOSE, '        ACM_TRACE(("AcmDeactivateVcComplete: close done\\n"));\n',
    { rule: 'missing-completion', at: 'return ACM_PENDING;     /* AcmDeactivateVcComplete' }),
  v('acm-dispatch-after-delete', 'bug', 'a failed activation deletes our VC in a helper and, with its return lost, still offers the call on the deleted handle',
    'acmcall.c', `        AcmDeleteOwnVc(pVc);
        return;
    }
    Status = NdisCmDispatchIncomingCall`, `        AcmDeleteOwnVc(pVc);
    }
    Status = NdisCmDispatchIncomingCall`,
    { rule: 'vc-used-after-delete', at: 'Status = NdisCmDispatchIncomingCall' }),
  v('acm-own-vc-not-deleted', 'bug', 'the VC created for an incoming call is not deleted after its close completes',
    'acmcall.c', DELETE_OWN, '',
    { rule: 'missing-vc-delete', at: 'ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS);' }),
  v('acm-delete-unchecked', 'bug', 'the status of NdisCoDeleteVc is ignored and the VC freed regardless',
    'acmvc.c', `    Status = NdisCoDeleteVc(pVc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
    {
        /* NDIS still sees a call on it: keep the memory rather than free something still in use. */
        ACM_TRACE(("ACMSIG: NdisCoDeleteVc failed %x\\n", Status));
        return;
    }
`, `    NdisCoDeleteVc(pVc->NdisVcHandle);
    Status = NDIS_STATUS_SUCCESS;
`,
    { rule: 'unchecked-status', at: 'NdisCoDeleteVc(pVc->NdisVcHandle);' }),
  v('acm-register-af-under-lock', 'bug', 'the PASSIVE_LEVEL-only AF registration is made while the adapter lock macro holds a spin lock',
    'acmaf.c', `    Status = NdisCmRegisterAddressFamily(pAdapter->NdisBindingHandle,
                                         &Family,
                                         &CmChars,
                                         sizeof(CmChars));
`, `    ACM_ACQUIRE_ADAPTER_LOCK(pAdapter);
    Status = NdisCmRegisterAddressFamily(pAdapter->NdisBindingHandle,
                                         &Family,
                                         &CmChars,
                                         sizeof(CmChars));
    ACM_RELEASE_ADAPTER_LOCK(pAdapter);
`,
    { rule: 'irql-passive-only', at: 'Status = NdisCmRegisterAddressFamily(' }),
  v('acm-delete-vc-pends', 'bug', 'the delete-VC handler pends while the close is still running',
    'acmvc.c', `    AcmFreeVc((PACM_VC)ProtocolVcContext);
    return NDIS_STATUS_SUCCESS;`, `    PACM_VC pVc = (PACM_VC)ProtocolVcContext;

    if (pVc->Flags & VC_FLAG_CLOSING)
    {
        return ACM_PENDING;     /* freed when the deactivation finishes */
    }
    AcmFreeVc(pVc);
    return NDIS_STATUS_SUCCESS;`,
    { rule: 'vc-handler-pends', at: 'return ACM_PENDING;' }),
  v('acm-table-swapped-entries', 'bug', 'copy-paste in the characteristics table: the close-AF entry holds the deregister-SAP handler (same shape)',
    'acmaf.c', '    CmChars.CmCloseAfHandler = AcmCloseAf;', '    CmChars.CmCloseAfHandler = AcmDeregisterSap;',
    { rule: 'handler-table-mismatch', at: 'CmChars.CmCloseAfHandler = AcmDeregisterSap;' }),
  v('acm-macro-spells-mcm', 'bug', 'the completion macro in the header spells the MCM name in a stand-alone call manager',
    'acm.h', '    NdisCmCloseCallComplete((_Status), (_pVc)->NdisVcHandle, NULL)', '    NdisMCmCloseCallComplete((_Status), (_pVc)->NdisVcHandle, NULL)',
    { rule: 'mcm-api-in-protocol', file: 'acmcall.c', at: 'ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS);' }),

  v('acm-n-complete-in-helper', 'neutral', 'the close completion moves into a helper in another file',
    'acmcall.c', COMPLETE_CLOSE, '        AcmFinishClose(pVc);\n', undefined, [
      { file: 'acm.h', find: 'VOID AcmDeleteOwnVc(IN PACM_VC pVc);\n', replace: 'VOID AcmDeleteOwnVc(IN PACM_VC pVc);\nVOID AcmFinishClose(IN PACM_VC pVc);\n' },
      { file: 'acmvc.c', find: '/*\n * Deletes a VC that we created', replace: `/*
 * Completes a close that AcmCloseCall pended.
 */
VOID
AcmFinishClose(
    IN PACM_VC pVc
    )
{
    ACM_TRACE(("ACMSIG: close of call %u done\\n", pVc->CallRef));
    ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS);
}

/*
 * Deletes a VC that we created` },
    ]),
  v('acm-n-multistatement-macro', 'neutral', 'the completion macro becomes a do { } while (0) macro that traces under #if DBG',
    'acm.h', `#define ACM_COMPLETE_CLOSE(_pVc, _Status) \\
    NdisCmCloseCallComplete((_Status), (_pVc)->NdisVcHandle, NULL)`, `#define ACM_COMPLETE_CLOSE(_pVc, _Status)                                   \\
    do {                                                                    \\
        ACM_TRACE(("ACMSIG: complete close %p %x\\n", (_pVc), (_Status)));  \\
        NdisCmCloseCallComplete((_Status), (_pVc)->NdisVcHandle, NULL);     \\
    } while (0)`),
  v('acm-n-flag-in-local', 'neutral', 'the CM-created test reads a local copy of the flags, tested twice',
    'acmcall.c', `    if (pVc->Flags & VC_FLAG_CLOSING)
    {
        /* The client asked for the close (AcmCloseCall pended it). */`, `    if ((pVc->Flags & VC_FLAG_CLOSING) != 0)
    {
        /* The client asked for the close (AcmCloseCall pended it). */`),
];
