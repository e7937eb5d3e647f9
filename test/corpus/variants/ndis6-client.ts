// Variants of ndis6-client (NDIS 6 CoNDIS client): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

const HANGUP = `    Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING) {
        VclCloseCallComplete(Status, Vc, NULL);
    }
`;

export const NDIS6_CLIENT: Variant[] = [
  v('vcl-send-after-close', 'bug', 'the sends held back during setup are flushed after the close call',
    'vclcall.c', HANGUP, `    Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    if (Vc->Queued != NULL) {
        NdisCoSendNetBufferLists(Vc->NdisVcHandle, Vc->Queued, 0);
        Vc->Queued = NULL;
    }
    if (Status != NDIS_STATUS_PENDING) {
        VclCloseCallComplete(Status, Vc, NULL);
    }
`,
    { rule: 'vc-used-after-close', at: 'NdisCoSendNetBufferLists(' }),
  v('vcl-close-call-unchecked', 'bug', 'the status of NdisClCloseCall is ignored and the close assumed finished',
    'vclcall.c', HANGUP, `    NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    Status = NDIS_STATUS_SUCCESS;
    VclCloseCallComplete(Status, Vc, NULL);
`,
    { rule: 'unchecked-status', at: 'NdisClCloseCall(' }),
  v('vcl-open-af-under-lock', 'bug', 'the PASSIVE_LEVEL-only NdisClOpenAddressFamilyEx is called with the binding lock macro held',
    'vclaf.c', '    Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily, Binding, &Binding->NdisAfHandle);\n', `    VCL_LOCK(Binding);
    Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily, Binding, &Binding->NdisAfHandle);
    VCL_UNLOCK(Binding);
`,
    { rule: 'irql-passive-only', at: 'Status = NdisClOpenAddressFamilyEx(' }),
  v('vcl-deletes-cm-vc', 'bug', 'the client deletes every VC whose call closed, also those the call manager created for incoming calls',
    'vclcall.c', `    if ((Vc->Flags & VCL_VC_OUTGOING) == 0) {
        return;
    }
    Status = NdisCoDeleteVc`, '    Status = NdisCoDeleteVc',
    { rule: 'delete-foreign-vc', at: 'Status = NdisCoDeleteVc' }),
  v('vcl-table-wrong-role', 'bug', 'the deregister-SAP-complete entry holds the close-AF-complete handler (same shape, other role)',
    'vclaf.c', '    ClHandlers.ClDeregisterSapCompleteHandler = VclDeregisterSapComplete;', '    ClHandlers.ClDeregisterSapCompleteHandler = VclCloseAfComplete;',
    { rule: 'handler-table-mismatch', at: 'ClHandlers.ClDeregisterSapCompleteHandler = VclCloseAfComplete;' }),
  v('vcl-notify-close-never-completed', 'bug', 'the pended close-AF notification is never completed',
    'vclaf.c', `    if (Binding->NotifyClosePending) {
        Binding->NotifyClosePending = FALSE;
        NdisClNotifyCloseAddressFamilyComplete(AfHandle, Status);
    }
`, `    UNREFERENCED_PARAMETER(AfHandle);
    UNREFERENCED_PARAMETER(Status);
    Binding->NotifyClosePending = FALSE;
`,
    { rule: 'missing-completion', at: 'return NDIS_STATUS_PENDING;     // VclCloseAfComplete' }),

  v('vcl-n-goto-ladder', 'neutral', 'the do { } while (FALSE) error exit of VclPlaceCall becomes a goto cleanup',
    'vclcall.c', `    do {
        Status = NdisCoCreateVc(Binding->NdisBindingHandle, Binding->NdisAfHandle, Vc, &Vc->NdisVcHandle);
        if (Status != NDIS_STATUS_SUCCESS) {
            break;
        }
        Status = NdisClMakeCall(Vc->NdisVcHandle, &Vc->CallParameters, NULL, NULL);
        if (Status != NDIS_STATUS_PENDING) {
            VclMakeCallComplete(Status, Vc, NULL, &Vc->CallParameters);
        }
        return NDIS_STATUS_PENDING;
    } while (FALSE);

    NdisFreeMemory`, `    Status = NdisCoCreateVc(Binding->NdisBindingHandle, Binding->NdisAfHandle, Vc, &Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Cleanup;
    }
    Status = NdisClMakeCall(Vc->NdisVcHandle, &Vc->CallParameters, NULL, NULL);
    if (Status != NDIS_STATUS_PENDING) {
        VclMakeCallComplete(Status, Vc, NULL, &Vc->CallParameters);
    }
    return NDIS_STATUS_PENDING;

Cleanup:
    NdisFreeMemory`),
  v('vcl-n-switch-fallthrough', 'neutral', 'the close call\'s result is dispatched by a switch with fall-through',
    'vclcall.c', HANGUP, `    Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    switch (Status) {
    case NDIS_STATUS_PENDING:
        break;                  // VclCloseCallComplete comes from NDIS
    case NDIS_STATUS_SUCCESS:
        Vc->Flags &= ~VCL_VC_CONNECTED;
        /* fall through */
    default:
        VclCloseCallComplete(Status, Vc, NULL);
        break;
    }
`),
];
