// Variants of ndis5-mcm (NDIS 5.0 miniport call manager): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

const CLOSE_DONE = `        Adapter->LineVc = NULL;
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
        if (Vc->VcFlags & fVC_INCOMING)
        {
            /* We created it for an incoming call; the client's VCs are deleted by the client. */
            if (NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
            {
                NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
            }
        }
`;

export const NDIS5_MCM: Variant[] = [
  v('dsl-close-complete-standalone-name', 'bug', 'the MCM completes the close with the stand-alone call manager\'s function',
    'dslhw.c', '        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);', '        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);',
    { rule: 'cm-api-in-miniport', at: 'NdisCmCloseCallComplete(' }),
  v('dsl-deactivate-standalone-name', 'bug', 'the MCM deactivates with NdisCmDeactivateVc',
    'dslcall.c', '    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);', '    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);',
    { rule: 'cm-api-in-miniport', at: 'NdisCmDeactivateVc(' }),
  v('dsl-request-complete-and-return', 'bug', 'the request handler completes at once when the line is down, then returns SUCCESS as well',
    'dslcall.c', `    /* The modem's firmware answers requests; DslPollTimer completes them. */
    DSL_LOCK(Adapter);`, `    if (!Adapter->LineUp)
    {
        /* Nothing to ask the firmware: answer now. */
        NdisMCmRequestComplete(NDIS_STATUS_SUCCESS, Adapter->NdisAfHandle, NULL, NULL, NdisRequest);
        return NDIS_STATUS_SUCCESS;
    }

    /* The modem's firmware answers requests; DslPollTimer completes them. */
    DSL_LOCK(Adapter);`,
    { rule: 'double-completion', at: '        return NDIS_STATUS_SUCCESS;\n    }\n\n    /* The modem' }),
  v('dsl-complete-after-delete', 'bug', 'the timer deletes our incoming-call VC before completing its close on the deleted handle',
    'dslhw.c', CLOSE_DONE, `        Adapter->LineVc = NULL;
        if (Vc->VcFlags & fVC_INCOMING)
        {
            (VOID)NdisMCmDeleteVc(Vc->NdisVcHandle);
        }
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
`,
    { rule: 'vc-used-after-delete', at: 'NdisMCmCloseCallComplete(' }),
  v('dsl-incoming-vc-not-deleted', 'bug', 'the close of an incoming call never deletes the VC the MCM created',
    'dslhw.c', CLOSE_DONE, `        Adapter->LineVc = NULL;
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
`,
    { rule: 'missing-vc-delete', at: 'NdisMCmCloseCallComplete(' }),
  v('dsl-make-call-never-completed', 'bug', 'the timer activates the outgoing VC but forgets to complete the pended make call',
    'dslhw.c', '        NdisMCmMakeCallComplete(Status, Vc->NdisVcHandle, NULL, NULL, Vc->CallParameters);\n', '',
    { rule: 'missing-completion', file: 'dslcall.c', at: 'return NDIS_STATUS_PENDING;         /* completed by DslPollTimer */' }),
  v('dsl-delete-vc-pends', 'bug', 'the delete-VC handler pends while the line is still up',
    'dslcall.c', `    NdisFreeMemory(ProtocolVcContext, sizeof(DSL_VC), 0);
    return NDIS_STATUS_SUCCESS;`, `    PDSL_VC Vc = (PDSL_VC)ProtocolVcContext;

    if (Vc->State != VcIdle)
    {
        return NDIS_STATUS_PENDING;     /* DslPollTimer frees it when the line drops */
    }
    NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
    return NDIS_STATUS_SUCCESS;`,
    { rule: 'vc-handler-pends', at: 'return NDIS_STATUS_PENDING;     /* DslPollTimer frees' }),

  v('dsl-n-if0-old-completion', 'neutral', 'an old completion is parked in #if 0 beside the live one',
    'dslhw.c', '        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n', `#if 0
        /* Old firmware reported the hang-up twice; kept for reference. */
        NdisMCmCloseCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, NULL);
#endif
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
`),
  v('dsl-n-finish-close-helper', 'neutral', 'the timer\'s close completion and VC delete move into a helper in dslcall.c',
    'dslhw.c', CLOSE_DONE, `        Adapter->LineVc = NULL;
        DslFinishClose(Vc);
`, undefined, [
      { file: 'dsl.h', find: 'VOID DslHwHangUp(IN PDSL_ADAPTER Adapter);\n', replace: 'VOID DslHwHangUp(IN PDSL_ADAPTER Adapter);\nVOID DslFinishClose(IN PDSL_VC Vc);\n' },
      { file: 'dslcall.c', find: '/* An MCM\'s activations', replace: `/* Completes a close that DslCmCloseCall pended, and deletes the VC if we created it. */
VOID
DslFinishClose(
    IN PDSL_VC Vc
    )
{
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;

    NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, NULL);
    if ((Vc->VcFlags & fVC_INCOMING) && NdisMCmDeleteVc(VcHandle) == NDIS_STATUS_SUCCESS)
    {
        NdisFreeMemory(Vc, sizeof(DSL_VC), 0);
    }
}

/* An MCM's activations` },
    ]),
];
