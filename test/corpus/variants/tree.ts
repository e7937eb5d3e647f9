// Variants of tree/ (an NDIS 6 miniport call manager in mcm/ beside an NDIS 6 client in client/, one workspace).
import { v, type Variant } from '../corpusKit';

export const TREE: Variant[] = [
  v('tree-mcm-standalone-deactivate', 'bug', 'the MCM deactivates with the stand-alone call manager\'s function',
    'mcm/wlcall.c', '    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);', '    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);',
    { rule: 'cm-api-in-miniport', at: 'NdisCmDeactivateVc(' }),
  v('tree-mcm-close-completes-and-returns', 'bug', 'the close handler completes through the header macro and also returns a final status',
    'mcm/wlcall.c', '    return Status;      // final: the link is down; NDIS tells the client', `    WL_COMPLETE_CLOSE(Vc);
    return Status;      // final: the link is down; NDIS tells the client`,
    { rule: 'double-completion', at: 'return Status;      // final: the link is down' }),
  v('tree-client-delete-unchecked', 'bug', 'the client ignores what NdisCoDeleteVc returned',
    'client/wdial.c', `    if (NdisCoDeleteVc(Binding->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        Binding->NdisVcHandle = NULL;
    }
}

_Use_decl_annotations_
VOID
WdIncomingCloseCall`, `    NdisCoDeleteVc(Binding->NdisVcHandle);
    Binding->NdisVcHandle = NULL;
}

_Use_decl_annotations_
VOID
WdIncomingCloseCall`,
    { rule: 'unchecked-status', at: '    NdisCoDeleteVc(Binding->NdisVcHandle);\n    Binding->NdisVcHandle = NULL;' }),
  v('tree-client-instance-name-at-passive', 'bug', 'the client names its VC for WMI from the open-AF completion, which runs at PASSIVE_LEVEL',
    'client/wdial.c', `    Status = NdisClMakeCall(Binding->NdisVcHandle, &Binding->CallParameters, NULL, NULL);`, `    {
        NDIS_STRING BaseName = { 0 };

        if (NdisCoAssignInstanceName(Binding->NdisVcHandle, &BaseName, NULL) != NDIS_STATUS_SUCCESS) {
            return;
        }
    }
    Status = NdisClMakeCall(Binding->NdisVcHandle, &Binding->CallParameters, NULL, NULL);`,
    { rule: 'irql-dispatch-only', at: 'if (NdisCoAssignInstanceName(' }),

  v('tree-n-make-call-seh', 'neutral', 'the MCM\'s make call activates inside __try/__finally',
    'mcm/wlcall.c', `    Status = NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
    Vc->Active = (Status == NDIS_STATUS_SUCCESS);`, `    __try {
        Status = NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
    } __finally {
        Vc->Active = (Status == NDIS_STATUS_SUCCESS);
    }`),
  v('tree-n-client-dbg-trace', 'neutral', 'the client\'s hang-up gains an #if DBG trace and a do { } while (0) wrapper',
    'client/wdial.c', `    Status = NdisClCloseCall(Binding->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING) {
        WdCloseCallComplete(Status, Binding, NULL);
    }`, `    do {
#if DBG
        if (Binding->NdisVcHandle == NULL) {
            break;
        }
#endif
        Status = NdisClCloseCall(Binding->NdisVcHandle, NULL, NULL, 0);
        if (Status != NDIS_STATUS_PENDING) {
            WdCloseCallComplete(Status, Binding, NULL);
        }
    } while (0);`),
];
