// Variants of ndis6-cm (NDIS 6 stand-alone multipoint call manager): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

const DEACTIVATE = `    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        // Finish from a work item, as NDIS would have called MpcmDeactivateVcComplete.
        Vc->DeactivateStatus = Status;
        NdisQueueIoWorkItem(Vc->WorkItem, MpcmDeactivateWorker, Vc);
    }
`;

export const NDIS6_CM: Variant[] = [
  v('mpcm-close-complete-pending', 'bug', 'the close completion macro is passed the driver\'s PENDING alias',
    'mpcmcall.c', '    MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);', '    MPCM_COMPLETE_CLOSE(Vc, MPCM_STATUS_PENDING);',
    { rule: 'complete-with-pending', at: 'MPCM_COMPLETE_CLOSE(Vc, MPCM_STATUS_PENDING);' }),
  v('mpcm-deactivate-unchecked', 'bug', 'the close ignores what NdisCmDeactivateVc returned (a synchronous deactivation is never finished)',
    'mpcmcall.c', DEACTIVATE, '    NdisCmDeactivateVc(Vc->NdisVcHandle);\n',
    { rule: 'unchecked-status', at: 'NdisCmDeactivateVc(Vc->NdisVcHandle);' }),
  v('mpcm-notify-close-under-lock', 'bug', 'the PASSIVE_LEVEL-only NdisCmNotifyCloseAddressFamily is called with the AF lock macro held',
    'mpcmreg.c', '    Status = NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle);\n', `    MPCM_LOCK(Af);
    Status = NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle);
    MPCM_UNLOCK(Af);
`,
    { rule: 'irql-passive-only', at: 'Status = NdisCmNotifyCloseAddressFamily(' }),
  v('mpcm-plain-prototype', 'bug', 'a handler declared with a plain prototype instead of its role type',
    'mpcm.h', 'PROTOCOL_CM_DROP_PARTY MpcmDropParty;', 'NDIS_STATUS MpcmDropParty(_In_ NDIS_HANDLE CallMgrPartyContext, _In_opt_ PVOID CloseData, _In_opt_ UINT Size);',
    { rule: 'handler-without-role-type', file: 'mpcmcall.c', at: 'MpcmDropParty(NDIS_HANDLE CallMgrPartyContext' }),
  v('mpcm-null-table-entry', 'bug', 'the stand-alone call manager leaves the modify-QoS entry empty',
    'mpcmreg.c', '    CmHandlers.CmModifyCallQoSHandler = MpcmModifyQoS;', '    CmHandlers.CmModifyCallQoSHandler = NULL;     // not supported',
    { rule: 'handler-table-mismatch', at: 'CmHandlers.CmModifyCallQoSHandler = NULL;' }),
  v('mpcm-deletes-client-vc', 'bug', 'after completing the close the call manager deletes the VC, which the client created',
    'mpcmcall.c', '    MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);\n', `    MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);
    if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        MpcmFreeVc(Vc);
    }
`,
    { rule: 'delete-foreign-vc', at: 'if (NdisCoDeleteVc(' }),
  v('mpcm-make-call-completes-and-returns', 'bug', 'a make call whose activation did not pend runs the activation-complete routine (which completes the call) and returns the status too',
    'mpcmcall.c', `    if (Status == NDIS_STATUS_PENDING) {
        return MPCM_STATUS_PENDING;
    }
`, `    if (Status == NDIS_STATUS_PENDING) {
        return MPCM_STATUS_PENDING;
    }
    MpcmActivateVcComplete(Status, Vc, CallParameters);
`,
    { rule: 'double-completion', at: '    return Status;\n}' }),

  v('mpcm-n-party-if-else', 'neutral', 'the conditional expression choosing the party handle becomes an if/else',
    'mpcmcall.c', '    Vc->ClosePartyHandle = (pParty != NULL) ? pParty->NdisPartyHandle : NULL;\n', `    if (pParty != NULL) {
        Vc->ClosePartyHandle = pParty->NdisPartyHandle;
    } else {
        Vc->ClosePartyHandle = NULL;
    }
`),
  v('mpcm-n-seh-completion', 'neutral', 'the close completion sits in __try/__finally with a DBG trace',
    'mpcmcall.c', '    MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);\n', `    __try {
        if (Vc->NdisVcHandle == NULL) {
            __leave;
        }
#if DBG
        MPCM_DBG("completing close of %p\\n", Vc);
#endif
    } __finally {
        MPCM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);
    }
`),
];
